/**
 * footer.* — the marks every government site must show in its footer (docs/RULES.md).
 * Each check reports a page-level finding when its element is missing anywhere on the page;
 * malformed values are reported at their text, and a mark shown in a non-standard form
 * (footer-variants.ts) is a footer.*-format hint, never a missing mark.
 */
import type { PageModel } from '../types';
import rules from '../data/footer-rules.json';
import { defineRule, type DefinedRule, type Detection, type Indicator, type RuleDefinition } from './define';
import { hasConacMark, hasJiucuo, jiucuoCodes } from './footer-marks';
import {
  compile,
  findInFooter,
  findInScope,
  footerEvidence,
  footerSiteCode,
  markLabel,
  provincePrefix,
  sameCode,
  siteCodeHits,
} from './footer-text';
import { icpVariants, policeRecordLinks, policeVariants, sponsorVariants, type VariantHit } from './footer-variants';

export { readSiteCode } from './footer-text';

type FormatId = 'footer.icp-format' | 'footer.police-format' | 'footer.sponsor-format';
type FooterId = Exclude<keyof typeof rules.messages, FormatId>;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

function missing(id: FooterId, page: PageModel): Detection {
  const m = rules.messages[id];
  return { message: m.missing, evidence: footerEvidence(page), suggestion: m.suggestion };
}

/** 发展指引 lists the footer marks; 19号 has no item of its own for them. */
const GUIDE = (mark: string): Indicator => ({ kind: 'outside', note: `《政府网站发展指引》（国办发〔2017〕47号）要求网站底部功能区列明${mark}` });

/** A footer example page: the given marks inside a footer block. */
const foot = (...parts: string[]) => `<div class="main"><p>正文内容。</p></div><div class="footer">${parts.join(' ')}</div>`;
const M = {
  sponsor: '<p>主办单位：示例市人民政府</p>',
  contact: '<p>联系电话：0795-6120001</p>',
  icp: '<p><a href="https://beian.miit.gov.cn/">赣ICP备19001235号</a></p>',
  siteCode: '<p>网站标识码：3609990002</p>',
  police: '<p>赣公网安备 36099902000101号</p>',
  conac: '<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=7D3F1A52C0B94E6F8A21D5C3B0E49F17"><img src="red.png" alt="党政机关网站标识"></a></span>',
  jiucuo: (code = '3609990002') => `<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=${code}">我为政府网站找错</a>`,
  sitemap: '<a href="/wzdt/">网站地图</a>',
};

const footerRule = (def: Omit<RuleDefinition, 'family' | 'category' | 'anchor'>) => defineRule({ ...def, family: 'footer', category: 'footer', anchor: 'footer' });

const present = (id: FooterId, has: (page: PageModel) => boolean) => (page: PageModel) => (has(page) ? [] : [missing(id, page)]);

const linkText = (page: PageModel, texts: string[], footerOnly = false) =>
  page.links.some((l) => (!footerOnly || l.inFooter) && texts.some((t) => markLabel(page, l.text).includes(t)));

const SPONSOR = compile(rules.sponsor.pattern);
const CONTACT = rules.contact.footerPatterns.map((p) => compile(p));
const ICP = compile(rules.icp.pattern);
const POLICE = compile(rules.police.pattern);

const hasSponsor = (p: PageModel) => findInScope(p, SPONSOR).length > 0;
const hasIcp = (p: PageModel) => findInScope(p, ICP).length > 0;
const isStandardIcp = (text: string) => new RegExp(ICP.source).test(text);
const hasPolice = (p: PageModel) => findInScope(p, POLICE).length > 0;

const conacRule = footerRule({
  id: 'footer.conac-mark',
  title: '党政机关网站标识',
  severities: ['deduct'],
  indicator: GUIDE('党政机关网站标识'),
  weight: { points: 2, cap: 2 },
  examples: { fires: [foot(M.sponsor, M.siteCode)], silent: [foot(M.sponsor, M.conac)] },
  check: present('footer.conac-mark', hasConacMark),
});

const sponsorRule = footerRule({
  id: 'footer.sponsor',
  title: '网站主办单位',
  severities: ['deduct'],
  indicator: GUIDE('网站主办单位'),
  weight: { points: 2, cap: 2 },
  examples: { fires: [foot('<p>版权所有：示例市人民政府</p>', M.icp)], silent: [foot(M.sponsor, M.icp)] },
  // a mark shown in a non-standard form is there: footer.sponsor-format reports its form
  check: present('footer.sponsor', (p) => hasSponsor(p) || sponsorVariants(p).length > 0),
});

