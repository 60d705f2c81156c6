/**
 * Headless scan: `npm run scan -- [--format table|json] [--out FILE.csv] [--docx FILE.docx] [--today YYYY-MM-DD] <url|file|dir|demo>...`
 * or a batch of sites: `npm run scan -- --sites LIST [--crawl] [--concurrency N] [--state DIR] [--shard i/n] [--backup FILE.json]`.
 * Loads the built extension into Chromium and lets it scan each target — the same code an
 * inspector runs in the browser, no second implementation.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Worker } from 'playwright-core';
import path from 'node:path';
import { ensureChromium } from '../scripts/chromium.mjs';
import { ensureBuilt, scannerCopy } from './build';
import { launchWithExtension } from './browser';
import { serveFolder, type StaticServer } from './serve';
import { resolveTarget, type Target } from './targets';
import { formatTable, siteSummaries, type ScanOutput, type StoredSite } from './report';
import { writeFully } from './output';
import { openAndScan, pageResult } from './open-page';
import type { PageLinkSummary, ScanSummary } from '../lib/messages';
import type { Finding, PageRecord } from '../lib/types';
import { buildReportDocx } from '../lib/export/docx';
import { reportInputFromBackup } from '../lib/export/docx-backup';
import { activeRoundId } from '../lib/rounds/active';
import { parseSiteList } from './sites';
import { inShard, parseShard, type Shard } from './shard';
import { runBatch } from './batch';
import { BatchProgress } from './progress';

interface Args {
  format: 'table' | 'json';
  out: string | null;
  /** the 通报 draft (.docx) of this run's round */
  docx?: string;
  /** the JSON backup the dashboard imports */
  backup?: string;
  today?: string;
  help?: boolean;
  targets: string[];
  /** host names served from 127.0.0.1 (staged copies of sites, tests) */
  resolve: string[];
  /** batch mode: the site list file */
  sites?: string;
  crawl: boolean;
  links: boolean;
  concurrency: number;
  state?: string;
  shard?: Shard;
}

const USAGE = [
  '用法：npm run scan -- [--format table|json] [--out 文件.csv] [--docx 通报.docx] [--backup 备份.json] [--today YYYY-MM-DD] [--resolve 域名]... [--links] <网址|文件|目录|demo>...',
  '批量：npm run scan -- --sites 网站列表.txt|.csv [--crawl] [--links] [--concurrency 4] [--state 目录] [--shard 序号/总数] [其余选项同上]',
].join('\n');

