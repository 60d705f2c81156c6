/**
 * Column discovery: which links of the home page (or the site map) lead to column list pages.
 * Navigation links and 更多 links are columns; on a site map page every body link is. Article
 * links, the home page itself, utility links (登录, English…) and other sites are left out;
 * non-HTML files (PDF, DOC, XLS…) are listed as skipped.
 */
import { normaliseUrl } from '../fingerprint';
import cfg from '../data/crawl.json';
import type { ColumnLink, ColumnVia, RawLink, SkippedLink } from './types';

const NON_HTML = new Set(cfg.nonHtmlExtensions.map((e) => e.toLowerCase()));
const ARTICLE = cfg.articleUrlPatterns.map((p) => new RegExp(p, 'i'));
const SKIP_TEXT = new Set(cfg.skipTexts.map((t) => t.toLowerCase()));
const HOME_PATH = /^\/(index\.(s?html?|jsp|php|aspx?)|default\.(s?html?|aspx?))?$/i;

export interface Discovery {
  columns: ColumnLink[];
  /** the site map page's URL, when the page links one */
  siteMap: string | null;
  skipped: SkippedLink[];
  /** links to other sites, left alone */
  offsite: number;
}

/** The lower-cased extension of a URL's path, or '' (`/a/b.PDF` → `pdf`). */
export function extensionOf(url: string): string {
  try {
    const p = new URL(url).pathname;
    const m = /\.([a-z0-9]{1,5})$/i.exec(p);
    return m ? m[1]!.toLowerCase() : '';
  } catch {
    return '';
  }
}

export const isNonHtml = (url: string) => NON_HTML.has(extensionOf(url));

/** Same site: same host and port (a site's http and https pages are one site). */
export function sameSite(url: string, home: string): boolean {
  try {
    return new URL(url).host.toLowerCase() === new URL(home).host.toLowerCase();
  } catch {
    return false;
  }
}

function isHome(url: string): boolean {
  try {
    const u = new URL(url);
    return HOME_PATH.test(u.pathname) && !u.search;
  } catch {
    return false;
  }
}

const looksLikeArticle = (url: string) => ARTICLE.some((re) => re.test(url));

/** Columns found on one page. `fromSiteMap`: every body link of a site map is a candidate. */
export function discoverColumns(links: RawLink[], homeUrl: string, fromSiteMap = false): Discovery {
  const columns = new Map<string, ColumnLink>();
  const skipped = new Map<string, SkippedLink>();
  let siteMap: string | null = null;
  let offsite = 0;
  for (const l of links) {
    const text = l.text.trim();
    if (!siteMap && cfg.siteMapTexts.includes(text) && sameSite(l.href, homeUrl) && !isNonHtml(l.href)) {
      siteMap = normaliseUrl(l.href);
      continue;
    }
    const via: ColumnVia | null = l.place === 'more' ? 'more' : l.place === 'nav' ? 'nav' : fromSiteMap && l.place === 'body' ? 'sitemap' : null;
    if (!via) continue;
    if (!/^https?:/i.test(l.href)) continue;
    if (!sameSite(l.href, homeUrl)) {
      offsite++;
      continue;
    }
    const url = normaliseUrl(l.href);
    const name = (via === 'more' ? l.heading || '' : text).slice(0, 40);
    if (isNonHtml(url)) {
      if (!skipped.has(url)) skipped.set(url, { url, name: name || text, reason: `非网页文件（${extensionOf(url).toUpperCase()}），未检查` });
      continue;
    }
    if (isHome(url) || SKIP_TEXT.has(text.toLowerCase()) || looksLikeArticle(url)) continue;
    // long link texts are article titles, not column names (a 更多 link's own text is short)
    if (via !== 'more' && text.length > cfg.maxNameChars) continue;
    const prev = columns.get(url);
    if (!prev) columns.set(url, { url, name, via });
    else if (!prev.name && name) prev.name = name;
  }
  for (const url of columns.keys()) skipped.delete(url);
  return { columns: [...columns.values()], siteMap, skipped: [...skipped.values()], offsite };
}
