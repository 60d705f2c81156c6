/**
 * Text search for the footer checks: footer region first, then the whole page (RULES.md §1:
 * some sites put their marks in a side bar), and the 网站标识码 reader shared with meta.*.
 */
import type { PageModel } from '../types';
import rules from '../data/footer-rules.json';
import provinces from '../data/province-abbr.json';
import { simplifyMarks } from '../text/script';

export interface TextHit {
  /** the whole match */
  text: string;
  /** capture groups, '' when a group did not take part */
  groups: string[];
  start: number;
  end: number;
}

const ABBR = Object.keys(provinces).join('');

/** A pattern from footer-rules.json, with {abbr} filled in from province-abbr.json. */
export function compile(pattern: string, flags = 'g'): RegExp {
  return new RegExp(pattern.replaceAll('{abbr}', ABBR), flags);
}

/** Division-code prefix (2 digits) of a province abbreviation, or undefined. */
export function provincePrefix(abbr: string): string | undefined {
  return (provinces as Record<string, string>)[abbr];
}

/**
 * What the recognisers search: the page's text, or a 繁体 page's with their characters simplified
 * (PageModel.markText: same offsets).
 */
export const markText = (page: PageModel): string => page.markText ?? page.text;

/** A link's label as the recognisers read it (simplified like markText on a 繁体 page: 網站地圖 → 网站地图). */
export const markLabel = (page: PageModel, label: string): string => (page.markText ? simplifyMarks(label) : label);

/** Hits of `re` in a region of the page (null: the whole page); each quotes the page's own text (繁体 as written). */
function hitsIn(page: PageModel, region: PageModel['footer'], re: RegExp): TextHit[] {
  const from = region?.start ?? 0;
  // what is searched: the region as written (no copy), or a 繁体 page's marks text over the same span
  const text = page.markText ? (region ? page.markText.slice(region.start, region.end) : page.markText) : (region?.text ?? page.text);
  const out: TextHit[] = [];
  // matchAll needs the g flag and copies the regex itself, so no lastIndex state leaks
  for (const m of text.matchAll(re.global ? re : new RegExp(re.source, re.flags + 'g'))) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    out.push({ text: page.markText ? page.text.slice(start, end) : m[0], groups: m.slice(1).map((s) => s ?? ''), start, end });
  }
  return out;
}

/** Hits in the footer region; when it has none, hits anywhere in the page. */
export function findInScope(page: PageModel, re: RegExp): TextHit[] {
  if (page.footer) {
    const inFooter = hitsIn(page, page.footer, re);
    if (inFooter.length) return inFooter;
  }
  return hitsIn(page, null, re);
}

/** Hits inside the footer region only (for elements that are too common in body text). */
export function findInFooter(page: PageModel, re: RegExp): TextHit[] {
  return page.footer ? hitsIn(page, page.footer, re) : [];
}

/** A short description of where we looked, for the evidence of a missing element. */
export function footerEvidence(page: PageModel): string {
  if (!page.footer) return '未找到底部区域';
  const flat = page.footer.text.replace(/\s+/g, ' ').trim();
  return `底部区域：${flat.length > 80 ? flat.slice(0, 80) + '…' : flat}`;
}

const SITE_CODE = compile(rules.siteCode.pattern, 'gi');
const SITE_CODE_VALID = new RegExp(rules.siteCode.valid, 'i');

export interface SiteCodeHit extends TextHit {
  code: string;
  valid: boolean;
}

/** Every 网站标识码 the footer (else the page) shows, with whether its form is valid. */
const siteCodeCache = new WeakMap<PageModel, SiteCodeHit[]>();

/** Every 网站标识码 on the page; computed once per page (three footer/meta checks and the report ask). */
export function siteCodeHits(page: PageModel): SiteCodeHit[] {
  let hits = siteCodeCache.get(page);
  if (!hits) {
    hits = findInScope(page, SITE_CODE).map((h) => {
      const code = h.groups[0] ?? '';
      return { ...h, code, valid: SITE_CODE_VALID.test(code) };
    });
    siteCodeCache.set(page, hits);
  }
  return hits;
}

/** The page's 网站标识码 as shown in the footer (else anywhere), or null. */
export function footerSiteCode(page: PageModel): SiteCodeHit | null {
  const hits = siteCodeHits(page);
  return hits.find((h) => h.valid) ?? hits[0] ?? null;
}

/** The site's 网站标识码: the footer's, else the SiteIDCode meta, else ''. */
export function readSiteCode(page: PageModel): string {
  return footerSiteCode(page)?.code ?? (page.meta['SiteIDCode'] ?? '').trim();
}

/** Codes compare case-insensitively: BM01000001 and bm01000001 are the same site. */
export function sameCode(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
