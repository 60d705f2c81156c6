/**
 * Privacy leaks in published text: 身份证号 (veto), mobiles listed with personal names (hint),
 * bank card numbers (hint). Text is width-folded first (full-width digits count); evidence and
 * messages show the number masked, so the report does not spread the leak further.
 */
import type { PageModel, Settings } from '../types';
import { defineRule, type DefinedRule, type Detection } from './define';
import { foldWidth, isCreditCode, isValidIdCard, luhnValid, maskNumber } from '../text/validators';
import { todayIso } from '../settings';
import data from '../data/privacy.json';
import { digitRuns, matchesAt, runStarts } from '../text/digit-runs';
import { CENSUS_MIN_CHARS, textCensus } from '../text/census';

/**
 * The text the three rules read, once per page: `text` for the number patterns and `part(a, b)`
 * for text[a, b) as width-folded text would read (labels and context). A long page with no
 * full-width digit, letter, ＊, ＋ or － (lib/text/census: nearly every page) is not folded whole:
 * folding changes nothing the number patterns can match there, so only the short context slices
 * are folded.
 */
interface PrivacyText {
  text: string;
  part(from: number, to: number): string;
  /** digit runs of `text` (lib/text/digit-runs), listed on first use: where the number patterns can start */
  runs(): number[];
}
const sources = new WeakMap<PageModel, PrivacyText>();
function privacyText(page: PageModel): PrivacyText {
  let src = sources.get(page);
  if (src) return src;
  const raw = page.text;
  let runs: number[] | null = null;
  if (raw.length >= CENSUS_MIN_CHARS && !textCensus(raw).fullWidthAlnumOrSign) src = { text: raw, part: (a, b) => foldWidth(raw.slice(a, b)), runs: () => (runs ??= digitRuns(raw)) };
  else {
    const text = foldWidth(raw);
    src = { text, part: (a, b) => text.slice(a, b), runs: () => (runs ??= digitRuns(text)) };
  }
  sources.set(page, src);
  return src;
}

const MAX_FINDINGS = 50;
const ID_RE = /(?<![0-9A-Za-z*＊])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z*＊])/y;
const MOBILE_RE = /(?<![\d*])(?:\+?86[- ]?)?(1[3-9]\d{9})(?![\d*])/y;
const CARD_RE = /(?<![\d*])(?:\d{4}[ -]?){3,4}\d{1,7}(?![\d*])/y;

/**
 * Where each number can start, from the digit runs (each pattern's lookbehind puts its first digit
 * at a run's start): an ID number at a run of ≥ 17 digits; a card number at any run (its first
 * group of four); a mobile at a run of ≥ 11 digits holding it (86 included), or 1, 3 or 4
 * characters before one for a +86, 86- or +86- written apart.
 */
const MOBILE_BACK = [4, 3, 1, 0];
const SURNAMES = new Set(Array.from(data.surnames));
const NAME_NOT_END = new Set(Array.from(data.nameNotEnd));
const CJK = /[\u4e00-\u9fa5]/;

function before(src: PrivacyText, start: number, n = data.contextChars): string {
  return src.part(Math.max(0, start - n), start);
}

const hasAny = (s: string, words: string[]) => words.some((w) => s.includes(w));

export const idCardRule: DefinedRule = defineRule({
  id: 'privacy.id-card',
  family: 'privacy',
  title: '公开身份证号',
  category: 'privacy',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '公开未遮盖的公民身份证号，按泄密类严重问题处理' },
  vetoPhrase: '泄露公民个人身份信息',
  examples: {
    fires: ['<p>申请人：张三，身份证号：110101199003074477，住址：某村。</p>'],
    silent: ['<p>申请人：张三，身份证号：1101**********4477，住址：某村。</p>', '<p>索引号：110101199003074477/2021-00050</p>'],
  },
  check(page, settings: Settings) {
    const src = privacyText(page);
    const text = src.text;
    const today = todayIso(settings);
    const out: Detection[] = [];
    for (const m of matchesAt(text, runStarts(src.runs(), 17), ID_RE)) {
      if (out.length >= MAX_FINDINGS) break;
      const id = m[0];
      const start = m.index!;
      if (!isValidIdCard(id, today)) continue;
      const ctx = before(src, start);
      const idCtx = hasAny(ctx, data.idContext);
      // 统一社会信用代码 / 索引号 look-alikes: their labels, the 索引号 "/year" tail, or a valid credit code without an ID label
      if (!idCtx && (hasAny(ctx, data.idNotAfter) || /^[/／-]\d/.test(src.part(start + 18, start + 20)) || isCreditCode(id))) continue;
      const masked = maskNumber(id);
      out.push({
        message: `公开了未遮盖的居民身份证号 ${masked}`,
        evidence: masked,
        suggestion: '删除或遮盖身份证号（如只保留前 4 位和后 4 位）',
        start,
        end: start + 18,
      });
    }
    return out;
  },
});

