// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { availability, availabilityVetoReason } from '../../../lib/watch/rate';
import { newWatch, nextProbeAt, MAX_INTERVAL_MS, WINDOW_MS } from '../../../lib/watch/schedule';
import { GovCheckDB } from '../../../lib/store/db';
import { siteStats, recountSiteStats } from '../../../lib/store/stats';
import { addProbe, putWatch } from '../../../lib/store/probes';
import type { ProbeRecord } from '../../../lib/watch/types';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const w = newWatch('www.yichun.gov.cn', 'https://www.yichun.gov.cn/', T0);
const probes = (n: number, failures: number): ProbeRecord[] =>
  Array.from({ length: n }, (_, i) => ({ site: w.site, at: T0 + (i + 1) * 3_600_000, ok: i >= failures, ...(i < failures ? { error: 'timeout' } : { status: 200 }), ms: 10 }));

describe('availability rate and the 站点无法访问 veto reason', () => {
  it('the schedule gives ≥ 20 probes a day', () => {
    expect(86_400_000 / MAX_INTERVAL_MS).toBeGreaterThanOrEqual(20);
    expect(nextProbeAt(0, () => 0.999999)).toBeLessThanOrEqual(MAX_INTERVAL_MS);
  });

  it('5 % is a veto (疑似 during the window, confirmed once complete); 4 % is none', () => {
    const end = T0 + WINDOW_MS;
    expect(availabilityVetoReason(w, probes(140, 7), T0 + 5 * 86_400_000)).toEqual({ reason: expect.stringContaining('（监测中）'), confirmed: false });
    const done = availabilityVetoReason(w, probes(140, 7), end);
    expect(done).toEqual({ reason: '站点无法访问：首页 7 天内监测 140 次，无法访问 7 次（5.0%），达到 5% 单项否决标准', confirmed: true });
    expect(availabilityVetoReason(w, probes(140, 6), end)).toBeNull(); // 4.3 %
    expect(availabilityVetoReason(w, probes(100, 4), end)).toBeNull(); // 4 %
    expect(availabilityVetoReason(w, probes(100, 5), end)).toMatchObject({ confirmed: true });
  });

  it('too few probes never judge; a complete window needs the minimum to confirm', () => {
    expect(availabilityVetoReason(w, probes(19, 19), T0 + 86_400_000)).toBeNull();
    expect(availabilityVetoReason(w, probes(60, 10), T0 + WINDOW_MS)).toMatchObject({ confirmed: false });
    expect(availability(w, probes(60, 10), T0 + WINDOW_MS)).toMatchObject({ probes: 60, failures: 10, complete: false });
  });

  it('probes outside the window (an earlier watch) do not count', () => {
    const old = probes(30, 30).map((p) => ({ ...p, at: p.at - 30 * 86_400_000 }));
    expect(availability(w, [...old, ...probes(100, 0)], T0 + WINDOW_MS)).toMatchObject({ probes: 100, failures: 0 });
  });
});

describe('site verdict with the availability veto (siteStats and the recount)', () => {
  it('a watched site at 5 % is 疑似不合格 during the window and 不合格 after; at 4 % it is 合格', async () => {
    const name = `govcheck-rate-${crypto.randomUUID()}`;
    const db = new GovCheckDB(name);
    await putWatch(db, w);
    for (const p of probes(100, 5)) await addProbe(db, p);
    for (const stats of [siteStats, recountSiteStats]) {
      const [mid] = await stats(db, {}, {}, T0 + 3 * 86_400_000);
      expect(mid!.site.site).toBe(w.site);
      expect(mid!.verdict.verdict).toBe('疑似不合格');
      const [end] = await stats(db, {}, {}, T0 + WINDOW_MS);
      expect(end!.verdict).toMatchObject({ verdict: '不合格', scored: false, reasons: [expect.stringMatching(/^站点无法访问：/)] });
    }
    const first = (await db.probes.orderBy('id').first())!;
    await db.probes.update(first.id!, { ok: true, status: 200, error: undefined });
    const [four] = await siteStats(db, {}, {}, T0 + WINDOW_MS);
    expect(four!.verdict.verdict).toBe('合格');
    db.close();
    await Dexie.delete(name);
  });
});
