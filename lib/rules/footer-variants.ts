/**
 * Footer marks shown in a non-standard form (蒙ICP备 05006530, 公安机关备案号：…, X办公室（主办）):
 * the mark is there, so it is not missing, but its form should be fixed. Each reader returns the
 * hits with the standard form to suggest. Only the footer region is read: body text names 主办
 * and 备案号 for other reasons.
 */
import type { PageModel } from '../types';
import rules from '../data/footer-rules.json';
import provinces from '../data/province-abbr.json';
import { compile, findInFooter, type TextHit } from './footer-text';

export interface VariantHit extends TextHit {
  /** the standard form of this mark, to suggest */
  standard: string;
}

/** The hit without the white space its pattern may take at either end. */
function trimmed(h: TextHit): TextHit {
  const lead = h.text.length - h.text.trimStart().length;
  const text = h.text.trim();
  return { ...h, text, start: h.start + lead, end: h.start + lead + text.length };
}

/** ０-９ → 0-9 */
const halfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The first abbreviation whose division code is this prefix (51 → 川). */
function abbrOf(prefix: string): string | undefined {
  return Object.entries(provinces as Record<string, string>).find(([, p]) => p === prefix)?.[0];
}

const ICP_VARIANT = compile(rules.icp.variant.pattern, 'gi');

/** ICP records in another form; `isStandard` tells a well-formed one (already accepted) apart. */
export function icpVariants(page: PageModel, isStandard: (text: string) => boolean): VariantHit[] {
  return findInFooter(page, ICP_VARIANT)
    .filter((h) => !isStandard(h.text))
    .map((h) => {
      const [abbr = '', kind = '备', number = '', serial = ''] = h.groups;
      const standard = `${abbr || '省份简称'}ICP${kind}${halfWidth(number)}号${serial ? `-${halfWidth(serial)}` : ''}`;
      return { ...trimmed(h), standard };
    });
}

const POLICE_VARIANTS = rules.police.variants.patterns.map((p) => compile(p));
const RECORD_LINK = new RegExp(rules.police.variants.recordLink, 'i');

function policeStandard(abbr: string, number: string): string {
  const a = abbr || abbrOf(number.slice(0, 2)) || '省份简称';
  return `${a}公网安备 ${number}号`;
}

/** Police records under another label (公安机关备案号：15010202000001). */
export function policeVariants(page: PageModel): VariantHit[] {
  return POLICE_VARIANTS.flatMap((re) => findInFooter(page, re)).map((h) => {
    const [abbr = '', number = ''] = h.groups;
    return { ...trimmed(h), standard: policeStandard(abbr, number) };
  });
}

/** The record numbers of beian.gov.cn links in the footer (an icon link with no number shown). */
export function policeRecordLinks(page: PageModel): { number: string; standard: string }[] {
  const out: { number: string; standard: string }[] = [];
  for (const l of page.links) {
    const number = l.inFooter ? RECORD_LINK.exec(l.href)?.[1] : undefined;
    if (number && !out.some((o) => o.number === number)) out.push({ number, standard: policeStandard('', number) });
  }
  return out;
}

const SPONSOR_VARIANTS = rules.sponsor.variants.patterns.map((p) => compile(p));

/** Sponsors written another way (X办公室（主办）, 由X主办, 主办单位 X without a colon). */
export function sponsorVariants(page: PageModel): VariantHit[] {
  const out: VariantHit[] = [];
  for (const re of SPONSOR_VARIANTS) {
    for (const h of findInFooter(page, re)) {
      // two patterns may read the same words: keep the first
      if (out.some((o) => o.start < h.end && h.start < o.end)) continue;
      out.push({ ...trimmed(h), standard: `主办单位：${h.groups[0] ?? ''}` });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
