import { describe, it, expect, beforeAll, afterAll, vi, afterEach } from 'vitest';
import { LinkChecker } from '../../../lib/links/checker';
import { HostGate } from '../../../lib/links/gate';
import { MemoryLinkCache } from '../../../lib/links/cache';
import type { LinkProgress, LinkResult } from '../../../lib/links/types';
import { startServer, loopbackFetch, type TestServer } from './server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());
afterEach(() => vi.useRealTimers());

/** Most requests the server had open at one moment. */
function maxOverlap(reqs: { start: number; end: number }[]): number {
  const ev = reqs.flatMap((r) => [
    [r.start, 1],
    [r.end, -1],
  ]);
  ev.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!); // an end before a start at the same ms
  let cur = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (cur += d!));
  return max;
}

/** node's fetch, recording when each request was sent. */
function timedFetch() {
  const starts: { url: string; at: number; method: string }[] = [];
  const f: typeof fetch = (input, init) => {
    starts.push({ url: String(input), at: performance.now(), method: init?.method || 'GET' });
    return loopbackFetch(input, init);
  };
  return { f, starts };
}

describe('HostGate (injected clock)', () => {
  it('at most 2 at once per host, starts ≥ 300 ms apart, hosts independent', async () => {
    vi.useFakeTimers();
    const gate = new HostGate({ perHost: 2, delayMs: 300, now: () => Date.now(), setTimer: (fn, ms) => setTimeout(fn, ms) });
    const starts: Record<string, number[]> = {};
    const open: Record<string, number> = {};
    let maxOpen = 0;
    const job = (url: string) =>
      gate.run(url, async () => {
        const h = new URL(url).host;
        (starts[h] ??= []).push(Date.now());
        open[h] = (open[h] ?? 0) + 1;
        maxOpen = Math.max(maxOpen, open[h]!);
        await new Promise((r) => setTimeout(r, 1000));
        open[h]!--;
      });
    const all = Promise.all([...Array.from({ length: 6 }, (_, i) => job(`http://a.gov.cn/${i}`)), job('http://b.gov.cn/0')]);
    await vi.runAllTimersAsync();
    await all;
    expect(maxOpen).toBe(2);
    const a = starts['a.gov.cn']!;
    expect(a).toHaveLength(6);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(300);
    expect(starts['b.gov.cn']![0]).toBe(a[0]); // b did not wait for a
  });
});

