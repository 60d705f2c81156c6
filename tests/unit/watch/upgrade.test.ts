// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { GovCheckDB } from '../../../lib/store/db';
import { siteStats } from '../../../lib/store/stats';
import { addProbe, probesOf, putWatch } from '../../../lib/store/probes';

/** Schema v4 exactly as released before the watch tables (v5). */
function openV4(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ sites: 'site, lastSeen', pages: 'url, site, lastScanned', findings: 'id, url, site, ruleId, status, severity, lastSeen, [site+status]' });
  db.version(2).stores({ findings: 'id, url, site, ruleId, status, severity, lastSeen, round, [site+status], [site+round]', screenshots: 'id, findingId, createdAt', rounds: 'id, createdAt' });
  db.version(3).stores({ siteStats: 'key, site, round', sitePages: 'site', pages: 'url, site, lastScanned, columnStatus' });
  db.version(4).stores({ pages: 'url, site, lastScanned, columnStatus, *rounds' });
  return db;
}

describe('schema upgrade v4 → v5 (availability watch)', () => {
  it('keeps the v4 rows and adds working watches and probes tables', async () => {
    const name = `govcheck-upgrade-${crypto.randomUUID()}`;
    const v4 = openV4(name);
    await v4.table('sites').put({ site: 'www.nc.gov.cn', name: '南昌市人民政府', siteCode: '3601000001', homeUrl: 'https://www.nc.gov.cn/', firstSeen: 1, lastSeen: 2 });
    await v4.table('pages').put({ url: 'https://www.nc.gov.cn/', site: 'www.nc.gov.cn', title: '首页', pageType: 'home', pubDate: null, scanMs: 1, lastScanned: 2, findingCount: 0, rounds: ['2026年第四季度'] });
    expect(v4.verno).toBe(4);
    v4.close();

    const db = new GovCheckDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.sites.get('www.nc.gov.cn')).toMatchObject({ name: '南昌市人民政府' });
    expect(await db.pages.where('rounds').equals('2026年第四季度').count()).toBe(1);
    await putWatch(db, { site: 'www.nc.gov.cn', homeUrl: 'https://www.nc.gov.cn/', startedAt: 10, endsAt: 10 + 7 * 86_400_000 });
    await addProbe(db, { site: 'www.nc.gov.cn', at: 20, ok: false, error: 'timeout', ms: 15000 });
    await addProbe(db, { site: 'www.nc.gov.cn', at: 15, ok: true, status: 200, ms: 80 });
    expect((await probesOf(db, 'www.nc.gov.cn')).map((p) => p.at)).toEqual([15, 20]);
    // the existing site keeps its name (putWatch adds a site row only when missing)
    const [st] = await siteStats(db, {}, {}, 30);
    expect(st!.site.name).toBe('南昌市人民政府');
    db.close();
    await Dexie.delete(name);
  });
});
