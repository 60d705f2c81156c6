/**
 * footer.* — the marks every government site must show in its footer (RULES.md §1).
 * Each check reports a page-level finding when its element is missing anywhere on the page;
 * malformed values are reported at their text, and a mark shown in a non-standard form
 * (footer-variants.ts) is a footer.*-format hint, never a missing mark.
 */
import type { PageModel, Rule, RuleFinding, Severity } from '../types';
import rules from '../data/footer-rules.json';
import { hasConacMark, hasJiucuo, jiucuoCodes } from './footer-marks';
import {
  compile,
  findInFooter,
  findInScope,
  footerEvidence,
  footerSiteCode,
  provincePrefix,
  sameCode,
  siteCodeHits,
} from './footer-text';
import { icpVariants, policeRecordLinks, policeVariants, sponsorVariants, type VariantHit } from './footer-variants';

export { readSiteCode } from './footer-text';

type FormatId = 'footer.icp-format' | 'footer.police-format' | 'footer.sponsor-format';
type FooterId = Exclude<keyof typeof rules.messages, FormatId>;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

function missing(id: FooterId, severity: Severity, page: PageModel): RuleFinding {
  const m = rules.messages[id];
  return { ruleId: id, severity, category: 'footer', message: m.missing, evidence: footerEvidence(page), suggestion: m.suggestion };
}

/** A rule that only checks presence. */
function presence(id: FooterId, severity: Severity, present: (page: PageModel) => boolean): Rule {
  return {
    id,
    title: rules.messages[id].title,
    category: 'footer',
    severity,
    check: (page) => (present(page) ? [] : [missing(id, severity, page)]),
  };
}

const linkText = (page: PageModel, texts: string[], footerOnly = false) =>
  page.links.some((l) => (!footerOnly || l.inFooter) && texts.some((t) => l.text.includes(t)));

const SPONSOR = compile(rules.sponsor.pattern);
const CONTACT = rules.contact.footerPatterns.map((p) => compile(p));
const ICP = compile(rules.icp.pattern);
const POLICE = compile(rules.police.pattern);

const hasSponsor = (p: PageModel) => findInScope(p, SPONSOR).length > 0;
const hasIcp = (p: PageModel) => findInScope(p, ICP).length > 0;
const isStandardIcp = (text: string) => new RegExp(ICP.source).test(text);
const hasPolice = (p: PageModel) => findInScope(p, POLICE).length > 0;

const conacRule = presence('footer.conac-mark', 'deduct', hasConacMark);
// a mark shown in a non-standard form is there: footer.*-format reports its form, not its absence
const sponsorRule = presence('footer.sponsor', 'deduct', (p) => hasSponsor(p) || sponsorVariants(p).length > 0);
const icpRule = presence('footer.icp', 'deduct', (p) => hasIcp(p) || icpVariants(p, isStandardIcp).length > 0);
const sitemapRule = presence('footer.sitemap', 'hint', (p) => linkText(p, rules.sitemap.linkTexts));

// Phone numbers and addresses are common in article text, so only the footer's count; a
// 联系我们 link counts anywhere (a header link serves the visitor just as well).
const contactRule = presence(
  'footer.contact',
  'deduct',
  (p) =>
    CONTACT.some((re) => findInFooter(p, re).length > 0) ||
    p.links.some((l) => l.inFooter && l.href.toLowerCase().startsWith('mailto:')) ||
    linkText(p, rules.contact.linkTexts),
);

const siteCodeRule: Rule = {
  id: 'footer.site-code',
  title: rules.messages['footer.site-code'].title,
  category: 'footer',
  severity: 'deduct',
  check(page) {
    const hits = siteCodeHits(page);
    if (!hits.length) return [missing('footer.site-code', 'deduct', page)];
    const m = rules.messages['footer.site-code'];
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    for (const h of hits) {
      if (h.valid || seen.has(h.code)) continue;
      seen.add(h.code);
      out.push({
        ruleId: 'footer.site-code',
        severity: 'deduct',
        category: 'footer',
        message: fill(m.malformed, { code: h.code }),
        evidence: h.text,
        suggestion: m.malformedSuggestion,
        start: h.start,
        end: h.end,
      });
    }
    return out;
  },
};

