/**
 * The background side of the site crawl: host permission check, fetching (the service worker
 * fetches with the host permission the inspector granted), parsing in the offscreen document
 * (Chromium's service worker has no DOMParser; Firefox's background page has one and parses
 * itself), storing each checked page through the scan's own upsert, and progress in
 * storage.local under `crawl:<host>`, which the side panel watches.
 */
import type { GovCheckDB } from '@/lib/store/db';
import { saveScan } from '@/lib/store/repo';
import { savePageLinks } from '@/lib/store/link-checks';
import { onMessage, sendMessage } from '@/lib/messages';
import { loadSettings } from '@/lib/settings-store';
import { SiteCrawl } from '@/lib/crawl/crawl';
import { fetchPage } from '@/lib/crawl/fetch';
import { parseCrawledPage, type ParseInput } from '@/lib/crawl/parse';
import { checkSpamHosts } from './spam';
import { typoAnswer } from './typos';
import { withOffscreen } from './offscreen';
import { crawlKey, type CrawlState, type ParsedPage } from '@/lib/crawl/types';
import { columnVerdict } from '@/lib/verdict/columns';
import { activeRoundId } from '@/lib/rounds/active';
import cfg from '@/lib/data/crawl.json';

const running = new Map<string, SiteCrawl>();
/**
 * Sites whose crawl is being set up (permission check, settings) and not yet in `running`: the
 * slot is taken before the first await, so two quick starts cannot run two crawls writing the
 * same state, and a cancel in that window is kept and applied once the crawl exists.
 */
const starting = new Map<string, { cancelled: boolean }>();
async function parse(input: ParseInput): Promise<ParsedPage> {
  // Firefox's background page (and any context with a DOM) parses in place
  if (typeof DOMParser !== 'undefined') return parseCrawledPage(input, new DOMParser(), { checkSpamHosts, detectTypos: typoAnswer });
  return withOffscreen(() => sendMessage('crawlParse', input));
}

/** `http://host/*`: match patterns carry no port, so this covers the site on any port. */
export function originPattern(homeUrl: string): string {
  const u = new URL(homeUrl);
  return `${u.protocol}//${u.hostname}/*`;
}

function throttled(fn: (s: CrawlState) => void, ms: number): { push(s: CrawlState): void; flush(s: CrawlState): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: CrawlState | undefined;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    if (latest) fn(latest);
  };
  return {
    push(s) {
      latest = s;
      if (timer) return;
      const wait = Math.max(0, last + ms - Date.now());
      timer = setTimeout(fire, wait);
    },
    flush(s) {
      latest = s;
      if (timer) clearTimeout(timer);
      fire();
    },
  };
}

const writeState = (s: CrawlState) =>
  // a structured copy, so later mutation of the live state cannot race the write
  chrome.storage.local.set({ [crawlKey(s.site)]: JSON.parse(JSON.stringify(s)) as CrawlState }).catch(() => undefined);

