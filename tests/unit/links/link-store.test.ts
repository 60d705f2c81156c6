// @vitest-environment node
/**
 * The link checker's cache in IndexedDB (schema v6, lib/store/link-checks.ts) and the background's
 * link service (entrypoints/background/links.ts) against the loopback test server: each URL is
 * fetched once per 24 h, 重新检查 forgets the cache, hosts the extension may not read are
 * skipped, doubtful results get one second look later.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { GovCheckDB } from '../../../lib/store/db';
import { DexieLinkCache, clearLinkChecks, pruneLinkChecks, storedLinkChecks } from '../../../lib/store/link-checks';
import { LinkChecker } from '../../../lib/links/checker';
import { linkService } from '../../../entrypoints/background/links';
import { startServer, loopbackFetch, type TestServer } from './server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});
function freshDb(): GovCheckDB {
  const name = `govcheck-links-${crypto.randomUUID()}`;
  names.push(name);
  return new GovCheckDB(name);
}
const hits = (path: string) => srv.seen.filter((r) => r.path === path).length;

describe('schema upgrade v5 → v6', () => {
  it('keeps the v5 rows and adds the linkChecks table', async () => {
    const name = `govcheck-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v5 = new Dexie(name);
    v5.version(5).stores({
      sites: 'site, lastSeen',
      pages: 'url, site, lastScanned, columnStatus, *rounds',
      findings: 'id, url, site, ruleId, status, severity, lastSeen, round, [site+status], [site+round]',
      screenshots: 'id, findingId, createdAt',
      rounds: 'id, createdAt',
      siteStats: 'key, site, round',
      sitePages: 'site',
      watches: 'site',
      probes: '++id, [site+at]',
    });
    await v5.table('watches').put({ site: 'www.yichun.gov.cn', homeUrl: 'https://www.yichun.gov.cn/', startedAt: 1 });
    await v5.table('sites').put({ site: 'www.yichun.gov.cn', name: '宜春市人民政府', siteCode: '', homeUrl: 'https://www.yichun.gov.cn/', firstSeen: 1, lastSeen: 2 });
    v5.close();

    const db = new GovCheckDB(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.watches.get('www.yichun.gov.cn')).toMatchObject({ homeUrl: 'https://www.yichun.gov.cn/' });
    expect(await db.sites.get('www.yichun.gov.cn')).toMatchObject({ name: '宜春市人民政府' });
    const cache = new DexieLinkCache(db);
    await cache.set('https://www.yichun.gov.cn/a', { url: 'x', verdict: 'dead', reason: 'not-found', status: 404, redirects: 0, method: 'GET', recheck: false, message: 'HTTP 404', checkedAt: 10, ms: 1 });
    // stored under the key, whatever the result called itself
    expect(await cache.get('https://www.yichun.gov.cn/a')).toMatchObject({ url: 'https://www.yichun.gov.cn/a', status: 404 });
    expect(await pruneLinkChecks(db, 11)).toBe(1);
    expect(await db.linkChecks.count()).toBe(0);
    db.close();
  });
});

describe('DexieLinkCache with the checker', () => {
  it('a second run within 24 h asks the server nothing; clearing makes it fetch again', async () => {
    const db = freshDb();
    const url = `${srv.base}/404?cache-test`;
    const path = '/404?cache-test';
    const mk = () => new LinkChecker({ cache: new DexieLinkCache(db), fetchImpl: loopbackFetch, delayMs: 0, redirectMode: 'manual' });
    const first = await mk().run([url]);
    expect(first.fetched).toBe(1);
    const n = hits(path);
    expect(n).toBeGreaterThan(0);
    const second = await mk().run([url]);
    expect(second).toMatchObject({ cached: 1, fetched: 0 });
    expect([...second.results.values()][0]).toMatchObject({ verdict: 'dead', status: 404 });
    expect(hits(path)).toBe(n);
    expect((await storedLinkChecks(db, [url])).size).toBe(1);
    expect(await clearLinkChecks(db, [url])).toBe(1);
    expect((await mk().run([url])).fetched).toBe(1);
    expect(hits(path)).toBeGreaterThan(n);
  });
});

describe('linkService (background)', () => {
  it('checks reachable hosts only, forces a recheck, and looks at doubtful links once more later', async () => {
    const db = freshDb();
    const timers: (() => void)[] = [];
    const rechecked: string[][] = [];
    const svc = linkService(db, {
      fetchImpl: loopbackFetch,
      reach: async (u) => u.startsWith(srv.base),
      setTimer: (fn) => timers.push(fn),
    });
    const req = {
      pageUrl: `${srv.base}/ok`,
      targets: [
        { url: `${srv.base}/ok?svc`, kind: 'link' as const },
        { url: `${srv.base}/404?svc`, kind: 'link' as const },
        { url: `${srv.base}/403?svc`, kind: 'link' as const },
        { url: 'http://elsewhere.example.org/x', kind: 'link' as const },
      ],
    };
    const progress: number[] = [];
    const a = await svc.check(req, (p) => progress.push(p.done), (r) => rechecked.push(r.map((x) => x.url)));
    expect(a).toMatchObject({ checked: 3, skipped: 1, fetched: 3, cached: 0 });
    expect(Object.fromEntries(a.results.map((r) => [new URL(r.url).pathname, r.verdict]))).toEqual({ '/ok': 'ok', '/404': 'dead', '/403': 'suspect' });
    expect(progress.at(-1)).toBe(3);
    // the 403 is looked at again once, by itself, when the timer fires
    expect(timers).toHaveLength(1);
    const before403 = hits('/403?svc');
    timers[0]!();
    await expect.poll(() => rechecked.length).toBe(1);
    expect(rechecked[0]).toEqual([`${srv.base}/403?svc`]);
    expect(hits('/403?svc')).toBeGreaterThan(before403);
    expect((await storedLinkChecks(db, [`${srv.base}/403?svc`])).get(`${srv.base}/403?svc`)).toMatchObject({ rechecked: true });

    // again: all from the cache; the recheck is not scheduled twice
    const b = await svc.check(req);
    expect(b).toMatchObject({ cached: 3, fetched: 0 });
    expect(timers).toHaveLength(1);
    // 重新检查链接: fetched anew
    const before404 = hits('/404?svc');
    const c = await svc.check({ ...req, force: true });
    expect(c).toMatchObject({ cached: 0, fetched: 3 });
    expect(hits('/404?svc')).toBeGreaterThan(before404);
  });
});