const icpRule = footerRule({
  id: 'footer.icp',
  title: 'ICP备案编号',
  severities: ['deduct'],
  indicator: GUIDE('ICP备案编号'),
  weight: { points: 2, cap: 2 },
  examples: { fires: [foot(M.sponsor, M.siteCode)], silent: [foot(M.sponsor, M.icp)] },
  check: present('footer.icp', (p) => hasIcp(p) || icpVariants(p, isStandardIcp).length > 0),
});

const sitemapRule = footerRule({
  id: 'footer.sitemap',
  title: '网站地图',
  severities: ['hint'],
  indicator: GUIDE('网站地图链接'),
  weight: { points: 1, cap: 1 },
  examples: { fires: [foot(M.sponsor, '<a href="/lxwm/">联系我们</a>')], silent: [foot(M.sitemap, M.sponsor)] },
  check: present('footer.sitemap', (p) => linkText(p, rules.sitemap.linkTexts)),
});

// Phone numbers and addresses are common in article text, so only the footer's count; a
// 联系我们 link counts anywhere (a header link serves the visitor just as well).
const contactRule = footerRule({
  id: 'footer.contact',
  title: '联系方式',
  severities: ['deduct'],
  indicator: GUIDE('联系方式'),
  weight: { points: 1, cap: 1 },
  examples: {
    fires: [foot(M.sponsor, M.icp)],
    silent: [foot(M.sponsor, M.contact), foot(M.sponsor, '<a href="/lxwm/">联系我们</a>')],
  },
  check: present(
    'footer.contact',
    (p) =>
      CONTACT.some((re) => findInFooter(p, re).length > 0) ||
      p.links.some((l) => l.inFooter && l.href.toLowerCase().startsWith('mailto:')) ||
      linkText(p, rules.contact.linkTexts),
  ),
});

const siteCodeRule = footerRule({
  id: 'footer.site-code',
  title: '网站标识码',
  severities: ['deduct'],
  indicator: GUIDE('网站标识码'),
  weight: { points: 2, cap: 2 },
  examples: {
    fires: [foot(M.sponsor, M.icp), foot(M.sponsor, '<p>网站标识码：36099900</p>')],
    silent: [foot(M.sponsor, M.siteCode)],
  },
  check(page) {
    const hits = siteCodeHits(page);
    if (!hits.length) return [missing('footer.site-code', page)];
    const m = rules.messages['footer.site-code'];
    const seen = new Set<string>();
    const out: Detection[] = [];
    for (const h of hits) {
      if (h.valid || seen.has(h.code)) continue;
      seen.add(h.code);
      out.push({
        message: fill(m.malformed, { code: h.code }),
        evidence: h.text,
        suggestion: m.malformedSuggestion,
        start: h.start,
        end: h.end,
      });
    }
    return out;
  },
});

const jiucuoRule = footerRule({
  id: 'footer.jiucuo',
  title: '“我为政府网站找错”入口',
  severities: ['deduct'],
  indicator: GUIDE('“我为政府网站找错”入口'),
  weight: { points: 2, cap: 2 },
  examples: {
    fires: [foot(M.sponsor, M.siteCode), foot(M.siteCode, M.jiucuo('3609990009'))],
    silent: [foot(M.siteCode, M.jiucuo())],
  },
  check(page) {
    if (!hasJiucuo(page)) return [missing('footer.jiucuo', page)];
    const code = footerSiteCode(page);
    if (!code) return [];
    const m = rules.messages['footer.jiucuo'];
    return jiucuoCodes(page)
      .filter((c) => !sameCode(c, code.code))
      .map((c) => ({
        message: fill(m.mismatch, { jiucuo: c, page: code.code }),
        evidence: code.text,
        suggestion: m.mismatchSuggestion,
        start: code.start,
        end: code.end,
      }));
  },
});

