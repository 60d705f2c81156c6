/**
 * 发文字号 (GB/T 9704-2012 7.2.4): 发文机关代字 + 年份 in 六角括号〔〕 + 序号 + 号, e.g. 国发〔2019〕5号.
 * Finds 文号-shaped strings and lists what is off: lookalike brackets ([2020] 【2020】 (2020) （2020）
 * ﹝2020﹞), a two-digit year, 第 before the number, a leading zero, no 号.
 * 国令第707号 (no year) is a different, correct form and is not matched.
 * Also the one reader of the 文号 a document gives itself (ownDocNumber) and of its signing date
 * (signedYears), for freshness.redated and name.outdated.
 */
import own from '../data/doc-number.json';
import { digitRuns, matchesAt } from './digit-runs';
import { isSpaceCode } from './space';

export interface DocNumberIssue {
  start: number;
  end: number;
  raw: string;
  fixed: string;
  problems: string[];
}

/** Brackets a 文号 year is written in, right (〔〕) or wrong: regex class bodies. */
const OPEN_ANY = '〔\\[【(（﹝〖［';
const CLOSE_ANY = '〕\\]】)）﹞〗］';

// an agency code (CJK) right before a bracketed year, then the number. The agency is a lookbehind
// so the search starts at the rare bracket characters, not at every Chinese character.
const DOC_NO = new RegExp(
  `(?<=[\\u4e00-\\u9fff]\\s?)([${OPEN_ANY}])\\s?((?:19|20)\\d{2}|\\d{2})\\s?([${CLOSE_ANY}])\\s?(第)?\\s?(\\d{1,5})(号)?`,
  'y',
);
/** The brackets DOC_NO opens with, by code unit. */
const OPENS = new Set(Array.from(OPEN_ANY.replace(/\\/g, ''), (c) => c.charCodeAt(0)));

/**
 * Where DOC_NO can match: a bracket right before a run of digits (its year), maybe a space
 * between (V8 tries a lookbehind-first regex at every character; a search for the bracket class
 * read the page character by character). The runs come from the page's one digit-run pass.
 */
function* docNoStarts(text: string): Generator<number> {
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const a = runs[k]!;
    if (OPENS.has(text.charCodeAt(a - 1))) yield a - 1;
    else if (isSpaceCode(text.charCodeAt(a - 1)) && OPENS.has(text.charCodeAt(a - 2))) yield a - 2;
  }
}

const OPEN_OK = '〔';
const CLOSE_OK = '〕';

/** DOC_NO's matches in text, as a search of it from each bracket would find them. */
export function docNoMatches(text: string): Iterable<RegExpExecArray> {
  return matchesAt(text, docNoStarts(text), DOC_NO);
}

export function findDocNumberIssues(text: string): DocNumberIssue[] {
  const out: DocNumberIssue[] = [];
  for (const m of docNoMatches(text)) {
    const [raw, open, year, close, di, num, hao] = m as unknown as string[];
    // the agency code cannot be told from the words before it (印发京政发…): report from the bracket
    const start = m.index!;
    const end = m.index! + raw!.length;
    const next = text[end] ?? '';
    if (/\d/.test(next)) continue; // a longer number: not this form
    const problems: string[] = [];
    const bracketsOk = open === OPEN_OK && close === CLOSE_OK;
    // Without 号 and without the right brackets the string is too unsure to be a 文号 at all
    if (!hao && !bracketsOk) continue;
    // a two-digit "year" in round brackets is most often a list number, e.g. 条件(1)3项
    if (year!.length === 2 && !bracketsOk && !hao) continue;
    if (!bracketsOk) problems.push(`年份应使用六角括号“〔〕”，不用“${open}${close}”`);
    if (year!.length === 2) problems.push('年份应写全四位');
    if (di) problems.push('序号前不加“第”');
    if (num!.length > 1 && num!.startsWith('0')) problems.push('序号不编虚位（不加“0”）');
    if (!hao) {
      // 国发〔2019〕5、6号 lists share one 号
      if (next === '、' || next === '-' || next === '至') continue;
      problems.push('序号后缺“号”');
    }
    if (!problems.length) continue;
    // a two-digit year cannot be completed with certainty; keep it and say so
    const fullYear = year!;
    const fixed = `〔${fullYear}〕${String(Number(num))}号`;
    out.push({ start, end, raw: text.slice(start, end), fixed, problems });
  }
  return out;
}

export interface OwnDocNumber {
  raw: string;
  year: number;
  start: number;
  end: number;
  /** how it was read: after a 发文字号 label, or alone on its line under the title */
  source: 'label' | 'line';
}

