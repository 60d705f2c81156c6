// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan, findingsForSite, setStatus } from '../../../lib/store/repo';
import { siteStats } from '../../../lib/store/stats';
import { exportBackup } from '../../../lib/export/backup';
import { makeFinding, makeReport } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** Schema v1 exactly as released (commit e5a30f6^: lib/store/db.ts), opened without the newer code. */
function openV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    sites: 'site, lastSeen',
    pages: 'url, site, lastScanned',
    findings: 'id, url, site, ruleId, status, severity, lastSeen, [site+status]',
  });
  return db;
}

describe('schema upgrade v1 → current', () => {
  it('keeps every v1 row and its user decisions, and the new tables and indexes work', async () => {
    const name = `govcheck-upgrade-${crypto.randomUUID()}`;
    names.push(name);

    // 1. a v1 database with real rows, written through the v1 schema
    const HOME = 'https://www.yichun.gov.cn/';
    const typo = makeFinding({ url: HOME, site: 'www.yichun.gov.cn', evidence: '烈土' });
    const veto = makeFinding({ url: HOME, site: 'www.yichun.gov.cn', ruleId: 'expression.political', severity: 'veto', category: 'expression', evidence: '党十九大' });
    const v1 = openV1(name);
    await v1.table('sites').put({ site: 'www.yichun.gov.cn', name: '宜春市人民政府', siteCode: '3609000001', homeUrl: HOME, firstSeen: 100, lastSeen: 200 });
    await v1.table('pages').put({ url: HOME, site: 'www.yichun.gov.cn', title: '首页', pageType: 'home', pubDate: null, scanMs: 12, lastScanned: 200, findingCount: 2 });
    await v1.table('findings').bulkPut([
      { ...typo, status: 'dismissed', note: '引用示例', createdAt: 100, lastSeen: 200, updatedAt: 150 },
      { ...veto, status: 'confirmed', createdAt: 100, lastSeen: 200, updatedAt: 160 },
    ]);
    expect(v1.verno).toBe(1);
    const rowsV1 = await v1.table('findings').orderBy('id').toArray();
    v1.close();

    // 2. the current code opens it
    const db = new GovCheckDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect((await db.findings.orderBy('id').toArray()).map((f) => ({ ...f }))).toEqual(rowsV1.map((f) => expect.objectContaining(f)));
    expect(await db.sites.get('www.yichun.gov.cn')).toMatchObject({ name: '宜春市人民政府', siteCode: '3609000001' });
    expect(await db.pages.get(HOME)).toMatchObject({ title: '首页', findingCount: 2 });
    const dismissed = await db.findings.get(typo.id);
    expect(dismissed).toMatchObject({ status: 'dismissed', note: '引用示例' });

    // 3. the new parts work on the upgraded data: rounds index, screenshots table, rescans keep decisions
    await db.rounds.put({ id: '2026年第四季度', name: '2026年第四季度', createdAt: 300 });
    await db.screenshots.put({ id: 's1', findingId: veto.id, blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), width: 1, height: 1, createdAt: 300 });
    expect(await db.screenshots.where('findingId').equals(veto.id).count()).toBe(1);
    expect(await db.findings.where('round').equals('2026年第四季度').count()).toBe(0);
    await saveScan(db, makeReport(HOME, [typo, veto]), 400);
    const after = await findingsForSite(db, 'www.yichun.gov.cn');
    expect(after).toHaveLength(2);
    expect(after.find((f) => f.id === typo.id)!.status).toBe('dismissed');
    await setStatus(db, veto.id, 'confirmed', '已核实', 500);
    const [st] = await siteStats(db);
    expect(st!.verdict.verdict).toBe('不合格');
    expect(st!.pages).toBe(1);
    const backup = await exportBackup(db);
    expect(backup.findings).toHaveLength(2);
    expect(backup.screenshots).toHaveLength(1);
    db.close();
  });
});