const policeRule = footerRule({
  id: 'footer.police-record',
  title: '公安机关备案标识',
  // missing: deduct; a malformed or mismatched number is unsure by nature (the number may be
  // right and the abbreviation wrong): hint
  severities: ['deduct', 'hint'],
  indicator: GUIDE('公安机关备案标识'),
  weight: { points: 2, cap: 2 },
  examples: {
    fires: [foot(M.sponsor, M.icp), foot(M.sponsor, '<p>赣公网安备 3609990200010号</p>')],
    silent: [foot(M.sponsor, M.police)],
  },
  check(page) {
    const hits = findInScope(page, POLICE);
    if (!hits.length) {
      const shown = policeVariants(page).length > 0 || policeRecordLinks(page).length > 0;
      return shown ? [] : [missing('footer.police-record', page)];
    }
    const m = rules.messages['footer.police-record'];
    const out: Detection[] = [];
    const seen = new Set<string>();
    for (const h of hits) {
      const [abbr = '', number = ''] = h.groups;
      if (seen.has(abbr + number)) continue;
      seen.add(abbr + number);
      const prefix = provincePrefix(abbr);
      let message = '';
      if (!abbr || number.length !== rules.police.digits) message = fill(m.malformed, { number: h.text.trim() });
      else if (prefix && !number.startsWith(prefix)) message = fill(m.mismatch, { abbr, prefix, actual: number.slice(0, 2) });
      if (!message) continue;
      out.push({ severity: 'hint', message, evidence: h.text, suggestion: m.malformedSuggestion, start: h.start, end: h.end });
    }
    return out;
  },
});

/** One hint per distinct standard form, at the text as shown. */
function formatFindings(id: FormatId, hits: VariantHit[]): Detection[] {
  const m = rules.messages[id];
  const seen = new Set<string>();
  return hits
    .filter((h) => !seen.has(h.standard) && !!seen.add(h.standard))
    .map((h) => ({
      message: fill(m.malformed, { text: h.text }),
      evidence: h.text,
      suggestion: fill(m.suggestion, { standard: h.standard }),
      start: h.start,
      end: h.end,
    }));
}

/** A 待复核 rule for a mark shown in a non-standard form (never when a standard one is shown). */
const formatRule = (def: Omit<RuleDefinition, 'family' | 'category' | 'anchor' | 'severities' | 'weight' | 'title'> & { id: FormatId }) =>
  // capped at 1 point: a format problem must never cost more than the missing mark (2)
  footerRule({ ...def, title: rules.messages[def.id].title, severities: ['hint'], weight: { points: 1, cap: 1 } });

const icpFormatRule = formatRule({
  id: 'footer.icp-format',
  indicator: GUIDE('ICP备案编号'),
  examples: { fires: [foot(M.sponsor, '<p>蒙ICP备 05006530</p>')], silent: [foot(M.sponsor, M.icp), foot(M.sponsor, '<p>ICP备案号：蒙ICP备05006530号-1</p>')] },
  check: (p) => (hasIcp(p) ? [] : formatFindings('footer.icp-format', icpVariants(p, isStandardIcp))),
});

const policeFormatRule = formatRule({
  id: 'footer.police-format',
  indicator: GUIDE('公安机关备案标识'),
  examples: { fires: [foot(M.sponsor, '<p>公安机关备案号：15010202000001</p>')], silent: [foot(M.sponsor, M.police), foot(M.sponsor, '<p>公安备案号：蒙公网安备 15010202000001号</p>')] },
  check(page) {
    if (hasPolice(page)) return [];
    const shown = formatFindings('footer.police-format', policeVariants(page));
    if (shown.length) return shown;
    const m = rules.messages['footer.police-format'];
    return policeRecordLinks(page).map((l) => ({
      message: fill(m.linkOnly, { number: l.number }),
      evidence: footerEvidence(page),
      suggestion: fill(m.suggestion, { standard: l.standard }),
    }));
  },
});

const sponsorFormatRule = formatRule({
  id: 'footer.sponsor-format',
  indicator: GUIDE('网站主办单位'),
  examples: {
    fires: [foot('<p>内蒙古自治区人民政府办公室（主办）</p>', M.icp)],
    silent: [foot(M.sponsor, M.icp), foot('<p>承办：示例市大数据中心</p>', M.icp)],
  },
  check: (p) => (hasSponsor(p) ? [] : formatFindings('footer.sponsor-format', sponsorVariants(p))),
});

export const footerRules: DefinedRule[] = [
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
