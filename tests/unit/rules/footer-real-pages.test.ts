/**
 * The footer and meta checks on the nine real pages of tests/fixtures/real/pages, against the
 * facts in MANIFEST.md. Precision matters most: a complete footer must give no footer finding.
 */
import { describe, expect, it } from 'vitest';
import { realPage } from '../../helpers/load-page';
import { footerRules, readSiteCode } from '../../../lib/rules/footer';
import { metaRules } from '../../../lib/rules/meta';
import type { PageModel, Rule, Settings } from '../../../lib/types';

const SETTINGS: Settings = { freshDays: 30, staleDays: 365, paintDates: false, inspector: '', today: '2026-11-23' };

interface Case {
  file: string;
  host: string;
  siteCode: string;
  /** footer.* ids that fire, in footerRules order */
  footer: string[];
  /** tags meta.missing lists ('' when it does not fire) */
  missingMeta: string;
  /** meta.mismatch messages */
  mismatch: string[];
}

const CASES: Case[] = [
  {
    // 网站地图 absent; the 找错 entry is gov.cn's own 网站纠错 → /fuwu/jiucuopage.html; contact: 联系我们 link.
    file: 'govcn-gazette-2007.html',
    host: 'www.gov.cn',
    siteCode: 'bm01000001',
    footer: ['footer.sitemap'],
    // no ArticleTitle/PubDate meta and no labelled date: the scan sees an 'other' page
    missingMeta: 'SiteName、SiteDomain、SiteIDCode',
    mismatch: [],
  },
  {
    // contact: 联系我们 link in the footer
    file: 'shanxi-news-2019.html',
    host: 'www.shanxi.gov.cn',
    siteCode: '1400000045',
    footer: [],
    missingMeta: 'ColumnDescription、ColumnKeywords、ColumnType',
    mismatch: [],
  },
  {
    // no 主办 text (only “中国·浙江省发展和改革委员会 版权所有”); 找错 via a jiucuo.html?site_code= link;
    // contact: 联系我们 link. SiteDomain lists fgw.zj.gov.cn,www.zjdpc.gov.cn, so the host matches.
    file: 'zjdpc-news-2016.html',
    host: 'www.zjdpc.gov.cn',
    siteCode: '3300000020',
    footer: ['footer.sponsor'],
    // SiteIDCode and ColumnType are present but empty; the page has contentSource, not ContentSource
    missingMeta: 'SiteIDCode、ColumnDescription、ColumnKeywords、ColumnType、ContentSource',
    mismatch: [],
  },
  {
    // 主办方：中国载人航天工程办公室 counts as 主办; 联系我们 link in the footer
    file: 'cmse-news-2012.html',
    host: 'www.cmse.gov.cn',
    siteCode: '',
    footer: ['footer.conac-mark', 'footer.jiucuo', 'footer.site-code', 'footer.police-record', 'footer.sitemap'],
    missingMeta:
      'SiteName、SiteDomain、SiteIDCode、ColumnName、ColumnDescription、ColumnKeywords、ColumnType、ArticleTitle、PubDate、ContentSource',
    mismatch: [],
  },
  {
    // No 联系我们 link, but the footer gives a phone number: 技术支持：万载县信息中心(0795-8819792).
    // A person reading the footer finds a number to call, so 联系方式 is present.
    file: 'wanzai-bulletin-2015.html',
    host: 'www.wanzai.gov.cn',
    siteCode: '3609220011',
    footer: [],
    missingMeta: 'ContentSource',
    // the page shows 发布日期：2017-05-15 while the CMS wrote its 2022 regeneration time into PubDate:
    // meta.pubdate-mismatch's hint (tests/unit/pipeline/context.test.ts), not a meta.mismatch
    mismatch: [],
  },
  {
    // contact as above (phone in the footer)
    file: 'wanzai-bulletin-2022.html',
    host: 'www.wanzai.gov.cn',
    siteCode: '3609220011',
    footer: [],
    missingMeta: '',
    mismatch: [],
  },
  {
    file: 'yichun-bulletin-2022.html',
    host: 'www.yichun.gov.cn',
    siteCode: '3609000002',
    footer: [],
    missingMeta: '',
    mismatch: [],
  },
  {
    file: 'yichun-jiangxi-bulletin-2022.html',
    host: 'www.yichun.gov.cn',
    siteCode: '3609000002',
    footer: [],
    missingMeta: '',
    mismatch: [],
  },
  {
    // contact: TEL:010-58884104 and E-Mail in the footer; conac via document.write(unescape(...))
    file: 'kepu-news-2023.html',
    host: 'www.kepu.gov.cn',
    siteCode: 'bm06000004',
    footer: ['footer.sponsor', 'footer.police-record', 'footer.sitemap'],
    // no ArticleTitle/PubDate meta and no labelled date: the scan sees an 'other' page
    missingMeta: 'SiteName、SiteDomain、SiteIDCode',
    mismatch: [],
  },
];

const run = (rules: Rule[], m: PageModel) => rules.flatMap((r) => r.check(m, SETTINGS));

describe.each(CASES)('$file', (c) => {
  const { model } = realPage(c.file, c.host);

  it('finds the footer region', () => {
    expect(model.footer).not.toBeNull();
  });

  it(`fires exactly: ${c.footer.join(', ') || 'no footer check'}`, () => {
    const fs = run(footerRules, model);
    expect(fs.map((f) => f.ruleId)).toEqual(c.footer);
    // only missing elements on these pages: page-level findings, no malformed values
    for (const f of fs) {
      expect(f.start).toBeUndefined();
      expect(f.evidence.startsWith('底部区域：')).toBe(true);
    }
  });

  it('reads the site code', () => {
    expect(readSiteCode(model)).toBe(c.siteCode);
  });

  it('meta checks', () => {
    const missing = run(metaRules.filter((r) => r.id === 'meta.missing'), model);
    expect(missing.map((f) => f.message)).toEqual(c.missingMeta ? [`页面缺少必需的网页标签：${c.missingMeta}`] : []);
    const mismatch = run(metaRules.filter((r) => r.id === 'meta.mismatch'), model);
    expect(mismatch.map((f) => f.message)).toEqual(c.mismatch);
  });
});

describe('the real pages under another host', () => {
  it('meta.mismatch reports a SiteDomain that is not the page host', () => {
    const { model } = realPage('yichun-bulletin-2022.html', 'yichun.gov.cn');
    expect(run(metaRules.filter((r) => r.id === 'meta.mismatch'), model).map((f) => f.message)).toEqual([
      'SiteDomain 标签（www.yichun.gov.cn）与页面域名（yichun.gov.cn）不一致',
    ]);
  });
});
