/**
 * LinkChecker: many URLs, politely. Each URL is checked once per run (the polite queue), every
 * request waits for its host's gate (2 at once, 300 ms apart), fresh cached results are not
 * fetched again (so a cancelled run resumes where it stopped), and progress is reported as
 * results arrive. Suspect results can be given one second look with `recheck`.
 */
import { PoliteQueue } from '../crawl/queue';
import { checkLink, type CheckLinkOptions } from './check-link';
import { HostGate } from './gate';
import { MemoryLinkCache, isFresh, type LinkCache } from './cache';
import { classifyNetworkError } from './classify';
import { kindOfUrl, linkKey } from './url';
import type { LinkKind, LinkProgress, LinkResult, LinkTarget, RedirectMode } from './types';
import cfg from '../data/link-check.json';

export interface LinkCheckerOptions extends Omit<CheckLinkOptions, 'kind' | 'signal' | 'schedule' | 'onOpaqueRedirect'> {
  cache?: LinkCache;
  ttlMs?: number;
  perHost?: number;
  delayMs?: number;
  /** injectable timer (with `now`) for the queue and the gate */
  setTimer?: (fn: () => void, ms: number) => unknown;
  onProgress?: (p: LinkProgress) => void;
  onResult?: (r: LinkResult) => void;
}

export interface LinkRun {
  /** by linkKey(url) */
  results: Map<string, LinkResult>;
  cancelled: boolean;
  /** how many came from the cache, how many were fetched */
  cached: number;
  fetched: number;
}

export class LinkChecker {
  readonly cache: LinkCache;
  private queue: PoliteQueue<LinkResult> | null = null;
  /** cancel() came while the run was still reading the cache */
  private stopped = false;
  private readonly gate: HostGate;
  private mode: RedirectMode;
  private readonly now: () => number;

  constructor(private readonly opts: LinkCheckerOptions = {}) {
    this.cache = opts.cache ?? new MemoryLinkCache();
    this.now = opts.now ?? (() => Date.now());
    this.mode = opts.redirectMode ?? 'auto';
    this.gate = new HostGate({ perHost: opts.perHost ?? cfg.perHost, delayMs: opts.delayMs ?? cfg.delayMs, now: opts.now, setTimer: opts.setTimer });
  }

  /** Stops the current run: requests in flight are aborted, results delivered so far stay (and are cached). */
  cancel(): void {
    this.stopped = true;
    this.queue?.cancel();
  }

  /** Checks every target once; `force` ignores the cache (a recheck). */
  async run(targets: Iterable<string | LinkTarget>, runOpts: { force?: boolean; rechecked?: boolean } = {}): Promise<LinkRun> {
    this.stopped = false;
    const kinds = new Map<string, LinkKind>();
    for (const t of targets) {
      const url = typeof t === 'string' ? t : t.url;
      const key = linkKey(url);
      if (!kinds.has(key)) kinds.set(key, (typeof t === 'string' ? undefined : t.kind) ?? kindOfUrl(key));
    }
    const results = new Map<string, LinkResult>();
    const total = kinds.size;
    let dead = 0;
    let cached = 0;
    const deliver = (r: LinkResult) => {
      results.set(r.url, r);
      if (r.verdict === 'dead') dead++;
      this.opts.onResult?.(r);
      this.opts.onProgress?.({ done: results.size, total, dead, current: r.url });
    };

    const misses: string[] = [];
    if (runOpts.force) misses.push(...kinds.keys());
    else {
      const now = this.now();
      const ttl = this.opts.ttlMs ?? cfg.cacheTtlMs;
      const hits = await Promise.all([...kinds.keys()].map(async (k) => [k, await this.cache.get(k)] as const));
      for (const [k, hit] of hits) {
        if (hit && isFresh(hit, now, ttl)) {
          cached++;
          deliver(hit);
        } else misses.push(k);
      }
    }

    const pending: Promise<unknown>[] = [];
    const queue = new PoliteQueue<LinkResult>(
      (url, signal) =>
        checkLink(url, {
          ...this.opts,
          kind: kinds.get(url),
          signal,
          redirectMode: this.mode,
          schedule: (u, request) => this.gate.run(u, request),
          onOpaqueRedirect: () => (this.mode = 'follow'),
        }),
      (url, r, error) => {
        // checkLink never throws but on cancel; anything else still becomes a (suspect) result
        const result: LinkResult = r ?? { url, ...classifyNetworkError(error, false, 0), redirects: 0, method: 'GET', checkedAt: this.now(), ms: 0 };
        const final = runOpts.rechecked ? { ...result, rechecked: true, recheck: false } : result;
        pending.push(Promise.resolve(this.cache.set(url, final)).catch(() => undefined));
        deliver(final);
      },
      // the queue only limits whole checks per host; the gate spaces every request
      { perHost: this.opts.perHost ?? cfg.perHost, delayMs: 0, now: this.now, setTimer: this.opts.setTimer },
    );
    this.queue = queue;
    if (this.stopped) queue.cancel();
    for (const k of misses) queue.add(k);
    await queue.idle();
    await Promise.all(pending);
    if (this.queue === queue) this.queue = null;
    return { results, cancelled: queue.cancelled, cached, fetched: results.size - cached };
  }

  /**
   * The one second look: suspect results marked `recheck` are fetched again (the caller waits
   * RECHECK_DELAY_MS first). Returns the new results only; they never ask for a third look.
   */
  recheck(results: Iterable<LinkResult>, kinds?: Map<string, LinkKind>): Promise<LinkRun> {
    const again = [...results].filter((r) => r.verdict === 'suspect' && r.recheck).map((r) => ({ url: r.url, kind: kinds?.get(r.url) }));
    return this.run(again, { force: true, rechecked: true });
  }
}
