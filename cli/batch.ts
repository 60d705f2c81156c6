/**
 * Many sites at once (`npm run scan -- --sites FILE`): each site's home page is opened in its own
 * tab and scanned by the extension; with `--crawl` the extension's own site crawl (检查全站栏目,
 * entrypoints/background/crawl.ts) then checks the columns it finds, keeping its per-host
 * politeness. Up to `concurrency` sites run in parallel.
 */
import type { LaunchedBrowser } from './browser';
import type { SiteEntry } from './sites';
import type { PageResult } from './report';
import { siteSummaries } from './report';
import type { BatchSiteResult } from './batch-types';
import { openAndScan, pageResult, type ScanAnswer } from './open-page';
import { loadFinished, saveFinished, type FinishedSite } from './state';
import type { BatchProgress } from './progress';
import type { ColumnStatus, Finding, PageRecord, SiteRecord } from '../lib/types';
import type { CrawlState } from '../lib/crawl/types';
import type { PageLinkSummary } from '../lib/messages';

export interface BatchOptions {
  concurrency: number;
  crawl: boolean;
  /** --links: check the home page's links through the extension (links.dead / links.suspect) */
  links?: boolean;
  stateDir?: string;
  progress: BatchProgress;
  /** how often a running crawl's progress is read (ms) */
  pollMs?: number;
  /** stops taking new sites; what is running is dropped, not reported (the run is being interrupted) */
  signal?: AbortSignal;
}

export interface SiteRun {
  entry: SiteEntry;
  result?: BatchSiteResult;
  pages: PageResult[];
  error?: string;
  /** the site is reported, but its column crawl did not finish (not recorded in --state: a rerun tries again) */
  crawlError?: string;
  /** finished in an earlier run (--state) */
  resumed?: boolean;
}

type Api = <T>(fn: string, ...args: unknown[]) => Promise<T>;

function apiOf(browser: LaunchedBrowser, global: 'govcheck' | 'govcheckCrawl'): Api {
  return <T>(fn: string, ...args: unknown[]) =>
    browser.worker.evaluate(([g, f, a]) => (globalThis as any)[g as string][f as string](...(a as unknown[])), [global, fn, args] as const) as Promise<T>;
}

