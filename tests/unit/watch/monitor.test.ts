// @vitest-environment node
/**
 * The background watch under WXT's fake browser with a fake clock: alarms are read from
 * fakeBrowser.alarms and fired by hand at their scheduled time; probes go to a loopback server.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GovCheckDB } from '../../../lib/store/db';
import { siteStats } from '../../../lib/store/stats';
import { availability } from '../../../lib/watch/rate';
import { alarmName, WINDOW_MS } from '../../../lib/watch/schedule';
import { startLoopback, type Loopback } from './loopback';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const SITE = '127.0.0.1';

let srv: Loopback;
let db: GovCheckDB;
let clock = T0;
let networkUp = true;
const now = () => clock;

beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(() => srv.close());
beforeEach(() => {
  fakeBrowser.reset();
  clock = T0;
  networkUp = true;
  srv.mode = 'up';
  db = new GovCheckDB(`govcheck-watch-${crypto.randomUUID()}`);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A fresh background (new messaging module, as after a worker restart) on the same database. */
async function startWatchBackground(random = Math.random, fetchImpl?: typeof fetch) {
  // a restart: the worker's listeners are gone, the browser's alarms stay
  const alarms = await fakeBrowser.alarms.getAll();
  fakeBrowser.reset();
  for (const a of alarms) await fakeBrowser.alarms.create(a.name, { when: a.scheduledTime });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  vi.resetModules();
  const messages = await import('../../../lib/messages');
  const { registerWatchHandlers } = await import('../../../entrypoints/background/watch');
  const bg = registerWatchHandlers(db, { now, random, fetchImpl, online: async () => networkUp });
  await bg.resumed;
  return { ...bg, send: messages.sendMessage };
}

const alarm = () => fakeBrowser.alarms.get(alarmName(SITE));

/** Fires the site's alarm at its time through onAlarm, as the browser would; answers false when none is left. */
async function fireNext(until = Infinity): Promise<boolean> {
  const a = await alarm();
  if (!a || a.scheduledTime > until) return false;
  const before = await db.probes.count();
  clock = a.scheduledTime;
  await fakeBrowser.alarms.onAlarm.trigger(a);
  // the listener runs the probe without awaiting: wait for it to be stored (or the alarm to go)
  await vi.waitFor(async () => {
    const next = await alarm();
    expect((await db.probes.count()) > before || !next || next.scheduledTime !== a.scheduledTime).toBe(true);
  }, { interval: 2, timeout: 5000 });
  return true;
}