describe('LinkChecker on loopback', () => {
  it('every request (HEAD, GET fallback, redirect hops) starts ≥ 300 ms after the last one to the host; each URL once', async () => {
    const { f, starts } = timedFetch();
    const checker = new LinkChecker({ fetchImpl: f, redirectMode: 'manual' });
    const urls = ['/ok', '/r3', '/nohead.pdf', '/404', '/ok#top', '/ok', '/soft404'].map((p) => srv.base + p);
    const before = srv.seen.length;
    const run = await checker.run(urls);
    expect(run.results.size).toBe(5);
    const times = starts.map((s) => s.at);
    expect(times.length).toBe(1 + 4 + 2 + 1 + 1); // /r3 is 4 requests, /nohead.pdf HEAD then GET
    // measured where fetch is called, a moment after the gate's grant (which spaces by 300 ms):
    // one request's call may lag its grant more than the next's (0.2 ms quiet, 1.2 ms seen on a
    // busy machine); a gate that did not space requests would show gaps near 0
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(295);
    const okGets = srv.seen.slice(before).filter((r) => r.path === '/ok');
    expect(okGets).toHaveLength(2); // once for /ok, once as the end of /r3
  });

  it('never more than 2 requests open at once per host', async () => {
    srv.slowMs = 600;
    const checker = new LinkChecker({ fetchImpl: loopbackFetch, delayMs: 50 });
    const before = srv.seen.length;
    const run = await checker.run(Array.from({ length: 6 }, (_, i) => `${srv.base}/slow/c${i}`));
    const seen = srv.seen.slice(before);
    expect([...run.results.values()].every((r) => r.verdict === 'ok')).toBe(true);
    expect(seen).toHaveLength(6);
    expect(maxOverlap(seen)).toBe(2); // 600 ms answers 50 ms apart would overlap 6-fold without the limit
  });

  it('reports progress and serves fresh cached results without fetching', async () => {
    const progress: LinkProgress[] = [];
    const cache = new MemoryLinkCache();
    const urls = ['/ok', '/404', '/410', '/403'].map((p) => srv.base + p);
    const first = await new LinkChecker({ fetchImpl: loopbackFetch, delayMs: 0, cache, onProgress: (p) => progress.push(p) }).run(urls);
    expect(first).toMatchObject({ cached: 0, fetched: 4, cancelled: false });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)).toMatchObject({ total: 4, dead: 2 });
    expect(urls).toContain(progress[0]!.current);
    expect(cache.size).toBe(4);

    const before = srv.seen.length;
    const second = await new LinkChecker({ fetchImpl: loopbackFetch, delayMs: 0, cache }).run(urls);
    expect(second).toMatchObject({ cached: 4, fetched: 0 });
    expect(srv.seen.length).toBe(before);
    expect(second.results.get(srv.base + '/404')!.verdict).toBe('dead');
  });

  it('a cached result older than the TTL is fetched again', async () => {
    const cache = new MemoryLinkCache();
    const url = srv.base + '/ok';
    const old: LinkResult = { url, verdict: 'dead', reason: 'not-found', redirects: 0, method: 'GET', recheck: false, message: '', checkedAt: Date.now() - 25 * 3600_000, ms: 1 };
    cache.set(url, old);
    const run = await new LinkChecker({ fetchImpl: loopbackFetch, cache }).run([url]);
    expect(run).toMatchObject({ cached: 0, fetched: 1 });
    expect(run.results.get(url)!.verdict).toBe('ok');
    expect(cache.get(url)!.verdict).toBe('ok');
  });

  it('cancel stops the run; a new run with the same cache does not fetch what finished', async () => {
    srv.slowMs = 100;
    const cache = new MemoryLinkCache();
    const urls = Array.from({ length: 8 }, (_, i) => `${srv.base}/slow/r${i}`);
    const before = srv.seen.length;
    const checker = new LinkChecker({
      fetchImpl: loopbackFetch,
      delayMs: 50,
      cache,
      onProgress: (p) => {
        if (p.done === 3) checker.cancel();
      },
    });
    const first = await checker.run(urls);
    expect(first.cancelled).toBe(true);
    expect(first.results.size).toBe(3);
    const finished = [...first.results.keys()];

    const second = await new LinkChecker({ fetchImpl: loopbackFetch, delayMs: 50, cache }).run(urls);
    expect(second.cancelled).toBe(false);
    expect(second.results.size).toBe(8);
    expect(second.cached).toBe(3);
    const seen = srv.seen.slice(before);
    for (const u of finished) expect(seen.filter((r) => srv.base + r.path === u)).toHaveLength(1);
    for (const u of urls) expect(seen.filter((r) => srv.base + r.path === u).length).toBeGreaterThanOrEqual(1);
  });

  it('cancel during the cache look-up (an async store) fetches nothing', async () => {
    const slowCache = { get: async () => new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)), set: async () => undefined };
    const checker = new LinkChecker({ fetchImpl: loopbackFetch, cache: slowCache });
    const before = srv.seen.length;
    const p = checker.run([srv.base + '/ok', srv.base + '/404']);
    checker.cancel();
    expect(await p).toMatchObject({ cancelled: true, fetched: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(srv.seen.length).toBe(before);
  });

  it('recheck asks suspect results once more, bypassing the cache, and never asks a third time', async () => {
    const cache = new MemoryLinkCache();
    const checker = new LinkChecker({ fetchImpl: loopbackFetch, delayMs: 0, cache });
    const first = await checker.run([srv.base + '/503', srv.base + '/ok', srv.base + '/404']);
    const before = srv.seen.length;
    const again = await checker.recheck(first.results.values());
    expect([...again.results.keys()]).toEqual([srv.base + '/503']);
    expect(srv.seen.slice(before).map((r) => r.path)).toEqual(['/503']);
    expect(again.results.get(srv.base + '/503')).toMatchObject({ verdict: 'suspect', rechecked: true, recheck: false });
    expect(cache.get(srv.base + '/503')!.rechecked).toBe(true);
  });

  it('when manual redirects come back opaque (a browser), switches to follow for good', async () => {
    const modes: string[] = [];
    // what a service worker's fetch does with redirect:'manual': an opaque response, no Location
    const browserLike: typeof fetch = async (input, init) => {
      modes.push(String(init?.redirect));
      const res = await loopbackFetch(input, init);
      if (init?.redirect === 'manual' && res.status >= 300 && res.status < 400) {
        return { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, url: '', redirected: false, ok: false } as unknown as Response;
      }
      return res;
    };
    const checker = new LinkChecker({ fetchImpl: browserLike, delayMs: 0 });
    const run = await checker.run([srv.base + '/r3']);
    expect(run.results.get(srv.base + '/r3')).toMatchObject({ verdict: 'ok', finalUrl: srv.base + '/ok' });
    const run2 = await checker.run([srv.base + '/to-404']);
    expect(run2.results.get(srv.base + '/to-404')).toMatchObject({ verdict: 'dead', reason: 'not-found' });
    expect(modes).toEqual(['manual', 'follow', 'follow']);
  });
});
