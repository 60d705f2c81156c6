import { describe, expect, it } from 'vitest';
import { modelFromHtml } from '../../helpers/load-page';
import { metaRules } from '../../../lib/rules/meta';
import type { PageModel, RuleFinding, Settings } from '../../../lib/types';

const SETTINGS: Settings = { freshDays: 30, staleDays: 365, paintDates: false, inspector: '', today: '2026-11-23' };
const ARTICLE_URL = 'https://www.yichun.gov.cn/art/2023/5/16/art_1.html';

const SITE = { SiteName: '中国宜春', SiteDomain: 'www.yichun.gov.cn', SiteIDCode: '3609000002' };
const COLUMN = { ColumnName: '统计公报', ColumnDescription: '统计公报', ColumnKeywords: '统计公报', ColumnType: '统计公报' };
const ARTICLE = { ArticleTitle: '宜春市2022年统计公报', PubDate: '2023-05-16 12:34', ContentSource: '宜春市统计局' };
const ALL = { ...SITE, ...COLUMN, ...ARTICLE };

const FOOTER = `<div class="footer"><a href="/wzdt/">网站地图</a> 主办：宜春市人民政府
  <p>赣ICP备06000141号　政府网站标识码：3609000002</p></div>`;

function page(meta: Record<string, string>, opts: { url?: string; body?: string; footer?: string } = {}): PageModel {
  const tags = Object.entries(meta)
    .map(([n, c]) => `<meta name="${n}" content="${c}">`)
    .join('');
  const html = `<html><head>${tags}<title>t</title></head><body><div class="main">${opts.body ?? '<p>正文内容。</p>'}</div>${opts.footer ?? FOOTER}</body></html>`;
  return modelFromHtml(html, opts.url ?? ARTICLE_URL).model;
}

function run(model: PageModel, id: string): RuleFinding[] {
  return metaRules.find((r) => r.id === id)!.check(model, SETTINGS);
}

describe('metaRules', () => {
  it('has meta.missing (hint), meta.mismatch (deduct) and meta.pubdate-mismatch (hint)', () => {
    expect(metaRules.map((r) => [r.id, r.severity, r.category])).toEqual([
      ['meta.missing', 'hint', 'meta'],
      ['meta.mismatch', 'deduct', 'meta'],
      ['meta.pubdate-mismatch', 'hint', 'meta'],
    ]);
  });
});

describe('meta.missing', () => {
  it('reports nothing when an article page has every required tag', () => {
    const m = page(ALL);
    expect(m.pageType).toBe('article');
    expect(run(m, 'meta.missing')).toEqual([]);
  });

  it('lists the absent tags of an article page in one page-level finding', () => {
    const m = page({ ...SITE, ArticleTitle: 'x', PubDate: '2023-05-16' });
    const fs = run(m, 'meta.missing');
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f).toMatchObject({ ruleId: 'meta.missing', severity: 'hint', category: 'meta' });
    expect(f.start).toBeUndefined();
    expect(f.message).toBe('页面缺少必需的网页标签：ColumnName、ColumnDescription、ColumnKeywords、ColumnType、ContentSource');
    expect(f.suggestion).toBeTruthy();
  });

  it('counts a tag with empty content as missing', () => {
    const fs = run(page({ ...ALL, SiteIDCode: '', ContentSource: '  ' }), 'meta.missing');
    expect(fs[0]?.message).toBe('页面缺少必需的网页标签：SiteIDCode、ContentSource');
  });

  it('compares names case-sensitively', () => {
    const { ContentSource: _, ...rest } = ALL;
    const fs = run(page({ ...rest, contentSource: '省发改委' }), 'meta.missing');
    expect(fs[0]?.message).toBe('页面缺少必需的网页标签：ContentSource');
  });

  it('asks column pages for the site and column tags only', () => {
    const m = page({ SiteName: '中国宜春', ColumnName: '统计公报' }, { url: 'https://www.yichun.gov.cn/col/col1/index.html' });
    expect(m.pageType).toBe('column');
    expect(run(m, 'meta.missing')[0]?.message).toBe(
      '页面缺少必需的网页标签：SiteDomain、SiteIDCode、ColumnDescription、ColumnKeywords、ColumnType',
    );
  });

  it('asks the home page for the site tags only', () => {
    const home = page(SITE, { url: 'https://www.yichun.gov.cn/' });
    expect(home.pageType).toBe('home');
    expect(run(home, 'meta.missing')).toEqual([]);
    const bare = page({}, { url: 'https://www.yichun.gov.cn/index.html' });
    expect(run(bare, 'meta.missing')[0]?.message).toBe('页面缺少必需的网页标签：SiteName、SiteDomain、SiteIDCode');
  });
});