const jiucuoRule: Rule = {
  id: 'footer.jiucuo',
  title: rules.messages['footer.jiucuo'].title,
  category: 'footer',
  severity: 'deduct',
  check(page) {
    if (!hasJiucuo(page)) return [missing('footer.jiucuo', 'deduct', page)];
    const code = footerSiteCode(page);
    if (!code) return [];
    const m = rules.messages['footer.jiucuo'];
    return jiucuoCodes(page)
      .filter((c) => !sameCode(c, code.code))
      .map((c) => ({
        ruleId: 'footer.jiucuo',
        severity: 'deduct' as const,
        category: 'footer' as const,
        message: fill(m.mismatch, { jiucuo: c, page: code.code }),
        evidence: code.text,
        suggestion: m.mismatchSuggestion,
        start: code.start,
        end: code.end,
      }));
  },
};

const policeRule: Rule = {
  id: 'footer.police-record',
  title: rules.messages['footer.police-record'].title,
  category: 'footer',
  severity: 'deduct',
  check(page) {
    const hits = findInScope(page, POLICE);
    if (!hits.length) {
      const shown = policeVariants(page).length > 0 || policeRecordLinks(page).length > 0;
      return shown ? [] : [missing('footer.police-record', 'deduct', page)];
    }
    const m = rules.messages['footer.police-record'];
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const h of hits) {
      const [abbr = '', number = ''] = h.groups;
      if (seen.has(abbr + number)) continue;
      seen.add(abbr + number);
      const prefix = provincePrefix(abbr);
      let message = '';
      // Unsure by nature (the number may be right and the abbreviation wrong): hint, not deduct.
      if (!abbr || number.length !== rules.police.digits) message = fill(m.malformed, { number: h.text.trim() });
      else if (prefix && !number.startsWith(prefix)) message = fill(m.mismatch, { abbr, prefix, actual: number.slice(0, 2) });
      if (!message) continue;
      out.push({
        ruleId: 'footer.police-record',
        severity: 'hint',
        category: 'footer',
        message,
        evidence: h.text,
        suggestion: m.malformedSuggestion,
        start: h.start,
        end: h.end,
      });
    }
    return out;
  },
};

/** One hint per distinct standard form, at the text as shown. */
function formatFindings(id: FormatId, hits: VariantHit[]): RuleFinding[] {
  const m = rules.messages[id];
  const seen = new Set<string>();
  return hits
    .filter((h) => !seen.has(h.standard) && !!seen.add(h.standard))
    .map((h) => ({
      ruleId: id,
      severity: 'hint' as const,
      category: 'footer' as const,
      message: fill(m.malformed, { text: h.text }),
      evidence: h.text,
      suggestion: fill(m.suggestion, { standard: h.standard }),
      start: h.start,
      end: h.end,
    }));
}

/** A hint-level rule for a mark shown in a non-standard form (never when a standard one is shown). */
function formatRule(id: FormatId, check: Rule['check']): Rule {
  return { id, title: rules.messages[id].title, category: 'footer', severity: 'hint', check };
}

const icpFormatRule = formatRule('footer.icp-format', (p) =>
  hasIcp(p) ? [] : formatFindings('footer.icp-format', icpVariants(p, isStandardIcp)),
);

const policeFormatRule = formatRule('footer.police-format', (page) => {
  if (hasPolice(page)) return [];
  const shown = formatFindings('footer.police-format', policeVariants(page));
  if (shown.length) return shown;
  const m = rules.messages['footer.police-format'];
  return policeRecordLinks(page).map((l) => ({
    ruleId: 'footer.police-format',
    severity: 'hint' as const,
    category: 'footer' as const,
    message: fill(m.linkOnly, { number: l.number }),
    evidence: footerEvidence(page),
    suggestion: fill(m.suggestion, { standard: l.standard }),
  }));
});

const sponsorFormatRule = formatRule('footer.sponsor-format', (p) =>
  hasSponsor(p) ? [] : formatFindings('footer.sponsor-format', sponsorVariants(p)),
);

export const footerRules: Rule[] = [
  conacRule,
  jiucuoRule,
  siteCodeRule,
  sponsorRule,
  contactRule,
  icpRule,
  policeRule,
  sitemapRule,
  icpFormatRule,
  policeFormatRule,
  sponsorFormatRule,
];
