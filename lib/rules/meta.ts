/**
 * meta.* — the <meta> tags of 发展指引's page design rules (RULES.md §1): required tags by
 * page type, and tags that contradict what the page itself shows.
 */
import type { PageModel, Rule, RuleFinding } from '../types';
import tags from '../data/meta-tags.json';
import { parseMetaDate } from '../scan/pubdate';
import { footerSiteCode, sameCode } from './footer-text';
import { jiucuoCodes } from './footer-marks';

const DOMAIN_SEP = new RegExp(tags.siteDomainSeparators);

/** A present tag with empty content does not count (CMS templates often leave it blank). */
const value = (page: PageModel, name: string) => (page.meta[name] ?? '').trim();

const missingRule: Rule = {
  id: 'meta.missing',
  title: '必需网页标签',
  category: 'meta',
  severity: 'hint',
  check(page) {
    const required: string[] = tags.required[page.pageType] ?? tags.required.other;
    const absent = required.filter((n) => !value(page, n));
    if (!absent.length) return [];
    return [
      {
        ruleId: 'meta.missing',
        severity: 'hint',
        category: 'meta',
        message: `页面缺少必需的网页标签：${absent.join('、')}`,
        evidence: absent.map((n) => `<meta name="${n}">`).join(' '),
        suggestion: '按《政府网站发展指引》网页设计规范在页面 <head> 中补充这些 <meta> 标签',
      },
    ];
  },
};

/** Bare host of a SiteDomain entry: no scheme, path or port; hosts are case-insensitive. */
function domainHost(entry: string): string {
  return entry
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
}

/** The publish date the page shows in its text (a 发布时间/发布日期 label), or null. */
function visiblePubDate(page: PageModel): string | null {
  const d = page.dates.find((m) => !m.inFooter && m.label !== undefined && tags.visiblePubDateLabels.includes(m.label));
  return d ? d.date : null;
}

function mismatch(message: string, evidence: string, suggestion: string): RuleFinding {
  return { ruleId: 'meta.mismatch', severity: 'deduct', category: 'meta', message, evidence, suggestion };
}

const mismatchRule: Rule = {
  id: 'meta.mismatch',
  title: '网页标签与页面不一致',
  category: 'meta',
  severity: 'deduct',
  check(page) {
    const out: RuleFinding[] = [];
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
    // Only article pages: a list page's labelled dates belong to its items, not to the page.
    const metaDate = page.pageType === 'article' ? parseMetaDate(value(page, 'PubDate')) : null;
    const shownDate = metaDate ? visiblePubDate(page) : null;
    if (metaDate && shownDate && metaDate !== shownDate) {
      out.push(
        mismatch(
          `PubDate 标签（${metaDate}）与页面显示的发布日期（${shownDate}）不一致`,
          `PubDate=${value(page, 'PubDate')}；页面发布日期 ${shownDate}`,
          '核对发布日期，使 PubDate 标签与页面显示一致',
        ),
      );
    }
    return out;
  },
};

export const metaRules: Rule[] = [missingRule, mismatchRule];
