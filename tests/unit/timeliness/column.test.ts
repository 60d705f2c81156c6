import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnStatus } from '../../../lib/timeliness/column';
import { breadcrumbName, detectColumnType, matchColumnType, titleHead } from '../../../lib/timeliness/column-type';
import { refinePageType } from '../../../lib/timeliness/page-type';
import { guessPageType } from '../../../lib/scan/page-type';
import { scanList } from '../../../lib/timeliness/list-items';
import { thresholds, DEFAULT_THRESHOLDS } from '../../../lib/timeliness/thresholds';
import { realPage } from '../../helpers/load-page';
import { demo, own, OWN, REAL_PAGES, SETTINGS, TODAY } from './fixtures';

describe('column type', () => {
  it.each([
    ['新闻动态', '动态要闻', 'news'],
    ['部门动态', '动态要闻', 'news'],
    ['工作进展', '动态要闻', 'news'],
    ['通知公告', '通知公告', 'notice'],
    ['公示公告', '通知公告', 'notice'],
    ['规范性文件', '政策文件', 'notice'],
    ['政策法规', '政策文件', 'notice'],
    ['人事任免', '人事', 'personnel'],
    ['招录', '人事', 'personnel'],
    ['发展规划', '规划计划', 'personnel'],
  ])('%s → %s (%s)', (name, type, cls) => {
    expect(matchColumnType(name)).toEqual({ columnType: type, columnClass: cls });
  });

  it('knows nothing of names outside the table', () => {
    expect(matchColumnType('联系我们')).toBeNull();
    expect(matchColumnType('')).toBeNull();
  });

  it('reads the breadcrumb and the title head', () => {
    expect(breadcrumbName('示范县\n当前位置：首页 > 政务公开 > 通知公告\n通知公告')).toBe('通知公告');
    expect(breadcrumbName('您的位置：首页 » 人事信息')).toBe('人事信息');
    expect(titleHead('通知公告_示范县人民政府')).toBe('通知公告');
  });

  it('prefers ColumnType meta, then ColumnName, breadcrumb and title', () => {
    const base = { title: '列表_某站', text: '' };
    expect(detectColumnType({ ...base, meta: { ColumnType: '通知公告', ColumnName: '工作动态' } }).columnType).toBe('通知公告');
    expect(detectColumnType({ ...base, meta: { ColumnName: '工作动态' } })).toMatchObject({ columnType: '动态要闻', columnName: '工作动态' });
    expect(detectColumnType({ ...base, meta: {}, text: '当前位置：首页 > 政策文件' }).columnType).toBe('政策文件');
    expect(detectColumnType({ title: '人事任免_某站', text: '', meta: {} }).columnType).toBe('人事');
    expect(detectColumnType({ title: '联系我们_某站', text: '', meta: {} })).toMatchObject({ columnType: '其他', columnClass: 'other' });
  });
});

describe('page type refinement', () => {
  it('keeps the demo site types', () => {
    expect(refinePageType(demo('index.html'))).toBe('home');
    expect(refinePageType(demo('xwdt/index.html'))).toBe('column');
    expect(refinePageType(demo('tzgg/index.html'))).toBe('column');
    expect(refinePageType(demo('zcwj/index.html'))).toBe('column');
    expect(refinePageType(demo('tzgg/2025-01-08-notice.html'))).toBe('article');
    expect(refinePageType(demo('sitemap.html'))).toBe('other');
  });

  it('an article with a related-news list is an article, not a column', () => {
    const page = own('article-related.html');
    expect(guessPageType(page.url, page.meta, page.dates)).toBe('column'); // the first guess counts 7 dates
    expect(page.pageType).toBe('article'); // the page context carries the refined type
    expect(refinePageType(page)).toBe('article');
  });

  it.each(REAL_PAGES)('%s (an old article) is neither a column nor a home page', (file, host) => {
    expect(['article', 'other']).toContain(refinePageType(realPage(file, host, TODAY).model));
  });
});

describe('list items', () => {
  it('one item per list line, without clock or footer dates', () => {
    const scan = scanList(own('list-brackets.html'));
    expect(scan.items.map((i) => [i.mention.raw, i.date])).toEqual([
      ['11-20', '2026-11-20'],
      ['11-02', '2026-11-02'],
      ['12-30', '2025-12-30'],
      ['10-08', '2026-10-08'],
    ]);
  });

  it('counts undated title links of a list with no dates', () => {
    expect(scanList(own('list-undated.html'))).toMatchObject({ items: [], undated: 4, blankMarker: null });
  });

  it('finds the blank marker outside the footer', () => {
    expect(scanList(demo('zcwj/index.html')).blankMarker?.raw).toBe('暂无信息');
  });
});

