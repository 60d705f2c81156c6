/**
 * The link checker in the background (links.dead / links.suspect): content scripts send a page's
 * links (checkLinks), the background checks them with one shared LinkChecker (so the per-host
 * gate holds across tabs) and the IndexedDB cache (each URL once per 24 h), streams progress to
 * the tab, and gives doubtful results one second look after recheckDelayMs.
 *
 * Host rights: a fetch from the service worker to a host the extension has no permission for is
 * a CORS request, and a no-cors one comes back opaque (status 0): neither tells a 404 from a
 * page. So only hosts we may read are checked: *.gov.cn (the content script's hosts), the page's
 * own host (activeTab), and any host the inspector granted (检查链接 asks for all sites once).
 * The rest are counted as skipped, never guessed.
 */
import type { GovCheckDB } from '@/lib/store/db';
import { onMessage, sendMessage, type LinkCheckAnswer, type LinkCheckRequest } from '@/lib/messages';
import { LinkChecker, RECHECK_DELAY_MS, type LinkResult, type LinkProgress } from '@/lib/links/index';
import { hostKey, linkKey } from '@/lib/links/url';
import { DexieLinkCache, clearLinkChecks } from '@/lib/store/link-checks';
import cfg from '@/lib/data/link-check.json';

const GOV_HOST = /(^|\.)gov\.cn$/i;

/** Whether the background may read responses from this URL's origin (see the file comment). */
export async function mayReach(url: string, pageUrl: string): Promise<boolean> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (GOV_HOST.test(u.hostname) || hostKey(url) === hostKey(pageUrl)) return true;
  try {
    return await chrome.permissions.contains({ origins: [`${u.origin}/*`] });
  } catch {
    return false;
  }
}

export interface LinkServiceOptions {
  /** tests: the network double; the extension uses the browser's fetch */
  fetchImpl?: typeof fetch;
  reach?: (url: string, pageUrl: string) => Promise<boolean>;
  recheckDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * The checks of one background over the db cache. Page checks run one after another, so the
 * per-host gate (2 at once, 300 ms apart) holds across tabs too; a check of cached URLs is quick.
 */
export function linkService(db: GovCheckDB, opts: LinkServiceOptions = {}) {
  const cache = new DexieLinkCache(db);
  const reach = opts.reach ?? mayReach;
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const rechecking = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  const checkerFor = (onProgress?: (p: LinkProgress) => void) =>
    // a service worker cannot read redirects by hand (opaqueredirect): fetch follows them
    new LinkChecker({ cache, redirectMode: 'follow', headers: cfg.headers, fetchImpl: opts.fetchImpl, onProgress });

  async function run(
    req: LinkCheckRequest,
    progress?: (p: LinkProgress) => void,
    rechecked?: (results: LinkResult[]) => void,
  ): Promise<LinkCheckAnswer> {
    const targets = (Array.isArray(req?.targets) ? req.targets : []).filter((t) => typeof t?.url === 'string').slice(0, cfg.findings.maxTargets);
    const allowed: typeof targets = [];
    for (const t of targets) if (await reach(t.url, req.pageUrl)) allowed.push(t);
    if (req.force) await clearLinkChecks(db, allowed.map((t) => t.url));
    const checker = checkerFor(progress);
    const done = await checker.run(allowed.map((t) => ({ url: t.url, kind: t.kind })));
    const results = [...done.results.values()];
    // the one second look at doubtful results, by themselves, later; its results replace the cached ones
    const again = results.filter((r) => r.verdict === 'suspect' && r.recheck && !r.rechecked && !rechecking.has(r.url));
    if (again.length) {
      for (const r of again) rechecking.add(r.url);
      setTimer(() => {
        const kinds = new Map(allowed.map((t) => [linkKey(t.url), t.kind]));
        void checkerFor()
          .recheck(again, kinds)
          .then((r2) => rechecked?.([...r2.results.values()]))
          .catch(() => undefined)
          .finally(() => again.forEach((r) => rechecking.delete(r.url)));
      }, opts.recheckDelayMs ?? RECHECK_DELAY_MS);
    }
    return { results, checked: allowed.length, skipped: targets.length - allowed.length, cached: done.cached, fetched: done.fetched };
  }

  /** Checks a page's links; `progress` sees each result as it arrives, `rechecked` the later second looks. */
  function check(req: LinkCheckRequest, progress?: (p: LinkProgress) => void, rechecked?: (results: LinkResult[]) => void): Promise<LinkCheckAnswer> {
    const next = chain.then(() => run(req, progress, rechecked));
    chain = next.catch(() => undefined);
    return next;
  }

  return { check };
}

/** checkLinks from content scripts: progress and rechecks go back to the asking tab. */
export function registerLinkHandlers(db: GovCheckDB): ReturnType<typeof linkService> {
  const service = linkService(db);
  onMessage('checkLinks', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const tell = <K extends 'linkProgress' | 'linksRechecked'>(type: K, payload: Parameters<typeof sendMessage<K>>[1]) => {
      if (tabId !== undefined) void sendMessage(type, payload as never, tabId).catch(() => undefined);
    };
    return service.check(
      data,
      (p) => tell('linkProgress', p),
      (results) => tell('linksRechecked', results.map((r) => r.url)),
    );
  });
  return service;
}
