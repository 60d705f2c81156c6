/**
 * Batch bench (`npm run bench:batch`): 50 generated county sites of 20 pages (a home page whose
 * navigation links 19 columns), each on loopback under its own *.gov.cn name, inspected by the
 * batch scan with --crawl (cli/batch.ts, the extension's own crawl). Reports the wall time
 * against the politeness floor, pages a second, and the peak memory of this node process and of
 * the browser (proportional set size of every Chromium process, from /proc).
 *
 * `--concurrency N` (default 4, as the CLI), `--sites N`, `--pages N`.
 * A report, not a test: exits 0 unless the bench itself fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../../scripts/chromium.mjs';
import { ROOT, ensureBuilt, scannerCopy } from '../../cli/build';
import { launchWithExtension } from '../../cli/browser';
import { runBatch } from '../../cli/batch';
import { BatchProgress } from '../../cli/progress';
import { siteKey, type SiteEntry } from '../../cli/sites';
import { serveCrawlSite, type CrawlServer } from '../e2e/crawl-server';
import { generateCountySite } from './gen-site';
import cfg from '../../lib/data/crawl.json';

const TODAY = '2026-11-23';

function flag(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : dflt;
}

/** Every process below `root` (Chromium and its renderers, GPU, utility processes). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // the command may hold spaces and parentheses: the fields after the last ')' are fixed
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) if (pp === p) out.push(c), walk(c);
  };
  walk(root);
  return out;
}

/** Proportional set size in bytes (shared pages split between the processes sharing them). */
function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface BatchBenchResult {
  sites: number;
  pagesPerSite: number;
  concurrency: number;
  seconds: number;
  floorSeconds: number;
  pagesChecked: number;
  requests: number;
  pagesPerSecond: number;
  maxInFlightPerHost: number;
  peakNodeRssMB: number;
  peakBrowserPssMB: number;
  browserProcesses: number;
  verdicts: Record<string, number>;
  errors: number;
  /** sites whose crawl checked fewer columns than the site has, with why */
  shortCrawls: { site: string; crawl: unknown }[];
}

export async function runBatchBench(opts: { sites: number; pages: number; concurrency: number }): Promise<BatchBenchResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-batch-bench-'));
  const servers: CrawlServer[] = [];
  const entries: SiteEntry[] = [];
  const hosts: string[] = [];
  for (let i = 0; i < opts.sites; i++) {
    const dir = path.join(tmp, `site${i}`);
    mkdirSync(dir);
    generateCountySite(dir, { pages: opts.pages, name: `基准测试${i}县人民政府`, code: `36099${String(i).padStart(5, '0')}`, articleEvery: 0, today: TODAY });
    const s = await serveCrawlSite(dir);
    servers.push(s);
    const host = `www.bench${i}.gov.cn`;
    hosts.push(host);
    const url = `http://${host}:${s.port}/`;
    entries.push({ line: i + 1, url, key: siteKey(url) });
  }
  const ext = scannerCopy(ensureBuilt((m) => console.error(m)));
  const browser = await launchWithExtension({ extensionPath: ext, executablePath: findChromium(), loopbackHosts: hosts, offline: true });
  let peakNode = 0;
  let peakBrowser = 0;
  let procs = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakNode = Math.max(peakNode, process.memoryUsage().rss);
      const kids = descendants(process.pid).filter((p) => /chrom/i.test(safeRead(`/proc/${p}/comm`)));
      procs = Math.max(procs, kids.length);
      peakBrowser = Math.max(peakBrowser, kids.reduce((a, p) => a + pss(p), 0));
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  try {
    await browser.worker.evaluate((today) => chrome.storage.local.set({ settings: { today } }), TODAY);
    const t0 = Date.now();
    const runs = await runBatch(browser, entries, { concurrency: opts.concurrency, crawl: true, progress: new BatchProgress(entries.length) });
    const seconds = (Date.now() - t0) / 1000;
    sampling = false;
    await sampler;
    const verdicts: Record<string, number> = {};
    for (const r of runs) if (r.result) verdicts[r.result.verdict] = (verdicts[r.result.verdict] ?? 0) + 1;
    const pagesChecked = runs.reduce((a, r) => a + (r.result ? 1 + (r.result.crawl?.checked ?? 0) : 0), 0);
    // per site: the crawl starts a request to its host at most every delayMs (two at a time at
    // most, which binds only when a reply takes longer than 2 × delayMs); its 19 columns follow
    // the home page, so ≥ 19 × delayMs. Sites run `concurrency` at a time.
    const perSite = ((opts.pages - 1) * cfg.delayMs) / 1000;
    const floorSeconds = Math.ceil(opts.sites / opts.concurrency) * perSite;
    const requests = servers.reduce((a, s) => a + s.log.length, 0);
    return {
      sites: opts.sites,
      pagesPerSite: opts.pages,
      concurrency: opts.concurrency,
      seconds,
      floorSeconds,
      pagesChecked,
      requests,
      pagesPerSecond: pagesChecked / seconds,
      maxInFlightPerHost: Math.max(...servers.map((s) => s.maxInFlight())),
      peakNodeRssMB: Math.round(Math.max(peakNode, process.resourceUsage().maxRSS * 1024) / 1048576),
      peakBrowserPssMB: Math.round(peakBrowser / 1048576),
      browserProcesses: procs,
      verdicts,
      errors: runs.filter((r) => r.error).length,
      shortCrawls: runs.filter((r) => r.result && (r.result.crawl?.checked ?? 0) < opts.pages - 1).map((r) => ({ site: r.entry.url, crawl: r.result!.crawl })),
    };
  } finally {
    sampling = false;
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(ext, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

function safeRead(f: string): string {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
}

function table(r: BatchBenchResult): string {
  const rows: [string, string][] = [
    ['sites × pages', `${r.sites} × ${r.pagesPerSite} (home + ${r.pagesPerSite - 1} columns, crawled)`],
    ['concurrency', `${r.concurrency} sites at once; per host ≤ ${cfg.perHost} requests, ≥ ${cfg.delayMs} ms apart`],
    ['wall time', `${r.seconds.toFixed(1)} s`],
    ['politeness floor', `${r.floorSeconds.toFixed(1)} s (⌈${r.sites}/${r.concurrency}⌉ × ${r.pagesPerSite - 1} × ${cfg.delayMs} ms)`],
    ['wall / floor', `${(r.seconds / r.floorSeconds).toFixed(2)}`],
    ['pages checked', `${r.pagesChecked} (${r.requests} HTTP requests, most at once on one host: ${r.maxInFlightPerHost})`],
    ['pages / second', r.pagesPerSecond.toFixed(2)],
    ['peak node RSS', `${r.peakNodeRssMB} MB`],
    ['peak browser PSS', `${r.peakBrowserPssMB} MB (${r.browserProcesses} Chromium processes at most)`],
    ['verdicts', Object.entries(r.verdicts).map(([k, v]) => `${k} ${v}`).join(', ') + (r.errors ? `; errors ${r.errors}` : '')],
  ];
  for (const c of r.shortCrawls) rows.push(['short crawl', `${c.site} ${JSON.stringify(c.crawl)}`]);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runBatchBench({ sites: flag('--sites', 50), pages: flag('--pages', 20), concurrency: flag('--concurrency', 4) }).then(
    (r) => {
      console.log('batch bench');
      console.log(table(r));
      const out = path.join(ROOT, '.bench-out');
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'batch.json'), JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(`batch bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
