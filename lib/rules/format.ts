/**
 * format.doc-number (deduct): 文号 off GB/T 9704. format.date-invalid (hint): a written date that
 * cannot exist (2022年2月30日, 2022年13月). The timeliness rules own date parsing (lib/text/dates);
 * this small detector only asks whether a 年月日 date is possible.
 */
import type { PageModel } from '../types';
import { defineRule, type DefinedRule, type Detection } from './define';
import { findDocNumberIssues } from '../text/doc-number';
import { foldWidth } from '../text/normalise';
import { CENSUS_MIN_CHARS, textCensus } from '../text/census';
import { anchoredMatches } from '../text/prefiltered';
import { isSpaceCode } from '../text/space';

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/y;
const FULLWIDTH_DIGITS = /[０-９]/g;
// a long page without full-width digits (the shared census says so) is its own fold
const toHalf = (s: string) => (s.length >= CENSUS_MIN_CHARS && !textCensus(s).fullWidthDigit ? s : foldWidth(s, FULLWIDTH_DIGITS));

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface InvalidDate {
  start: number;
  end: number;
  raw: string;
  why: string;
}

export function findInvalidDates(original: string): InvalidDate[] {
  const text = toHalf(original); // same length: full-width digits are one UTF-16 unit each
  const out: InvalidDate[] = [];
  // tried only at each 年 (one match holds one), not at every character of the page
  for (const m of anchoredMatches(text, '年', 4, isSpaceCode, DATE)) {
    const start = m.index!;
    if (start > 0 && /\d/.test(text[start - 1]!)) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = m[3] === undefined ? null : Number(m[3]);
    if (y < 1900 || y > 2100) continue;
    let why = '';
    if (mo < 1 || mo > 12) why = `不存在${mo}月`;
    else if (d !== null && (d < 1 || d > daysIn(y, mo))) why = `${y}年${mo}月没有${d}日`;
    if (!why) continue;
    const end = start + m[0].length;
    if (/\d/.test(text[end] ?? '')) continue;
    out.push({ start, end, raw: original.slice(start, end), why });
  }
  return out;
}

export const formatRules: DefinedRule[] = [
  defineRule({
    id: 'format.doc-number',
    family: 'format',
    title: '文号格式不规范',
    category: 'format',
    severities: ['deduct'],
    indicator: { kind: 'outside', note: '格式规范：发文字号应符合 GB/T 9704《党政机关公文格式》' },
    weight: { points: 0.5, cap: 3 },
    examples: {
      fires: ['<p>根据示府发[2023]7号文件精神，结合本市实际，提出如下意见。</p>'],
      silent: ['<p>根据示府发〔2023〕7号文件精神，结合本市实际，提出如下意见。</p>'],
    },
    check(page: PageModel): Detection[] {
      return findDocNumberIssues(page.text).map((i) => ({
        message: `文号格式不规范：“${i.raw}”应为“${i.fixed}”（${i.problems.join('；')}）`,
        evidence: i.raw,
        suggestion: i.fixed,
        start: i.start,
        end: i.end,
      }));
    },
  }),
  defineRule({
    id: 'format.date-invalid',
    family: 'format',
    title: '日期不存在',
    category: 'format',
    severities: ['hint'],
    indicator: { kind: 'outside', note: '巡检提示：不存在的日期（如2月30日）' },
    weight: { points: 0.5, cap: 2 },
    examples: {
      fires: ['<p>本办法自2022年2月30日起施行。</p>'],
      silent: ['<p>本办法自2022年2月28日起施行。</p>'],
    },
    check(page: PageModel): Detection[] {
      return findInvalidDates(page.text).map((d) => ({
        message: `日期不存在：“${d.raw}”（${d.why}），请核实`,
        evidence: d.raw,
        start: d.start,
        end: d.end,
      }));
    },
  }),
];