function parseArgs(argv: string[]): Args {
  const a: Args = { format: 'table', out: 'govcheck-findings.csv', targets: [], resolve: [], crawl: false, links: false, concurrency: 4 };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} 缺少参数值`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const [flag, inline] = v.startsWith('--') && v.includes('=') ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v, undefined];
    const arg = () => inline ?? value(++i, flag);
    if (flag === '--format') a.format = arg() === 'json' ? 'json' : 'table';
    else if (flag === '--out') a.out = inline ?? argv[++i] ?? null;
    else if (flag === '--no-out') a.out = null;
    else if (flag === '--docx') a.docx = inline ?? argv[++i];
    else if (flag === '--backup') a.backup = arg();
    else if (flag === '--today') a.today = arg();
    else if (flag === '--resolve') a.resolve.push(arg().toLowerCase());
    else if (flag === '--sites') a.sites = arg();
    else if (flag === '--crawl') a.crawl = true;
    else if (flag === '--links') a.links = true;
    else if (flag === '--state') a.state = arg();
    else if (flag === '--shard') a.shard = parseShard(arg());
    else if (flag === '--concurrency') {
      const n = Number(arg());
      if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`--concurrency 需要 1 到 32 之间的整数：${argv[i]}`);
      a.concurrency = n;
    } else if (v === '-h' || v === '--help') a.help = true;
    else a.targets.push(v);
  }
  if (a.docx !== undefined && !a.docx) throw new Error('--docx 需要一个文件名，例如 --docx 通报.docx');
  if (a.today && !/^\d{4}-\d{2}-\d{2}$/.test(a.today)) throw new Error(`--today 需要 YYYY-MM-DD 格式的日期：${a.today}`);
  if (!a.sites && (a.crawl || a.state || a.shard)) throw new Error('--crawl、--state、--shard 只用于批量检查（--sites 网站列表）');
  if (a.sites && a.targets.length) throw new Error(`批量检查（--sites）时不能再给出网址或文件：${a.targets.join(' ')}`);
  return a;
}

const api = <T>(worker: Worker, fn: string, arg?: unknown) => worker.evaluate(([f, x]) => (globalThis as any).govcheck[f as string](x), [fn, arg] as const) as Promise<T>;

async function setToday(worker: Worker, today: string | undefined): Promise<void> {
  await worker.evaluate(async (today) => {
    const got = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(got.settings ?? {}), ...(today ? { today } : {}) } });
  }, today ?? null);
}

/** The CSV, the JSON backup and the 通报 draft, all from the extension's store. */
async function writeFiles(worker: Worker, args: Args, log: (s: string) => void): Promise<void> {
  if (args.out) {
    writeFileSync(args.out, await api<string>(worker, 'csv'));
    log(`已写出 CSV：${path.resolve(args.out)}`);
  }
  if (!args.docx && !args.backup) return;
  const text = await api<string>(worker, 'backup');
  if (args.backup) {
    writeFileSync(args.backup, text);
    log(`已写出备份（可在“问题汇总”页导入）：${path.resolve(args.backup)}`);
  }
  if (args.docx) {
    // the same backup the dashboard exports, turned into the 通报 draft in node (no second store)
    const settings = (await worker.evaluate(() => chrome.storage.local.get('settings'))) as { settings?: { activeRound?: string; today?: string } };
    const round = activeRoundId(settings.settings ?? {});
    writeFileSync(args.docx, await buildReportDocx(reportInputFromBackup(JSON.parse(text), { round, roundName: round })));
    log(`已写出 Word 通报：${path.resolve(args.docx)}`);
  }
}

async function printReport(out: ScanOutput, format: Args['format']): Promise<void> {
  const report = format === 'json' ? JSON.stringify({ pages: out.pages, sites: out.sites, errors: out.errors }, null, 2) : formatTable(out);
  await writeFully(process.stdout, report + '\n');
  for (const e of out.errors) console.error(`错误：${e.target}：${e.error}`);
  // exitCode, not exit(): process.exit drops what a pipe has not taken yet
  process.exitCode = out.errors.length ? 1 : 0;
}

/** `--sites FILE`: many sites, several at once (cli/batch.ts). */
async function batchMain(args: Args, log: (s: string) => void): Promise<void> {
  const file = args.sites!;
  if (!existsSync(file)) throw new Error(`找不到网站列表文件：${file}`);
  const list = parseSiteList(readFileSync(file, 'utf8'));
  const out: ScanOutput = { pages: [], sites: [], errors: [] };
  for (const e of list.errors) {
    log(`网站列表 ${e.message}`);
    out.errors.push({ target: `${file} 第 ${e.line} 行`, error: e.message.replace(/^第 \d+ 行：/, '') });
  }
  const sites = list.sites.filter((s) => inShard(s.key, args.shard));
  if (args.shard) log(`分片 ${args.shard.index}/${args.shard.count}：本机检查 ${sites.length} 个网站（列表共 ${list.sites.length} 个）`);
  if (args.links) log('链接检查：只检查各网站首页的链接（栏目页的链接尚未接入批量检查）');
  const executablePath = ensureChromium();
  const ext = scannerCopy(ensureBuilt(log));
  const browser = await launchWithExtension({ extensionPath: ext, executablePath, loopbackHosts: args.resolve });
  const progress = new BatchProgress(sites.length);
  // Ctrl-C or a stopped pod: close the browser and its temporary copies; finished sites stay in --state
  const interrupted = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    interrupted.abort();
    progress.note(args.state ? `已中断（${signal}）：已完成的网站记录在 ${args.state}，再次运行同一命令即可继续` : `已中断（${signal}）`);
    void browser.close().finally(() => {
      rmSync(ext, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    await setToday(browser.worker, args.today);
    const runs = await runBatch(browser, sites, { concurrency: args.concurrency, crawl: args.crawl, links: args.links, stateDir: args.state, progress, signal: interrupted.signal });
    progress.end();
    for (const r of runs) {
      out.pages.push(...r.pages);
      if (r.result) out.sites.push(r.result);
      const err = r.error ?? r.crawlError;
      if (err) out.errors.push({ target: `${r.entry.url}（第 ${r.entry.line} 行）`, error: err });
    }
    await writeFiles(browser.worker, args, log);
  } finally {
    await browser.close();
    rmSync(ext, { recursive: true, force: true });
  }
  await printReport(out, args.format);
}

/** the findings --links adds (lib/rules/links-check.ts) */
const LINK_RULES = new Set(['links.dead', 'links.suspect']);

/**
 * --links: the page's links through the extension's checker (as 检查链接 in the side panel);
 * answers the link findings (evidence = URL, message = status or error) and a note with the counts.
 */
async function checkPageLinks(worker: Worker, url: string): Promise<{ findings: Finding[]; notes: string[] }> {
  const res = (await worker.evaluate((u) => (globalThis as any).govcheck.checkLinksUrl(u), url)) as PageLinkSummary | { error: string };
  if ('error' in res) return { findings: [], notes: [`链接检查失败：${res.error}`] };
  return {
    findings: res.findings,
    notes: [`链接检查：${res.checked} 个链接，不可用 ${res.dead} 个，待复核 ${res.suspect} 个${res.skipped ? `，${res.skipped} 个未检查` : ''}。`],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.targets.length && !args.sites) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const log = (s: string) => console.error(s);
  if (args.sites) return batchMain(args, log);
  const executablePath = ensureChromium();
  const ext = scannerCopy(ensureBuilt(log));
  const targets: Target[] = args.targets.map(resolveTarget);
  const servers: StaticServer[] = [];
  const pages: { target: string; url: string }[] = [];
  const columnPagesBySite = new Map<string, PageRecord[]>();
  const out: ScanOutput = { pages: [], sites: [], errors: [] };
  for (const t of targets) {
    if (t.kind === 'error') out.errors.push({ target: t.arg, error: t.error });
    else if (t.kind === 'url') pages.push({ target: t.arg, url: t.url });
    else {
      const s = await serveFolder(t.root);
      servers.push(s);
      for (const f of t.files) pages.push({ target: t.arg === 'demo' ? `demo/${f}` : path.join(t.arg, t.files.length > 1 ? f : ''), url: `http://${t.host}:${s.port}/${f}` });
    }
  }
  const loopbackHosts = [...new Set([...args.resolve, ...targets.flatMap((t) => (t.kind === 'folder' && t.host !== '127.0.0.1' ? [t.host] : []))])];
  const browser = await launchWithExtension({ extensionPath: ext, executablePath, loopbackHosts });
  try {
    const { worker } = browser;
    await setToday(worker, args.today);
    const scan = (u: string) => worker.evaluate((url) => (globalThis as any).govcheck.scanUrl(url), u) as Promise<ScanSummary | { error: string }>;
    const page = await browser.context.newPage();
    for (const [i, p] of pages.entries()) {
      log(`(${i + 1}/${pages.length}) 检查 ${p.url}`);
      const r = await openAndScan(page, p.url, scan).catch((e) => ({ error: String(e) }));
      if ('error' in r) {
        out.errors.push({ target: p.target, error: r.error });
        continue;
      }
      if (r.page.columnStatus) columnPagesBySite.set(r.page.site, [...(columnPagesBySite.get(r.page.site) ?? []), r.page]);
      const links = args.links ? await checkPageLinks(worker, p.url) : null;
      const findings = links ? [...r.findings.filter((f) => !LINK_RULES.has(f.ruleId)), ...links.findings] : r.findings;
      out.pages.push(pageResult(r.page, findings, [...r.notes, ...(links?.notes ?? [])]));
    }
    const stored = new Map<string, StoredSite>();
    const sites = (await worker.evaluate(() => (globalThis as any).govcheck.sites())) as { site: string; name: string; siteCode: string }[];
    for (const s of sites) {
      const findings = (await worker.evaluate((site) => (globalThis as any).govcheck.siteFindings(site), s.site)) as Finding[];
      stored.set(s.site, { name: s.name, code: s.siteCode, findings, columnPages: columnPagesBySite.get(s.site) ?? [] });
    }
    out.sites = siteSummaries(stored);
    await writeFiles(worker, args, log);
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(ext, { recursive: true, force: true });
  }
  await printReport(out, args.format);
}

main().catch((e) => {
  console.error(`扫描失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