/** 发文字号：国发〔2019〕5号 (the value may sit in the next table cell). */
const LABELLED = new RegExp(`(?:发文字号|文\\s*号)[\\s:：]*([^\\n]{0,30}?[${OPEN_ANY}](\\d{4})[${CLOSE_ANY}]\\s*第?\\s*\\d+\\s*号)`, 'y');

/**
 * LABELLED's first match in text (what a search of it from the start finds), tried only where its
 * label can begin: every label ends in 号, and 号 is rare next to 文 (a regex search starts at
 * every 文 and 发, common characters, and read a long page twice per scan).
 */
function firstLabelled(text: string): RegExpExecArray | null {
  for (let q = text.indexOf('号'); q >= 0; q = text.indexOf('号', q + 1)) {
    // 发文字号 ends here, or 文 and white space do (never both: 字 is neither)
    let p = q - 3;
    if (!(p >= 0 && text.startsWith('发文字', p))) {
      p = q - 1;
      while (p >= 0 && isSpaceCode(text.charCodeAt(p))) p--;
      if (p < 0 || text.charCodeAt(p) !== 0x6587) continue; // 文
    }
    LABELLED.lastIndex = p;
    const m = LABELLED.exec(text);
    if (m) return m;
  }
  return null;
}
/** A line holding only a 文号 (GB/T 9704 puts it alone under the 发文机关标志 / title). */
const ALONE = /^[ \t\u00a0\u3000]*([\u4e00-\u9fff]{1,15}[〔\[［(（【﹝]((?:19|20)\d{2})[〕\]］)）】﹞]\s*\d{1,5}\s*号)[ \t\u00a0\u3000]*$/gm;
/** A line this long with a full stop is body text (navigation and titles carry no 。). */
const PROSE_LINE = own.proseLine;
/** The body must begin within this many characters after the 文号 line. */
const BODY_WITHIN = own.bodyWithin;

/** The last non-empty line before `at`. */
function lineAbove(text: string, at: number): string {
  const lines = text.slice(Math.max(0, at - 300), at).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim()) return lines[i]!;
  return '';
}

/** Offset of the first body-text line at or after `from`, or -1. */
function firstProse(text: string, from: number): number {
  const re = /^.*$/gm;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim().length >= PROSE_LINE && m[0].includes('。')) return m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return -1;
}

/**
 * The 文号 a document gives itself: after its 发文字号 label, else a 文号 standing alone on a line
 * above the body (title, then 国办发〔2015〕12号, then the text). A 文号 cited inside a sentence
 * (根据国发〔2015〕5号) or listed after the body starts is another document's and never counts.
 */
export function ownDocNumber(text: string): OwnDocNumber | null {
  const m = firstLabelled(text);
  if (m) {
    const raw = m[1]!.trim();
    const start = m.index + m[0].length - m[1]!.length + (m[1]!.length - m[1]!.trimStart().length);
    return { raw, year: Number(m[2]), start, end: start + raw.length, source: 'label' };
  }
  const body = firstProse(text, 0);
  if (body < 0) return null;
  // a 文号 line above the body ends by the body's line end: the rest of a long page is not read
  const cut = text.indexOf('\n', body);
  for (const a of (cut < 0 ? text : text.slice(0, cut)).matchAll(ALONE)) {
    if (a.index! > body) break;
    const start = a.index! + a[0].indexOf(a[1]!);
    // the body right under it: a 文号 line in a side bar far above the text is not the document's
    if (body - start > BODY_WITHIN) continue;
    // under 《…》解读 it is the explained document's 文号
    const above = lineAbove(text, a.index!);
    if (own.notOwnAfter.some((w) => above.includes(w))) continue;
    return { raw: a[1]!, year: Number(a[2]), start, end: start + a[1]!.length, source: 'line' };
  }
  return null;
}

/** 二〇一五 → 2015 (年份 under the signature are often written in Chinese numerals). */
const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A line holding only a date: 2015年3月4日 or 二〇一五年三月四日 (the 成文日期 under the signature). */
const DATE_LINE = /^[ \t\u00a0\u3000]*((?:19|20)\d{2}|[〇零○ＯO一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[ \t\u00a0\u3000]*$/gm;

/**
 * Years of the dates standing alone on a line after `from`: the signing date (成文日期) GB/T 9704
 * puts under the issuing body's name at the end of the text.
 */
export function signedYears(text: string, from = 0): number[] {
  const out: number[] = [];
  for (const m of text.slice(from).matchAll(DATE_LINE)) {
    const y = m[1]!.replace(/./g, (c) => CN_DIGITS[c] ?? c);
    out.push(Number(y));
  }
  return out;
}
