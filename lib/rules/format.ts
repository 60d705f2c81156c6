/**
 * format.doc-number (deduct): 文号 off GB/T 9704. format.date-invalid (hint): a written date that
 * cannot exist (2022年2月30日, 2022年13月). The timeliness rules own date parsing (lib/text/dates);
 * this small detector only asks whether a 年月日 date is possible.
 */
import type { PageModel, Rule, RuleFinding } from '../types';
import { findDocNumberIssues } from '../text/doc-number';
import { foldWidth } from '../text/normalise';

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;
const FULLWIDTH_DIGITS = /[０-９]/g;
const toHalf = (s: string) => foldWidth(s, FULLWIDTH_DIGITS);

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
  for (const m of text.matchAll(DATE)) {
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

export const formatRules: Rule[] = [
  {
    id: 'format.doc-number',
    title: '文号格式不规范',
    category: 'format',
    severity: 'deduct',
    check(page: PageModel): RuleFinding[] {
      return findDocNumberIssues(page.text).map((i) => ({
        ruleId: 'format.doc-number',
        severity: 'deduct',
        category: 'format',
        message: `文号格式不规范：“${i.raw}”应为“${i.fixed}”（${i.problems.join('；')}）`,
        evidence: i.raw,
        suggestion: i.fixed,
        start: i.start,
        end: i.end,
      }));
    },
  },
  {
    id: 'format.date-invalid',
    title: '日期不存在',
    category: 'format',
    severity: 'hint',
    check(page: PageModel): RuleFinding[] {
      return findInvalidDates(page.text).map((d) => ({
        ruleId: 'format.date-invalid',
        severity: 'hint',
        category: 'format',
        message: `日期不存在：“${d.raw}”（${d.why}），请核实`,
        evidence: d.raw,
        start: d.start,
        end: d.end,
      }));
    },
  },
];
