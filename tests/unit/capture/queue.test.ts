import { describe, it, expect } from 'vitest';
import { createRateQueue } from '../../../lib/capture/queue';
import opts from '../../../lib/data/capture.json';

describe('createRateQueue (captureVisibleTab: at most 2 calls a second)', () => {
  it('the configured interval keeps any one second to two calls', () => {
    expect(opts.minIntervalMs).toBeGreaterThanOrEqual(500);
  });

  it('spaces a burst of calls, one at a time, in order', async () => {
    const queued = createRateQueue(40);
    const starts: number[] = [];
    const ends: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const call = (i: number) =>
      queued(async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        starts.push(performance.now());
        await new Promise((r) => setTimeout(r, 5));
        ends.push(performance.now());
        running--;
        return i;
      });
    const results = await Promise.all([call(0), call(1), call(2), call(3)]);
    expect(results).toEqual([0, 1, 2, 3]);
    expect(maxRunning).toBe(1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(38);
  });

  it('a failing call rejects its caller only; the next one still runs', async () => {
    const queued = createRateQueue(10);
    const bad = queued(async () => {
      throw new Error('quota');
    });
    const good = queued(async () => 'ok');
    await expect(bad).rejects.toThrow('quota');
    await expect(good).resolves.toBe('ok');
  });
});