export async function runBatch(browser: LaunchedBrowser, sites: SiteEntry[], opts: BatchOptions): Promise<SiteRun[]> {
  const api = apiOf(browser, 'govcheck');
  const runs: SiteRun[] = new Array(sites.length);
  const todo: number[] = [];
  for (const [i, entry] of sites.entries()) {
    const done = opts.stateDir ? loadFinished(opts.stateDir, entry.key, opts.crawl) : null;
    if (!done) {
      todo.push(i);
      continue;
    }
    // back into this run's store, so the CSV, backup and 通报 cover it as if it had run again
    const r = await api<{ error?: string }>('importBackup', done.backup);
    if (r.error) {
      opts.progress.note(`第 ${entry.line} 行：上次的检查记录无法导入（${r.error}），重新检查`);
      todo.push(i);
      continue;
    }
    runs[i] = { entry, result: done.result, pages: done.pages, resumed: true };
  }
  const resumed = sites.length - todo.length;
  if (resumed) {
    opts.progress.note(`已跳过上次完成的网站 ${resumed} 个（--state ${opts.stateDir}）`);
    for (const i of sites.keys()) if (runs[i]) opts.progress.finished(sites[i]!.url, '上次已完成');
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length && !opts.signal?.aborted) {
      const i = todo[next++]!;
      const entry = sites[i]!;
      opts.progress.started(entry.url);
      const run = await inspectSite(browser, entry, opts).catch((e): SiteRun => ({ entry, pages: [], error: `检查失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }));
      // interrupted while it ran: the browser is closing under it, so its outcome means nothing
      if (opts.signal?.aborted) return;
      runs[i] = run;
      opts.progress.finished(entry.url, run.error ? `错误：${run.error}` : `${run.result!.verdict}，问题 ${run.result!.findingCount} 个${run.crawlError ? `（${run.crawlError}）` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  return runs;
}

async function inspectSite(browser: LaunchedBrowser, entry: SiteEntry, opts: BatchOptions): Promise<SiteRun> {
  const api = apiOf(browser, 'govcheck');
  const crawlApi = apiOf(browser, 'govcheckCrawl');
  const tab = await browser.context.newPage();
  let home: ScanAnswer;
  try {
    home = await openAndScan(tab, entry.url, (u) => api<ScanAnswer>('scanUrl', u));
    if (opts.links && !('error' in home)) {
      // stored with the page's findings; the site's findings below read them back
      const l = await api<PageLinkSummary | { error: string }>('checkLinksUrl', home.page.url);
      home.notes.push('error' in l ? `链接检查失败：${l.error}` : `链接检查（首页）：${l.checked} 个链接，不可用 ${l.dead} 个，待复核 ${l.suspect} 个${l.skipped ? `，${l.skipped} 个未检查` : ''}。`);
    }
  } finally {
    await tab.close().catch(() => undefined);
  }
  if ('error' in home) return { entry, pages: [], error: home.error };
  const site = home.page.site;
  opts.progress.pagesOf(entry.key, 1, entry.url);

  let columns: ColumnStatus[] = [];
  let homeColumn = home.page.pageType === 'home' && home.column ? home.column : undefined;
  let crawl: BatchSiteResult['crawl'];
  if (opts.crawl) {
    // the site as the tab ended up on it (a home page may redirect to its www. host)
    const origin = new URL(home.page.url).origin + '/';
    const poll = setInterval(() => {
      void crawlApi<CrawlState | null>('lastCrawl', site)
        .then((s) => s && opts.progress.pagesOf(entry.key, 1 + s.checked, s.current))
        .catch(() => undefined);
    }, opts.pollMs ?? 1000);
    try {
      const s = await crawlApi<CrawlState | { error: string }>('crawl', origin);
      if (!('phase' in s)) crawl = { checked: 0, total: 0, phase: 'error', error: s.error };
      else {
        crawl = { checked: s.checked, total: s.total, phase: s.phase, ...(s.error ? { error: s.error } : {}) };
        columns = s.rows.filter((r) => r.column).map((r) => r.column!);
        homeColumn = s.home ?? homeColumn;
        opts.progress.pagesOf(entry.key, 1 + s.checked, null);
      }
    } finally {
      clearInterval(poll);
    }
  }

  const filled = await api<{ name: boolean; code: boolean }>('fillSiteIdentity', site, entry.name, entry.code);
  const rec = (await api<SiteRecord[]>('sites')).find((s) => s.site === site);
  const findings = await api<Finding[]>('siteFindings', site);
  const stored = await api<PageRecord[]>('sitePages', site);
  // the column pages the scan and the crawl stored carry the statuses the site verdict reads
  const [summary] = siteSummaries(new Map([[site, { name: rec?.name ?? '', code: rec?.siteCode ?? '', findings, columnPages: stored.filter((p) => p.columnStatus) }]]));
  const result: BatchSiteResult = {
    ...summary!,
    url: entry.url,
    line: entry.line,
    ...(rec?.name ? { siteNameFrom: filled.name ? 'list' : 'page' } : {}),
    ...(rec?.siteCode ? { siteCodeFrom: filled.code ? 'list' : 'page' } : {}),
    ...(crawl ? { crawl } : {}),
  };
  const byUrl = new Map<string, Finding[]>();
  for (const f of findings) (byUrl.get(f.url) ?? byUrl.set(f.url, []).get(f.url)!).push(f);
  // the home page first, then the columns in URL order: the same report whatever order they finished in
  const pages = stored
    .sort((a, b) => (a.url === home.page.url ? -1 : b.url === home.page.url ? 1 : a.url.localeCompare(b.url)))
    .map((p) => pageResult(p, byUrl.get(p.url) ?? [], p.url === home.page.url ? home.notes : []));
  const run: SiteRun = { entry, result, pages, ...(crawl?.phase === 'error' ? { crawlError: `栏目检查未完成：${crawl.error ?? '原因不明'}` } : {}) };
  if (opts.stateDir && !run.crawlError && !opts.signal?.aborted) {
    const rec: FinishedSite = { version: 1, key: entry.key, url: entry.url, crawl: opts.crawl, result, pages, backup: await api<string>('siteBackup', site) };
    saveFinished(opts.stateDir, rec);
  }
  return run;
}