/** A personal name (surname + 1–2 chars, standing alone) among the chars before a number. */
function nameBefore(ctx: string): string {
  const tokens = ctx.split(/[^\u4e00-\u9fa5]+/).filter(Boolean);
  // the nearest tokens first; a table row may put 性别/年龄 between name and number
  for (let i = tokens.length - 1; i >= Math.max(0, tokens.length - 3); i--) {
    const t = tokens[i]!;
    if (t.length < 2 || t.length > 4) continue;
    const compound = data.compoundSurnames.some((s) => t.startsWith(s));
    if (!compound && (t.length > 3 || !SURNAMES.has(t[0]!))) continue;
    if (NAME_NOT_END.has(t[t.length - 1]!)) continue;
    return t;
  }
  return '';
}

export const phoneRule: DefinedRule = defineRule({
  id: 'privacy.phone',
  family: 'privacy',
  title: '公开个人手机号',
  category: 'privacy',
  severities: ['hint'],
  indicator: { kind: 'outside', note: '巡检提示：公示名单中的个人手机号应遮盖' },
  examples: {
    fires: ['<p>公示名单</p><p>张建国 13812345678</p><p>李秀英 15987654321</p>'],
    silent: ['<p>公示名单</p><p>张建国 138****5678</p><p>李秀英 159****4321</p>', '<p>联系人：张伟 13907950000</p>'],
  },
  check(page) {
    const src = privacyText(page);
    const text = src.text;
    const pairs: { start: number; end: number; number: string; name: string }[] = [];
    let prevEnd = 0;
    for (const m of matchesAt(text, runStarts(src.runs(), 11, MOBILE_BACK), MOBILE_RE)) {
      const start = m.index! + m[0].length - 11;
      // a table row may put the 身份证号 between the name and the mobile: look further back
      const ctx = src.part(Math.max(prevEnd, start - data.phoneContextChars), start);
      prevEnd = start + 11;
      // labels right before the number mark an office contact (a table header further up does not)
      if (hasAny(ctx.slice(-10), data.phoneNotAfter)) continue;
      const name = nameBefore(ctx);
      if (!name || !CJK.test(name)) continue;
      pairs.push({ start, end: start + 11, number: m[1]!, name });
    }
    if (pairs.length < data.phoneMinPairs) return [];
    return pairs.slice(0, MAX_FINDINGS).map((p) => {
      const masked = p.number.slice(0, 3) + '****' + p.number.slice(7);
      return {
        message: `名单中公开了个人手机号（${p.name[0]}** ${masked}，本页共 ${pairs.length} 个）`,
        evidence: `${p.name[0]}** ${masked}`,
        suggestion: '公示名单中的手机号应遮盖中间四位或删除',
        start: p.start,
        end: p.end,
      };
    });
  },
});

export const bankCardRule: DefinedRule = defineRule({
  id: 'privacy.bank-card',
  family: 'privacy',
  title: '公开银行卡号',
  category: 'privacy',
  severities: ['hint'],
  indicator: { kind: 'outside', note: '巡检提示：公开的个人银行卡号应删除或遮盖' },
  examples: {
    fires: ['<p>本人银行卡号：6222021234567890128</p>'],
    silent: ['<p>户名：清溪县财政局，开户行：工行清溪支行，账号：6222021234567890128</p>'],
  },
  check(page) {
    const src = privacyText(page);
    const text = src.text;
    const out: Detection[] = [];
    for (const m of matchesAt(text, runStarts(src.runs(), 4), CARD_RE)) {
      if (out.length >= MAX_FINDINGS) break;
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue;
      const start = m.index!;
      const ctx = before(src, start);
      if (!hasAny(ctx, data.bankContext)) continue;
      // an office's own collection account is published on purpose
      if (hasAny(before(src, start, 80), data.bankOrgAccount)) continue;
      const masked = maskNumber(digits);
      out.push({
        message: `疑似公开了个人银行卡号 ${masked}`,
        evidence: masked,
        suggestion: '删除或遮盖银行卡号',
        start,
        end: start + m[0].length,
      });
    }
    return out;
  },
});

export const privacyRules: DefinedRule[] = [idCardRule, phoneRule, bankCardRule];
