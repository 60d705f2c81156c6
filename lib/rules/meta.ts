/**
 * meta.* — the <meta> tags of 发展指引's page design rules (docs/RULES.md): required tags by
 * page type, and tags that contradict what the page itself shows.
 */
import type { PageModel } from '../types';
import { defineRule, type DefinedRule, type Detection } from './define';
import tags from '../data/meta-tags.json';
import { footerSiteCode, sameCode } from './footer-text';
import { jiucuoCodes } from './footer-marks';

const DOMAIN_SEP = new RegExp(tags.siteDomainSeparators);

/** A present tag with empty content does not count (CMS templates often leave it blank). */
const value = (page: PageModel, name: string) => (page.meta[name] ?? '').trim();

/** A page of the meta examples: the given <meta> tags in its head. */
const withMeta = (tags: Record<string, string>, body = '<h1>示例市召开冬季安全生产工作部署会</h1><p>发布时间：2026-11-20</p><p>正文内容。</p>') => ({
  url: 'https://www.example.gov.cn/art/2026/11/20/art_1_1.html',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例页面</title>${Object.entries(tags)
    .map(([n, c]) => `<meta name="${n}" content="${c}">`)
    .join('')}</head><body>${body}</body></html>`,
});
const FULL_META = {
  SiteName: '示例市人民政府',
  SiteDomain: 'www.example.gov.cn',
  SiteIDCode: '3609990002',
  ColumnName: '工作动态',
  ColumnDescription: '示例市人民政府工作动态',
  ColumnKeywords: '工作动态',
  ColumnType: '工作动态',
  ArticleTitle: '示例市召开冬季安全生产工作部署会',
  PubDate: '2026-11-20 10:00',
  ContentSource: '示例市应急管理局',
};

const missingRule = defineRule({
  id: 'meta.missing',
  family: 'meta',
  title: '必需网页标签',
  category: 'meta',
  severities: ['hint'],
  indicator: { kind: 'outside', note: '《政府网站发展指引》网页设计规范：页面须有规定的 <meta> 标签' },
  weight: { points: 0.5, cap: 2 },
  examples: { fires: [withMeta({ SiteName: '示例市人民政府' })], silent: [withMeta(FULL_META)] },
  check(page) {
    const required: string[] = tags.required[page.pageType] ?? tags.required.other;
    const absent = required.filter((n) => !value(page, n));
    if (!absent.length) return [];
    return [
      {
        message: `页面缺少必需的网页标签：${absent.join('、')}`,
        evidence: absent.map((n) => `<meta name="${n}">`).join(' '),
        suggestion: '按《政府网站发展指引》网页设计规范在页面 <head> 中补充这些 <meta> 标签',
      },
    ];
  },
});

/** Bare host of a SiteDomain entry: no scheme, path or port; hosts are case-insensitive. */
function domainHost(entry: string): string {
  return entry
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
}

function mismatch(message: string, evidence: string, suggestion: string): Detection {
  return { message, evidence, suggestion };
}

const mismatchRule = defineRule({
  id: 'meta.mismatch',
  family: 'meta',
  title: '网页标签与页面不一致',
  category: 'meta',
  severities: ['deduct'],
  indicator: { kind: 'outside', note: '《政府网站发展指引》网页设计规范：<meta> 标签须与页面一致' },
  weight: { points: 1, cap: 3 },
  examples: {
    fires: [withMeta({ ...FULL_META, SiteDomain: 'www.other.gov.cn' })],
    silent: [withMeta(FULL_META)],
  },
  check(page) {
    const out: Detection[] = [];
    const siteId = value(page, 'SiteIDCode');
    if (siteId) {
      const shown = footerSiteCode(page);
      if (shown && !sameCode(shown.code, siteId)) {
        out.push(
          mismatch(
            `SiteIDCode 标签（${siteId}）与页面底部网站标识码（${shown.code}）不一致`,
            `SiteIDCode=${siteId}；底部 ${shown.text.trim()}`,
            '将 SiteIDCode 标签改为本网站的网站标识码',
          ),
        );
      }
      for (const code of jiucuoCodes(page)) {
        if (sameCode(code, siteId)) continue;
        out.push(
          mismatch(
            `SiteIDCode 标签（${siteId}）与找错入口的网站标识码（${code}）不一致`,
            `SiteIDCode=${siteId}；找错入口 ${code}`,
            '核对网站标识码，统一 SiteIDCode 标签与找错入口',
          ),
        );
      }
    }
    const domain = value(page, 'SiteDomain');
    const host = page.host.replace(/:\d+$/, '').toLowerCase();
    // Some CMSs list every domain of the site: fgw.zj.gov.cn,www.zjdpc.gov.cn
    if (domain && host && !domain.split(DOMAIN_SEP).map(domainHost).includes(host)) {
      out.push(
        mismatch(
          `SiteDomain 标签（${domain}）与页面域名（${host}）不一致`,
          `SiteDomain=${domain}；页面域名 ${host}`,
          '将 SiteDomain 标签改为网站的实际域名',
        ),
      );
    }
    return out;
  },
});

/**
 * The PubDate meta disagrees with the 发布日期 the article shows. The page context already took the
 * shown date (lib/scan/pubdate.ts); CMSs often stamp PubDate with the page's generation time, so
 * this is a hint to check, not a deduction.
 */
const pubDateMismatchRule = defineRule({
  id: 'meta.pubdate-mismatch',
  family: 'meta',
  title: 'PubDate 标签与页面发布日期不一致',
  category: 'meta',
  severities: ['hint'],
  indicator: { kind: 'outside', note: '《政府网站发展指引》网页设计规范：PubDate 标签须为页面的发布日期' },
  weight: { points: 0.5, cap: 1 },
  examples: {
    fires: [withMeta({ ...FULL_META, PubDate: '2026-11-22 09:30' })],
    silent: [withMeta({ ...FULL_META, PubDate: '2026-11-20 09:30' }), withMeta({ ...FULL_META, PubDate: '2026-11-22' }, '<h1>示例市召开冬季安全生产工作部署会</h1><p>正文内容。</p>')],
  },
  check(page) {
    // only articles: a list page's labelled dates belong to its items (the context picks the label only there)
    if (page.pageType !== 'article' || page.pubDateSource !== 'label') return [];
    const metaDate = page.metaPubDate;
    const shownDate = page.pubDate;
    if (!metaDate || !shownDate || metaDate === shownDate) return [];
    const raw = value(page, 'PubDate') || metaDate;
    return [
      {
        message: `PubDate 标签（${metaDate}）与页面显示的发布日期（${shownDate}）不一致，已按页面显示的日期判断，请复核`,
        evidence: `PubDate=${raw}；页面发布日期 ${shownDate}`,
        suggestion: '核对发布日期，使 PubDate 标签与页面显示一致',
      },
    ];
  },
});

export const metaRules: DefinedRule[] = [missingRule, mismatchRule, pubDateMismatchRule];
