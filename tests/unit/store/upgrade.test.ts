// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan, findingsForSite, setStatus } from '../../../lib/store/repo';
import { siteStats } from '../../../lib/store/stats';
import { exportBackup } from '../../../lib/export/backup';
import { makeFinding, makeReport } from './fixtures';
import { siteStats as fastStats, recountSiteStats } from '../../../lib/store/stats';
import type { Finding } from '../../../lib/types';

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

/** Schema v2 exactly as released before the siteStats table (v3). */
function openV2(name: string): Dexie {
  const db = openV1(name);
  db.version(2).stores({
    findings: 'id, url, site, ruleId, status, severity, lastSeen, round, [site+status], [site+round]',
    screenshots: 'id, findingId, createdAt',
    rounds: 'id, createdAt',
  });
  return db;
}

describe('schema upgrade v2 → v3 (write-time site aggregates)', () => {
  it('computes the aggregates of every existing row, and keeps them after later writes', async () => {
    const name = `govcheck-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const sites = ['www.yichun.gov.cn', 'www.nc.gov.cn'];
    const v2 = openV2(name);
    await v2.table('sites').bulkPut(sites.map((site) => ({ site, name: site, siteCode: '', homeUrl: `https://${site}/`, firstSeen: 1, lastSeen: 2 })));
    await v2.table('pages').bulkPut(sites.map((site) => ({ url: `https://${site}/`, site, title: '首页', pageType: 'home', pubDate: null, scanMs: 1, lastScanned: 2, findingCount: 0 })));
    const statuses = ['open', 'confirmed', 'dismissed', 'fixed'] as const;
    const kinds = [
      ['typo.known', 'deduct', 'typo'],
      ['meta.missing', 'hint', 'meta'],
      ['expression.political', 'veto', 'expression'],
    ] as const;
    const rows: Finding[] = [];
    sites.forEach((site, s) => {
      for (let i = 0; i < 24; i++) {
        const [ruleId, severity, category] = kinds[i % 3]!;
        const f = makeFinding({ url: `https://${site}/`, site, ruleId, severity, category, evidence: `证据${i}` }, i);
        rows.push({ ...f, status: statuses[(i + s) % 4]!, round: i % 2 ? '2026年第四季度' : undefined, createdAt: 1, lastSeen: 2, updatedAt: 2 });
      }
    });
    await v2.table('findings').bulkPut(rows);
    await v2.table('rounds').put({ id: '2026年第四季度', name: '2026年第四季度', createdAt: 1 });
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new GovCheckDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.findings.count()).toBe(rows.length);
    // one aggregate row per site × round, equal to the recount from the findings
    expect(await db.siteStats.count()).toBe(4);
    for (const round of [undefined, '2026年第四季度']) {
      const fast = await fastStats(db, { round }, {}, 0);
      const full = await recountSiteStats(db, { round }, {}, 0);
      expect(fast.map((s) => [s.site.site, s.pages, s.findings, s.byStatus, s.bySeverity, s.verdict])).toEqual(full.map((s) => [s.site.site, s.pages, s.findings, s.byStatus, s.bySeverity, s.verdict]));
    }
    const yc = (await fastStats(db, {}, {}, 0)).find((s) => s.site.site === 'www.yichun.gov.cn')!;
    expect(yc.findings).toBe(24);
    expect(yc.pages).toBe(1);
    expect(await db.sitePages.toArray()).toEqual([
      { site: 'www.nc.gov.cn', pages: 1 },
      { site: 'www.yichun.gov.cn', pages: 1 },
    ]);
    expect(yc.byStatus).toEqual({ open: 6, confirmed: 6, dismissed: 6, fixed: 6 });
    expect(yc.verdict.verdict).toBe('不合格');

    // a later write through the current code moves the upgraded aggregates
    const open = rows.find((f) => f.site === 'www.yichun.gov.cn' && f.status === 'open')!;
    await setStatus(db, open.id, 'dismissed', undefined, 10);
    const after = (await fastStats(db, {}, {}, 0)).find((s) => s.site.site === 'www.yichun.gov.cn')!;
    expect(after.byStatus).toEqual({ open: 5, confirmed: 6, dismissed: 7, fixed: 6 });
    db.close();
  });
});


/** Schema v3 exactly as released before pages were indexed by round (v4). */
function openV3(name: string): Dexie {
  const db = openV2(name);
  db.version(3).stores({ siteStats: 'key, site, round', sitePages: 'site', pages: 'url, site, lastScanned, columnStatus' });
  return db;
}

describe('schema upgrade v3 → v4 (pages by round)', () => {
  it('indexes the existing pages by the rounds they were scanned in, so a clean inspected site is in its round', async () => {
    const name = `govcheck-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const ROUND = '2026年第四季度';
    const v3 = openV3(name);
    const page = (site: string, rounds?: string[]) => ({ url: `https://${site}/`, site, title: '首页', pageType: 'home', pubDate: null, scanMs: 1, lastScanned: 2, findingCount: 0, ...(rounds ? { rounds } : {}) });
    await v3.table('sites').bulkPut(['clean.gov.cn', 'old.gov.cn'].map((site) => ({ site, name: site, siteCode: '', homeUrl: `https://${site}/`, firstSeen: 1, lastSeen: 2 })));
    await v3.table('pages').bulkPut([page('clean.gov.cn', ['2026年第三季度', ROUND]), page('old.gov.cn', ['2026年第三季度']), { ...page('old.gov.cn'), url: 'https://old.gov.cn/a.html' }]);
    await v3.table('sitePages').bulkPut([{ site: 'clean.gov.cn', pages: 1 }, { site: 'old.gov.cn', pages: 2 }]);
    expect(v3.verno).toBe(3);
    v3.close();

    const db = new GovCheckDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.pages.count()).toBe(3);
    expect(await db.pages.where('rounds').equals(ROUND).primaryKeys()).toEqual(['https://clean.gov.cn/']);
    expect((await db.pages.where('rounds').equals('2026年第三季度').primaryKeys()).sort()).toEqual(['https://clean.gov.cn/', 'https://old.gov.cn/']);
    for (const stats of [await fastStats(db, { round: ROUND }, {}, 0), await recountSiteStats(db, { round: ROUND }, {}, 0)]) {
      expect(stats.map((s) => [s.site.site, s.findings, s.verdict.verdict, s.verdict.score])).toEqual([['clean.gov.cn', 0, '合格', 100]]);
    }
    db.close();
  });
});