/** Starts a crawl of the site of `homeUrl`; resolves once it is running, with `done` for its end. */
export async function startCrawl(db: GovCheckDB, homeUrl: string): Promise<{ ok: true; site: string; done: Promise<CrawlState> } | { error: string }> {
  let home: URL;
  try {
    home = new URL(homeUrl);
  } catch {
    return { error: `网址无效：${homeUrl}` };
  }
  if (!/^https?:$/.test(home.protocol)) return { error: '只能检查 http/https 网站。' };
  const site = home.hostname.toLowerCase();
  if (running.has(site) || starting.has(site)) return { error: '本站的栏目检查正在进行中。' };
  const setup = { cancelled: false };
  starting.set(site, setup);
  let settings: Awaited<ReturnType<typeof loadSettings>>;
  try {
    const granted = await chrome.permissions.contains({ origins: [originPattern(homeUrl)] }).catch(() => false);
    if (!granted) return { error: `未获得访问 ${site} 的权限，无法检查全站栏目。请在弹出的授权提示中点击「允许」。` };
    settings = await loadSettings();
  } finally {
    starting.delete(site);
  }
  const progress = throttled(writeState, cfg.progressEveryMs);
  const crawl = new SiteCrawl({
    homeUrl: home.origin + '/',
    fetch: (url, signal) => fetchPage(url, { homeUrl: home.origin + '/', timeoutMs: cfg.timeoutMs, maxBytes: cfg.maxBytes, signal }),
    parse: (url, html) => parse({ url, html, settings }),
    save: async (p) => {
      // crawled findings belong to the active round, like the pages the inspector opens
      await saveScan(db, p.report, undefined, activeRoundId(settings));
      // its links, for 检查全站链接 (entrypoints/background/site-links.ts)
      if (p.linkTargets) await savePageLinks(db, p.report.page.url, p.report.page.site, p.linkTargets);
    },
    verdict: (columns, h) => columnVerdict(columns, h ?? undefined),
    onProgress: (s) => progress.push(s),
    limits: { perHost: cfg.perHost, delayMs: cfg.delayMs, maxColumns: cfg.maxColumns },
  });
  running.set(site, crawl);
  // cancelled while being set up: it ends at once as 已取消 instead of running to the end
  if (setup.cancelled) crawl.cancel();
  const done = crawl
    .run()
    .catch((e) => {
      crawl.state.phase = 'error';
      crawl.state.error = `检查中断：${e instanceof Error ? e.message : String(e)}`;
      return crawl.state;
    })
    .then(async (s) => {
      running.delete(site);
      progress.flush(s);
      await writeState(s);
      return s;
    });
  return { ok: true, site, done };
}

export function cancelCrawl(site: string): boolean {
  const key = site.toLowerCase();
  const c = running.get(key);
  if (c) {
    c.cancel();
    return true;
  }
  const setup = starting.get(key);
  if (setup) setup.cancelled = true;
  return !!setup;
}

/**
 * A worker that starts has no crawl running: a stored crawl still marked running was cut off
 * (the browser stopped the worker or closed), so it is closed as interrupted, keeping its rows.
 */
async function closeInterrupted(): Promise<void> {
  const all = await chrome.storage.local.get(null);
  const patch: Record<string, CrawlState> = {};
  for (const [k, v] of Object.entries(all)) {
    const s = v as CrawlState;
    if (!k.startsWith('crawl:') || (s?.phase !== 'discovering' && s?.phase !== 'crawling') || running.has(s.site)) continue;
    patch[k] = {
      ...s,
      phase: 'error',
      current: null,
      error: '检查被中断（浏览器关闭或后台停止），已检查的栏目保留如下，可重新检查。',
      rows: s.rows.map((r) => (r.verdict === 'pending' ? { ...r, verdict: 'skipped', note: '检查中断，未检查' } : r)),
    };
  }
  if (Object.keys(patch).length) await chrome.storage.local.set(patch);
}

/** Crawl messages from the side panel, and the crawl's automation hooks (tests, bench). */
export function registerCrawlHandlers(db: GovCheckDB): void {
  void closeInterrupted().catch(() => undefined);
  onMessage('crawlStart', async ({ data }) => {
    const r = await startCrawl(db, data.homeUrl);
    return 'error' in r ? r : { ok: true as const, site: r.site };
  });
  onMessage('crawlCancel', ({ data }) => cancelCrawl(data));
  // read with Playwright's serviceWorker.evaluate, like globalThis.govcheck; nothing a page can reach
  (globalThis as { govcheckCrawl?: unknown }).govcheckCrawl = {
    async crawl(homeUrl: string): Promise<CrawlState | { error: string }> {
      const r = await startCrawl(db, homeUrl);
      return 'error' in r ? r : r.done;
    },
    cancel: cancelCrawl,
    running: () => [...running.keys()],
    /** the site's last crawl as the side panel shows it (for the headless scan's site verdict) */
    async lastCrawl(site: string): Promise<CrawlState | null> {
      const key = crawlKey(site);
      return ((await chrome.storage.local.get(key))[key] as CrawlState | undefined) ?? null;
    },
  };
}
