/**
 * Runs async calls one at a time, each starting at least `minIntervalMs` after the previous one
 * ended. For chrome.tabs.captureVisibleTab, which Chrome limits to 2 calls a second: a burst of
 * captures waits its turn instead of failing.
 */
export function createRateQueue(minIntervalMs: number, now: () => number = Date.now, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  let chain: Promise<unknown> = Promise.resolve();
  let last = -Infinity;
  return function queued<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(async () => {
      const wait = last + minIntervalMs - now();
      if (wait > 0) await sleep(wait);
      try {
        return await fn();
      } finally {
        last = now();
      }
    });
    // a failed call must not block the ones after it
    chain = run.catch(() => undefined);
    return run;
  };
}
