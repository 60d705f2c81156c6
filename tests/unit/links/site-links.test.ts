// @vitest-environment node
/**
 * 检查全站链接 (entrypoints/background/site-links.ts) over crawled pages' stored links, against the
 * loopback test server: each URL is checked once however many pages link it, each dead URL is
 * listed once with its pages, every linking page gets its finding, a second run is all cache.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { GovCheckDB } from '../../../lib/store/db';
import { savePageLinks } from '../../../lib/store/link-checks';
import { checkSiteLinks, type SiteLinkState } from '../../../entrypoints/background/site-links';
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

describe('checkSiteLinks', () => {
  it('checks each URL once, lists dead ones with their pages, stores findings per page, resumes from the cache', async () => {
    const name = `govcheck-site-links-${crypto.randomUUID()}`;
    names.push(name);
    const db = new GovCheckDB(name);
    const site = '127.0.0.1';
    const A = `${srv.base}/col/a.html`;
    const B = `${srv.base}/col/b.html`;
    const dead = `${srv.base}/404?site`;
    await savePageLinks(db, A, site, [
      { url: dead, kind: 'link', text: '旧通知', element: 0 },
      { url: `${srv.base}/ok?site`, kind: 'link', text: '要闻', element: 1 },
    ]);
    await savePageLinks(db, B, site, [
      { url: dead, kind: 'link', text: '旧通知', element: 3 },
      { url: 'http://other.example.org/x', kind: 'link', text: '外站', element: 4 },
    ]);
    const states: SiteLinkState[] = [];
    const opts = { fetchImpl: loopbackFetch, reach: async (u: string) => u.startsWith(srv.base), onState: (s: SiteLinkState) => states.push(s) };
    const s = await checkSiteLinks(db, site, opts);
    expect(s).toMatchObject({ phase: 'done', pages: 2, links: 2, done: 2, dead: 1, skipped: 1 });
    expect(s.deadLinks).toEqual([{ url: dead, message: expect.stringContaining('404'), pages: [A, B] }]);
    expect(states.some((x) => x.phase === 'checking' && x.done === 1)).toBe(true);
    expect(srv.seen.filter((r) => r.path === '/404?site').length).toBe(1); // once for both pages
    const stored = await db.findings.where('ruleId').equals('links.dead').toArray();
    expect(stored.map((f) => [f.url, f.evidence, f.status]).sort()).toEqual([
      [A, dead, 'open'],
      [B, dead, 'open'],
    ]);
    // again: nothing fetched, the same findings (no duplicates)
    const again = await checkSiteLinks(db, site, { ...opts, onState: undefined });
    expect(again.dead).toBe(1);
    expect(srv.seen.filter((r) => r.path === '/404?site').length).toBe(1);
    expect(await db.findings.where('ruleId').equals('links.dead').count()).toBe(2);
    db.close();
  });

  it('records the findings in the active round: new ones open in it, a later run adds its round, a 已整改 link still dead is reopened', async () => {
    const name = `govcheck-site-links-${crypto.randomUUID()}`;
    names.push(name);
    const db = new GovCheckDB(name);
    const site = '127.0.0.1';
    const A = `${srv.base}/col/a.html`;
    const dead = `${srv.base}/404?rounds`;
    await savePageLinks(db, A, site, [{ url: dead, kind: 'link', text: '旧通知', element: 0 }]);
    const opts = { fetchImpl: loopbackFetch, reach: async (u: string) => u.startsWith(srv.base) };
    await checkSiteLinks(db, site, { ...opts, round: '2026年第四季度' });
    const [first] = await db.findings.where('ruleId').equals('links.dead').toArray();
    expect(first).toMatchObject({ url: A, round: '2026年第四季度', seenIn: ['2026年第四季度'], status: 'open' });
    expect(await db.rounds.get('2026年第四季度')).toBeDefined();
    await db.findings.update(first!.id, { status: 'fixed' });
    await checkSiteLinks(db, site, { ...opts, round: '2027年第一季度' });
    const again = await db.findings.get(first!.id);
    expect(again).toMatchObject({ round: '2026年第四季度', seenIn: ['2026年第四季度', '2027年第一季度'], status: 'open' });
    expect(again!.reopenedAt).toBeGreaterThan(0);
    db.close();
  });
});