describe('columnStatus', () => {
  it('demo columns: fresh news, stale notices, blank policy files', () => {
    expect(columnStatus(demo('xwdt/index.html'), SETTINGS)).toEqual({
      columnType: '动态要闻',
      columnClass: 'news',
      columnName: '新闻动态',
      newestDate: '2026-11-20',
      ageDays: 3,
      itemCount: 3,
      undatedCount: 0,
      status: 'fresh',
      thresholdDays: 14,
    });
    expect(columnStatus(demo('tzgg/index.html'), SETTINGS)).toMatchObject({
      columnType: '通知公告',
      columnClass: 'notice',
      newestDate: '2025-01-08',
      ageDays: 684,
      itemCount: 2,
      status: 'stale',
      thresholdDays: 183,
    });
    expect(columnStatus(demo('zcwj/index.html'), SETTINGS)).toMatchObject({
      columnType: '政策文件',
      newestDate: null,
      ageDays: null,
      itemCount: 0,
      status: 'blank',
    });
  });

  it('the home page: newest item of all its blocks, judged against homeDays', () => {
    expect(columnStatus(demo('index.html'), SETTINGS)).toMatchObject({
      columnType: '首页',
      newestDate: '2026-11-20',
      ageDays: 3,
      status: 'fresh',
      thresholdDays: 14,
    });
    // the same page three weeks later
    expect(columnStatus(demo('index.html'), { ...SETTINGS, today: '2026-12-14' })).toMatchObject({ ageDays: 24, status: 'stale' });
  });

  it('the threshold is the limit: 14 days is fresh, 15 stale', () => {
    const page = demo('xwdt/index.html');
    expect(columnStatus(page, { ...SETTINGS, today: '2026-12-04' })).toMatchObject({ ageDays: 14, status: 'fresh' });
    expect(columnStatus(page, { ...SETTINGS, today: '2026-12-05' })).toMatchObject({ ageDays: 15, status: 'stale' });
  });

  it('follows the thresholds in the settings', () => {
    const page = demo('tzgg/index.html');
    expect(columnStatus(page, { ...SETTINGS, freshness: { noticeDays: 1000 } })).toMatchObject({ status: 'fresh', thresholdDays: 1000 });
    expect(thresholds({ freshness: { newsDays: -3, homeDays: Number.NaN } })).toEqual(DEFAULT_THRESHOLDS);
  });

  it('undated items make a no-date column; future items never make it fresh', () => {
    expect(columnStatus(own('list-undated.html'), SETTINGS)).toMatchObject({ status: 'no-date', itemCount: 4, undatedCount: 4 });
    expect(columnStatus(own('list-future.html'), SETTINGS)).toMatchObject({ newestDate: '2026-11-10', ageDays: 13 });
  });

  it('a page with only footer dates has no newest date', () => {
    expect(columnStatus(own('footer-only.html'), SETTINGS)).toMatchObject({ newestDate: null, itemCount: 0 });
  });

  it('the data files are well-formed', () => {
    const table = JSON.parse(readFileSync(path.resolve(OWN, '../../../lib/data/column-types.json'), 'utf8'));
    const aliases = table.types.flatMap((t: { aliases: string[] }) => t.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});

describe('page type refinement: declared columns', () => {
  it('an undated article whose template carries ColumnName is not an empty column', async () => {
    const { modelFromHtml } = await import('../../helpers/load-page');
    const html = `<html><head><title>示例新闻_示例市</title><meta name="ColumnName" content="工作动态"></head><body>
      <h1>示例市召开冬季安全生产工作部署会</h1>
      <p>会议要求，各地各部门要压实安全生产责任，全面排查整治各类隐患，坚决防范遏制重特大事故发生，确保人民群众生命财产安全和社会大局稳定。</p></body></html>`;
    const page = modelFromHtml(html, 'https://www.example.gov.cn/gzdt/1.html', TODAY).model;
    expect(guessPageType(page.url, page.meta, page.dates)).toBe('column'); // the first guess, from the meta alone
    expect(page.pageType).toBe('other');
    expect(refinePageType(page)).toBe('other');
  });
});
