import { describe, it, expect, vi, afterEach } from 'vitest';
import { PoliteQueue } from '../../../lib/crawl/queue';

afterEach(() => vi.useRealTimers());

/** A fake fetch: each request takes `ms`; records when it started and how many ran at once per host. */
function fakeWork(ms: number | ((url: string) => number)) {
  const starts: { url: string; at: number }[] = [];
  const inFlight = new Map<string, number>();
  let maxPerHost = 0;
  const work = (url: string, signal: AbortSignal) => {
    const host = new URL(url).host;
    starts.push({ url, at: Date.now() });
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    maxPerHost = Math.max(maxPerHost, inFlight.get(host)!);
    return new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => {
        inFlight.set(host, inFlight.get(host)! - 1);
        resolve('ok:' + url);
      }, typeof ms === 'number' ? ms : ms(url));
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        inFlight.set(host, inFlight.get(host)! - 1);
        reject(new Error('aborted'));
      });
    });
  };
  return { work, starts, maxPerHost: () => maxPerHost };
}

describe('PoliteQueue', () => {
  it('runs at most 2 requests at a time per host, spaced by the delay, each URL once', async () => {
    vi.useFakeTimers();
    const f = fakeWork(1000);
    const results: string[] = [];
    const q = new PoliteQueue(f.work, (url, r) => results.push(r!), { perHost: 2, delayMs: 300 });
    const urls = Array.from({ length: 6 }, (_, i) => `http://a.gov.cn/c${i}/`);
    for (const u of urls) expect(q.add(u)).toBe(true);
    expect(q.add('http://a.gov.cn/c0/#top')).toBe(false); // the same page (hash dropped)
    expect(q.add(urls[3]!)).toBe(false);
    const idle = q.idle();
    await vi.runAllTimersAsync();
    await idle;
    expect(results.sort()).toEqual(urls.map((u) => 'ok:' + u).sort());
    expect(f.starts.map((s) => s.url).sort()).toEqual([...urls].sort()); // each fetched once
    expect(f.maxPerHost()).toBe(2);
    const times = f.starts.map((s) => s.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(300);
  });

  it('two hosts do not wait for each other', async () => {
    vi.useFakeTimers();
    const f = fakeWork(1000);
    const q = new PoliteQueue(f.work, () => undefined, { perHost: 2, delayMs: 300 });
    q.add('http://a.gov.cn/1');
    q.add('http://b.gov.cn/1');
    expect(f.starts.length).toBe(2); // both started at once
    const idle = q.idle();
    await vi.runAllTimersAsync();
    await idle;
  });

  it('cancel aborts what runs, drops what waits, keeps what was delivered', async () => {
    vi.useFakeTimers();
    const f = fakeWork(1000);
    const results: string[] = [];
    const q = new PoliteQueue(f.work, (url) => results.push(url), { perHost: 2, delayMs: 300 });
    for (let i = 0; i < 10; i++) q.add(`http://a.gov.cn/c${i}/`);
    await vi.advanceTimersByTimeAsync(1500); // the first two are done, two more are running
    const delivered = results.length;
    expect(delivered).toBe(2);
    q.cancel();
    await q.idle();
    await vi.runAllTimersAsync();
    expect(results.length).toBe(delivered);
    expect(f.starts.length).toBeLessThan(10);
    expect(q.add('http://a.gov.cn/new/')).toBe(false);
  });

  it('a failing request is reported and does not stall the queue', async () => {
    const seen: [string, unknown][] = [];
    const q = new PoliteQueue(
      async (url) => {
        if (url.includes('bad')) throw new Error('boom');
        return url;
      },
      (url, _r, e) => seen.push([url, e]),
      { perHost: 2, delayMs: 0 },
    );
    q.add('http://a.gov.cn/bad');
    q.add('http://a.gov.cn/good');
    await q.idle();
    expect(seen.map(([u]) => u).sort()).toEqual(['http://a.gov.cn/bad', 'http://a.gov.cn/good']);
    expect(String(seen.find(([u]) => u.endsWith('bad'))![1])).toContain('boom');
  });
});