describe('站点无法访问 watch (background, fake clock)', { timeout: 60_000 }, () => {
  it('probes at least 20 times each day for 7 days, at spread times, then stops at the window end', async () => {
    const bg = await startWatchBackground();
    const res = await bg.send('watchStart', { homeUrl: srv.url + 'index.html' });
    expect(res).toMatchObject({ watch: { site: SITE, homeUrl: srv.url, startedAt: T0, endsAt: T0 + WINDOW_MS }, probe: { ok: true, status: 200 } });
    while (await fireNext());
    const probes = await db.probes.orderBy('id').toArray();
    for (let d = 0; d < 7; d++) {
      const inDay = probes.filter((p) => p.at >= T0 + d * DAY && p.at < T0 + (d + 1) * DAY).length;
      expect(inDay, `day ${d + 1}`).toBeGreaterThanOrEqual(20);
    }
    const gaps = probes.slice(1).map((p, i) => p.at - probes[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(72 * 60_000);
    // jitter: not one fixed period
    expect(new Set(gaps).size).toBeGreaterThan(10);
    expect(probes.every((p) => p.ok && p.at < T0 + WINDOW_MS)).toBe(true);
    expect(await alarm()).toBeUndefined();
    clock = T0 + WINDOW_MS + HOUR;
    const [st] = await siteStats(db, {}, {}, clock);
    expect(st!.verdict.verdict).toBe('合格');
    expect(st!.vetoReasons).toEqual([]);
  });

  it('a restarted background keeps a live alarm and re-creates a lost one from the last probe', async () => {
    const fixed = () => 0.5;
    let bg = await startWatchBackground(fixed);
    await bg.send('watchStart', { homeUrl: srv.url });
    for (let i = 0; i < 3; i++) await fireNext();
    const kept = (await alarm())!;
    // restart with the alarm still there (Chromium keeps alarms across restarts): unchanged
    bg = await startWatchBackground(fixed);
    expect(await alarm()).toEqual(kept);
    // restart after the alarm was lost: re-created after the last probe, on the same schedule
    await fakeBrowser.alarms.clearAll();
    bg = await startWatchBackground(fixed);
    const last = (await db.probes.orderBy('id').last())!;
    expect((await alarm())!.scheduledTime).toBe(last.at + 66 * 60_000);
    expect((await alarm())!.scheduledTime).toBe(kept.scheduledTime);
    // and the alarm fires into the new background's handler
    expect(await fireNext()).toBe(true);
    expect(await db.probes.count()).toBe(5);
  });

  it('hours with the browser closed are gaps, not failures; the next probe comes soon after start-up', async () => {
    const bg = await startWatchBackground(() => 0);
    await bg.send('watchStart', { homeUrl: srv.url });
    for (let i = 0; i < 9; i++) await fireNext();
    // browser closed for 30 hours: no alarm fires, the worker restarts with the alarm long due
    await fakeBrowser.alarms.clearAll();
    clock += 30 * HOUR;
    await startWatchBackground(() => 0);
    const a = (await alarm())!;
    expect(a.scheduledTime - clock).toBeLessThan(60_000);
    await fireNext();
    const probes = await db.probes.toArray();
    expect(probes).toHaveLength(11);
    const w = (await db.watches.get(SITE))!;
    expect(availability(w, probes, clock)).toMatchObject({ probes: 11, failures: 0, rate: 0 });
  });

  it('while the inspector’s own network is down, probes that get no answer are gaps, not failures', async () => {
    let cut = false;
    // the machine's network: the loopback until it is cut, then every request fails without an answer
    const net = ((input: RequestInfo | URL, init?: RequestInit) => (cut ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init))) as typeof fetch;
    const bg = await startWatchBackground(() => 0.5, net);
    await bg.send('watchStart', { homeUrl: srv.url });
    cut = true;
    networkUp = false;
    for (let i = 0; i < 5; i++) await fireNext();
    expect(await db.probes.count()).toBe(1);
    // the schedule goes on: the next hour is probed again
    expect(await alarm()).toBeDefined();
    // the network is back but the site still gives no answer: now a failure of kind network
    networkUp = true;
    await fireNext();
    expect((await db.probes.orderBy('id').last())!).toMatchObject({ ok: false, error: 'network' });
  });

  it('failures at 5 % of the week make a 疑似 veto while watching and a real one at the window end; 4 % none', async () => {
    const bg = await startWatchBackground(() => 0.5);
    await bg.send('watchStart', { homeUrl: srv.url });
    // every 19th probe fails: just over 5 %
    let n = 1;
    for (;;) {
      srv.mode = (n + 1) % 19 === 0 ? 'down' : 'up';
      if (!(await fireNext())) break;
      n++;
      if (n === 60) {
        const [mid] = await siteStats(db, {}, {}, clock);
        expect(mid!.verdict.verdict).toBe('疑似不合格');
        expect(mid!.vetoReasons).toEqual([{ reason: expect.stringContaining('站点无法访问（监测中）'), confirmed: false }]);
      }
    }
    const probes = await db.probes.toArray();
    const failures = probes.filter((p) => !p.ok);
    expect(failures.length / probes.length).toBeGreaterThanOrEqual(0.05);
    expect(failures.every((p) => p.status === 503 && p.error === 'server-error')).toBe(true);
    clock = T0 + WINDOW_MS;
    const [end] = await siteStats(db, {}, {}, clock);
    expect(end!.verdict.verdict).toBe('不合格');
    expect(end!.verdict.reasons[0]).toContain(`监测 ${probes.length} 次，无法访问 ${failures.length} 次`);
    // turn failures into successes until only 4 % remain: no veto
    const keep = Math.floor(probes.length * 0.04);
    await db.probes.bulkPut(failures.slice(keep).map((p) => ({ ...p, ok: true, status: 200, error: undefined })));
    const [four] = await siteStats(db, {}, {}, clock);
    expect(four!.vetoReasons).toEqual([]);
    expect(four!.verdict.verdict).toBe('合格');
  });

  it('stop clears the alarm and freezes the window; a stopped watch never makes a confirmed veto', async () => {
    const bg = await startWatchBackground();
    srv.mode = 'down';
    await bg.send('watchStart', { homeUrl: srv.url });
    for (let i = 0; i < 24; i++) await fireNext();
    expect(await bg.send('watchStop', SITE)).toBe(true);
    expect(await alarm()).toBeUndefined();
    const w = (await db.watches.get(SITE))!;
    expect(w.stoppedAt).toBe(clock);
    clock = T0 + WINDOW_MS + DAY;
    const [st] = await siteStats(db, {}, {}, clock);
    expect(st!.vetoReasons).toEqual([{ reason: expect.stringContaining('无法访问 25 次'), confirmed: false }]);
    expect(st!.verdict.verdict).toBe('疑似不合格');
    // restart: no alarm for a stopped watch
    await startWatchBackground();
    expect(await alarm()).toBeUndefined();
  });

  it('without the host permission no probe runs (a gap) and start answers an error', async () => {
    const bg = await startWatchBackground();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    expect(await bg.send('watchStart', { homeUrl: srv.url })).toEqual({ error: expect.stringContaining('未获得访问') });
    expect(await bg.send('watchStart', { homeUrl: 'ftp://x.gov.cn/' })).toEqual({ error: '只能监测 http/https 网站。' });
    expect(await db.watches.count()).toBe(0);
  });
});