describe('meta.mismatch', () => {
  it('reports nothing when the tags agree with the page', () => {
    const body = '<h1>标题</h1><p>发布日期：2023-05-16</p><p>正文内容。</p>';
    const m = page(ALL, { body, footer: FOOTER + '<script id="_jiucuo_" sitecode="3609000002" src="./jiucuo.js"></script>' });
    expect(run(m, 'meta.mismatch')).toEqual([]);
  });

  it('fires when SiteIDCode differs from the footer 网站标识码', () => {
    const fs = run(page({ ...ALL, SiteIDCode: '3609000001' }), 'meta.mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ ruleId: 'meta.mismatch', severity: 'deduct', category: 'meta' });
    expect(fs[0]!.message).toContain('3609000001');
    expect(fs[0]!.message).toContain('3609000002');
    expect(fs[0]!.message).toContain('底部网站标识码');
  });

  it('fires when SiteIDCode differs from the 找错 entry code', () => {
    const footer = '<div class="footer">版权所有：宜春市人民政府<script id="_jiucuo_" sitecode="3609000009" src="./jiucuo.js"></script></div>';
    const fs = run(page(ALL, { footer }), 'meta.mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('找错入口');
    expect(fs[0]!.message).toContain('3609000009');
    expect(fs[0]!.message).toContain('3609000002');
  });

  it('skips the code checks when SiteIDCode is empty', () => {
    expect(run(page({ ...ALL, SiteIDCode: '' }), 'meta.mismatch')).toEqual([]);
  });

  it('fires when SiteDomain is not the page host', () => {
    const fs = run(page({ ...ALL, SiteDomain: 'www.wanzai.gov.cn' }), 'meta.mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toBe('SiteDomain 标签（www.wanzai.gov.cn）与页面域名（www.yichun.gov.cn）不一致');
    // exact host: a www. difference is a mismatch
    expect(run(page({ ...ALL, SiteDomain: 'yichun.gov.cn' }), 'meta.mismatch')).toHaveLength(1);
  });

  it('ignores the port, case, a scheme, and accepts a list of domains', () => {
    expect(run(page(ALL, { url: 'https://www.yichun.gov.cn:8443/art/1.html' }), 'meta.mismatch')).toEqual([]);
    expect(run(page({ ...ALL, SiteDomain: 'WWW.Yichun.gov.cn' }), 'meta.mismatch')).toEqual([]);
    expect(run(page({ ...ALL, SiteDomain: 'https://www.yichun.gov.cn/' }), 'meta.mismatch')).toEqual([]);
    // zjdpc lists every domain of the site
    expect(run(page({ ...ALL, SiteDomain: 'fgw.zj.gov.cn,www.yichun.gov.cn' }), 'meta.mismatch')).toEqual([]);
  });

  it('reports one finding per mismatch', () => {
    const body = '<p>发布日期：2017-05-15</p>';
    const footer = FOOTER + '<script id="_jiucuo_" sitecode="3609000003"></script>';
    const fs = run(page({ ...ALL, SiteIDCode: '3609000001', SiteDomain: 'www.x.gov.cn' }, { body, footer }), 'meta.mismatch');
    expect(fs).toHaveLength(3); // the PubDate disagreement is meta.pubdate-mismatch's
    expect(new Set(fs.map((f) => f.evidence)).size).toBe(3);
  });
});

describe('meta.pubdate-mismatch', () => {
  it('fires (hint) when PubDate differs from the visible 发布日期 of an article; the shown date is the page date', () => {
    const body = '<h1>标题</h1><p>发布日期：2017-05-15 10:49:00</p><p>正文内容。</p>';
    const m = page({ ...ALL, PubDate: '2022-04-24 10:00:43' }, { body });
    expect(m.pubDate).toBe('2017-05-15');
    expect(m.metaPubDate).toBe('2022-04-24');
    const fs = run(m, 'meta.pubdate-mismatch');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ ruleId: 'meta.pubdate-mismatch', severity: 'hint', category: 'meta' });
    expect(fs[0]!.message).toContain('PubDate 标签（2022-04-24）与页面显示的发布日期（2017-05-15）不一致');
    expect(run(m, 'meta.mismatch')).toEqual([]);
  });

  it('stays silent on the same day, without a labelled date, and on list pages', () => {
    const body = '<h1>标题</h1><p>发布时间：2023年5月16日</p>';
    expect(run(page({ ...ALL, PubDate: '2023-05-16 08:00' }, { body }), 'meta.pubdate-mismatch')).toEqual([]);
    const unlabelled = page({ ...ALL, PubDate: '2023-05-16 08:00' });
    expect(unlabelled.pubDate).toBe('2023-05-16');
    expect(run(unlabelled, 'meta.pubdate-mismatch')).toEqual([]);
    const items = Array.from({ length: 5 }, (_, i) => `<li><a href="/a/${i}.html">通知${i}</a> 发布日期：2026-0${i + 1}-10</li>`).join('');
    const list = page({ ...SITE, ...COLUMN, publishdate: '2022-04-24' }, { url: 'https://www.yichun.gov.cn/col/col1/index.html', body: `<ul>${items}</ul>` });
    expect(list.pageType).toBe('column');
    expect(list.metaPubDate).toBe('2022-04-24');
    expect(run(list, 'meta.pubdate-mismatch')).toEqual([]);
  });
});
