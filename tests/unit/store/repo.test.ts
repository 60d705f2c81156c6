// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GovCheckDB } from '../../../lib/store/db';
import {
  allFindings,
  deleteAll,
  findingsForPage,
  findingsForSite,
  getSite,
  listSites,
  saveScan,
  setStatus,
} from '../../../lib/store/repo';
import { makeFinding, makeReport } from './fixtures';

const HOME = 'https://www.yichun.gov.cn/';
const SITE = 'www.yichun.gov.cn';
const opened: GovCheckDB[] = [];

function freshDb(): GovCheckDB {
  const db = new GovCheckDB(`govcheck-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    await db.delete();
  }
});

function twoFindings(url = HOME, site = SITE) {
  return [
    makeFinding({ url, site }),
    makeFinding(
      {
        url,
        site,
        ruleId: 'footer.site-code',
        severity: 'veto',
        category: 'footer',
        message: '页面底部未找到网站标识码。',
        evidence: '页脚',
        anchor: 'page',
        quote: undefined,
        suggestion: undefined,
      },
      0,
    ),
  ];
}

describe('saveScan', () => {
  it('creates site, page and open findings', async () => {
    const db = freshDb();
    const stored = await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    expect(stored).toHaveLength(2);
    expect(stored.every((f) => f.status === 'open')).toBe(true);
    expect(stored[0]).toMatchObject({ createdAt: 1000, lastSeen: 1000, updatedAt: 1000 });
    expect(await db.findings.count()).toBe(2);

    const site = await getSite(db, SITE);
    expect(site).toMatchObject({
      site: SITE,
      name: '宜春市人民政府',
      siteCode: '3609000001',
      homeUrl: HOME,
      firstSeen: 1000,
      lastSeen: 1000,
    });
    const page = await db.pages.get(HOME);
    expect(page).toMatchObject({ site: SITE, lastScanned: 1000, findingCount: 2 });
  });

  it('does not duplicate on rescan and refreshes lastSeen and content', async () => {
    const db = freshDb();
    await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    const again = twoFindings();
    again[0] = { ...again[0]!, message: '新的描述' };
    const stored = await saveScan(db, makeReport(HOME, again), 2000);

    expect(await db.findings.count()).toBe(2);
    expect(stored.every((f) => f.lastSeen === 2000 && f.createdAt === 1000)).toBe(true);
    const first = await db.findings.get(again[0]!.id);
    expect(first?.message).toBe('新的描述');
    expect(first?.updatedAt).toBe(1000);
  });

  it('keeps a dismissed finding dismissed, with its note, after a rescan', async () => {
    const db = freshDb();
    const [f] = await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    const updated = await setStatus(db, f!.id, 'dismissed', '专有名词，非错别字', 1500);
    expect(updated).toMatchObject({ status: 'dismissed', note: '专有名词，非错别字', updatedAt: 1500 });
    await db.findings.update(f!.id, { screenshotId: 'shot-1' });

    const stored = await saveScan(db, makeReport(HOME, twoFindings()), 2000);
    const again = stored.find((x) => x.id === f!.id);
    expect(again).toMatchObject({
      status: 'dismissed',
      note: '专有名词，非错别字',
      screenshotId: 'shot-1',
      createdAt: 1000,
      lastSeen: 2000,
    });
    expect((await findingsForPage(db, HOME)).find((x) => x.id === f!.id)?.status).toBe('dismissed');
  });

  it('keeps the first non-empty site name and code', async () => {
    const db = freshDb();
    await saveScan(db, makeReport(HOME, [], { siteName: '', siteCode: '' }), 500);
    await saveScan(db, makeReport(HOME, [], { siteName: '宜春市人民政府', siteCode: '3609000001' }), 1000);
    await saveScan(
      db,
      makeReport('https://www.yichun.gov.cn/col/list.html', [], { siteName: '其他标题', siteCode: '9999999999' }),
      2000,
    );
    expect(await getSite(db, SITE)).toMatchObject({
      name: '宜春市人民政府',
      siteCode: '3609000001',
      firstSeen: 500,
      lastSeen: 2000,
    });
  });

  it('updates the page record on rescan', async () => {
    const db = freshDb();
    await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    const r = makeReport(HOME, twoFindings().slice(0, 1));
    r.page = { ...r.page, title: '新标题', scanMs: 40 };
    await saveScan(db, r, 2000);
    expect(await db.pages.count()).toBe(1);
    expect(await db.pages.get(HOME)).toMatchObject({ title: '新标题', scanMs: 40, lastScanned: 2000, findingCount: 1 });
  });

  it('stores page and findings under the normalised url', async () => {
    const db = freshDb();
    const raw = 'https://WWW.yichun.gov.cn:443/?utm_source=x#top';
    const findings = twoFindings().map((f) => ({ ...f, url: raw }));
    await saveScan(db, makeReport(raw, findings), 1000);
    expect(await db.pages.get(HOME)).toBeDefined();
    expect(await findingsForPage(db, raw)).toHaveLength(2);
    expect(await findingsForPage(db, HOME)).toHaveLength(2);
  });
});

describe('queries', () => {
  it('findingsForSite returns only that site', async () => {
    const db = freshDb();
    const other = 'https://www.jiangxi.gov.cn/';
    await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    await saveScan(db, makeReport(other, twoFindings(other, 'www.jiangxi.gov.cn')), 1100);

    const mine = await findingsForSite(db, SITE);
    expect(mine).toHaveLength(2);
    expect(mine.every((f) => f.site === SITE)).toBe(true);
    expect(await allFindings(db)).toHaveLength(4);
    expect((await listSites(db)).map((s) => s.site)).toEqual(['www.jiangxi.gov.cn', SITE]);
  });

  it('setStatus on a missing id returns undefined; deleteAll empties every table', async () => {
    const db = freshDb();
    await saveScan(db, makeReport(HOME, twoFindings()), 1000);
    expect(await setStatus(db, 'nope', 'fixed')).toBeUndefined();
    await deleteAll(db);
    expect(await db.findings.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.sites.count()).toBe(0);
  });
});
