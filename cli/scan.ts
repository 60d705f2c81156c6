/**
 * Headless scan: `npm run scan -- [--format table|json] [--out FILE.csv] [--docx FILE.docx] [--today YYYY-MM-DD] <url|file|dir|demo>...`
 * Loads the built extension into Chromium and lets it scan each target — the same code an
 * inspector runs in the browser, no second implementation.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureChromium } from '../scripts/chromium.mjs';
import { ensureBuilt, scannerCopy } from './build';
import { launchWithExtension } from './browser';
import { serveFolder, type StaticServer } from './serve';
import { resolveTarget, type Target } from './targets';
import { formatTable, siteSummaries, type ScanOutput, type StoredSite } from './report';
import { writeFully } from './output';
import type { ScanSummary } from '../lib/messages';
import type { Finding, PageRecord } from '../lib/types';
import { buildReportDocx } from '../lib/export/docx';
import { reportInputFromBackup } from '../lib/export/docx-backup';
import { activeRoundId } from '../lib/rounds/active';

interface Args {
  format: 'table' | 'json';
  out: string | null;
  /** the 通报 draft (.docx) of this run's round */
  docx?: string;
  today?: string;
  help?: boolean;
  targets: string[];
}

const USAGE = '用法：npm run scan -- [--format table|json] [--out 文件.csv] [--docx 通报.docx] [--today YYYY-MM-DD] <网址|文件|目录|demo>...';

function parseArgs(argv: string[]): Args {
  const a: Args = { format: 'table', out: 'govcheck-findings.csv', targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    if (v === '--format') a.format = argv[++i] === 'json' ? 'json' : 'table';
    else if (v.startsWith('--format=')) a.format = v.endsWith('json') ? 'json' : 'table';
    else if (v === '--out') a.out = argv[++i] ?? null;
    else if (v.startsWith('--out=')) a.out = v.slice(6);
    else if (v === '--no-out') a.out = null;
    else if (v === '--docx') a.docx = argv[++i];
    else if (v.startsWith('--docx=')) a.docx = v.slice(7);
    else if (v === '--today') a.today = argv[++i];
    else if (v === '-h' || v === '--help') a.help = true;
    else a.targets.push(v);
  }
  if (a.docx !== undefined && !a.docx) throw new Error('--docx 需要一个文件名，例如 --docx 通报.docx');
  if (a.today && !/^\d{4}-\d{2}-\d{2}$/.test(a.today)) throw new Error(`--today 需要 YYYY-MM-DD 格式的日期：${a.today}`);
  return a;
}

async function openAndScan(page: Page, url: string, scan: (u: string) => Promise<ScanSummary | { error: string }>): Promise<ScanSummary | { error: string }> {
  let resp;
  try {
    resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    if (/ERR_NAME_NOT_RESOLVED/.test(msg)) return { error: '域名无法解析（DNS 失败）' };
    if (/Timeout/i.test(msg)) return { error: '打开页面超时（30 秒）' };
    return { error: `无法打开页面：${msg}` };
  }
  if (resp && resp.status() >= 400) return { error: `HTTP ${resp.status()}` };
  const type = resp?.headers()['content-type'] ?? 'text/html';
  if (!/html|xml/i.test(type)) return { error: `不是 HTML 页面（${type.split(';')[0]}）` };
  return scan(page.url());
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.targets.length) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const log = (s: string) => console.error(s);
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
  const loopbackHosts = [...new Set(targets.flatMap((t) => (t.kind === 'folder' && t.host !== '127.0.0.1' ? [t.host] : [])))];
  const browser = await launchWithExtension({ extensionPath: ext, executablePath, loopbackHosts });
  try {
    const { worker } = browser;
    await worker.evaluate(async (today) => {
      const got = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(got.settings ?? {}), ...(today ? { today } : {}) } });
    }, args.today ?? null);
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
      out.pages.push({
        url: r.page.url,
        title: r.page.title,
        pageType: r.page.pageType,
        pubDate: r.page.pubDate,
        scanMs: r.page.scanMs,
        notes: r.notes,
        findings: r.findings
          .filter((f) => f.status !== 'dismissed')
          .map(({ ruleId, severity, category, message, evidence, suggestion }) => ({ ruleId, severity, category, message, evidence, suggestion })),
      });
    }
    const stored = new Map<string, StoredSite>();
    const sites = (await worker.evaluate(() => (globalThis as any).govcheck.sites())) as { site: string; name: string; siteCode: string }[];
    for (const s of sites) {
      const findings = (await worker.evaluate((site) => (globalThis as any).govcheck.siteFindings(site), s.site)) as Finding[];
      stored.set(s.site, { name: s.name, code: s.siteCode, findings, columnPages: columnPagesBySite.get(s.site) ?? [] });
    }
    out.sites = siteSummaries(stored);
    if (args.out) {
      const csv = (await worker.evaluate(() => (globalThis as any).govcheck.csv())) as string;
      writeFileSync(args.out, csv);
      log(`已写出 CSV：${path.resolve(args.out)}`);
    }
    if (args.docx) {
      // the same backup the dashboard exports, turned into the 通报 draft in node (no second store)
      const backup = JSON.parse((await worker.evaluate(() => (globalThis as any).govcheck.backup())) as string);
      const settings = (await worker.evaluate(() => chrome.storage.local.get('settings'))) as { settings?: { activeRound?: string; today?: string } };
      const round = activeRoundId(settings.settings ?? {});
      writeFileSync(args.docx, await buildReportDocx(reportInputFromBackup(backup, { round, roundName: round })));
      log(`已写出 Word 通报：${path.resolve(args.docx)}`);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(ext, { recursive: true, force: true });
  }
  const report = args.format === 'json' ? JSON.stringify({ pages: out.pages, sites: out.sites, errors: out.errors }, null, 2) : formatTable(out);
  await writeFully(process.stdout, report + '\n');
  for (const e of out.errors) console.error(`错误：${e.target}：${e.error}`);
  // exitCode, not exit(): process.exit drops what a pipe has not taken yet
  process.exitCode = out.errors.length ? 1 : 0;
}

main().catch((e) => {
  console.error(`扫描失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
