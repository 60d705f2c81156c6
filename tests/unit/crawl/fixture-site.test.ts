/**
 * The crawl's parse step (the same scan code on a detached document) over the fixture site:
 * each column page gets the status its README says, and the home page yields the columns.
 */
import { domParser } from '../../helpers/load-page';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCrawledPage } from '../../../lib/crawl/parse';
import { discoverColumns } from '../../../lib/crawl/discover';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { checkSpamHosts } from '../../../entrypoints/background/spam';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/crawl-site');
const HOME = 'http://www.crawl-county.gov.cn/';
const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };

const parser = () => domParser(HOME);

const parse = (file: string) =>
  parseCrawledPage({ url: HOME + file, html: readFileSync(path.join(DIR, file), 'utf8'), settings }, parser(), { checkSpamHosts });

describe('crawl fixture site through the scan code', () => {
  it.each([
    ['xwdt/zwyw/index.html', 'fresh', '2026-11-20', '动态要闻'],
    ['xwdt/bmdt/index.html', 'stale', '2026-09-01', '动态要闻'],
    ['tzgg/index.html', 'fresh', '2026-10-15', '通知公告'],
    ['zcwj/index.html', 'stale', '2025-12-01', '政策文件'],
    ['rsxx/index.html', 'fresh', '2026-03-01', '人事'],
    ['ghjh/index.html', 'stale', '2024-06-01', '规划计划'],
    ['zcjd/index.html', 'blank', null, null],
    ['hdjl/zxft/index.html', 'stale', '2024-01-01', '其他'],
  ])('%s is %s', async (file, status, newest, type) => {
    const p = await parse(file);
    expect(p.pageType).toBe('column');
    expect(p.column?.status).toBe(status);
    expect(p.column?.newestDate).toBe(newest);
    if (type) expect(p.column?.columnType).toBe(type); // a blank column's type is lib/timeliness's call
    expect(p.report.page.columnStatus).toBe(status);
    const ids = p.report.findings.map((f) => f.ruleId);
    if (status === 'stale') expect(ids).toContain('freshness.column-stale');
    if (status === 'blank') expect(ids).toContain('freshness.blank-column');
    if (status === 'fresh') expect(ids.filter((r) => r.startsWith('freshness.'))).toEqual([]);
  });

  it('an article page linked from the navigation is not a column', async () => {
    const p = await parse('zfgk/gk.html');
    expect(p.pageType).toBe('article');
    expect(p.report.page.columnStatus).toBeUndefined();
  });

  it('the home page yields its columns, the site map, the PDF as skipped, and leaves other sites alone', async () => {
    const p = await parse('index.html');
    const d = discoverColumns(p.links, HOME);
    expect(d.siteMap).toBe(HOME + 'sitemap.html');
    const names = Object.fromEntries(d.columns.map((c) => [c.url.replace(HOME, ''), c.name]));
    expect(names['xwdt/zwyw/index.html']).toBe('政务要闻');
    expect(names['ztzl/index.html']).toBe('专题专栏');
    expect(names['go/yjzx']).toBe('应急在线');
    expect(names['index.html']).toBeUndefined(); // the home page itself
    expect(Object.keys(names)).not.toContain('xwdt/zwyw/20261120_0.html'); // list items are articles
    expect(d.columns.length).toBe(16); // 17 nav links minus 首页 and the PDF
    expect(d.skipped).toEqual([{ url: HOME + 'files/bszn.pdf', name: '办事指南', reason: expect.stringContaining('PDF') }]);
    expect(d.offsite).toBe(0); // gov.cn and jiangxi links sit in the body, not the navigation
    const map = discoverColumns((await parse('sitemap.html')).links, HOME, true);
    expect(map.columns.map((c) => c.url)).toContain(HOME + 'hdjl/zxft/index.html');
  });
});
