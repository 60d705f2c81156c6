/**
 * Find the calendar dates a page shows in its flattened text.
 *
 * Forms: 2022-07-27, 2022/7/27, 2022.07.27, 2022年7月27日 (spaces allowed around 年月日),
 * an optional time after any of them (2022-07-27 15:43, 2022-07-27T15:43:00), full-width digits
 * and separators, and list-item dates without a year (07-27, [11-20], (07-27)) whose year is
 * inferred from `today`. Only real calendar dates are returned; impossible ones (2022-02-30)
 * are skipped here and left to the date-validity rule.
 */
import type { DateMention } from '../types';
import { FOUND_LABELS, labelSet } from './date-labels';
import { FULL_WIDTH_DATE, foldWidth } from './normalise';
import { anchoredMatches } from './prefiltered';
import { textCensus } from './census';
import { lineStartOf, linesOf } from './lines';
import { digitRuns } from './digit-runs';
import { runStages } from './stages';

export interface FindDatesOptions {
  /** offset in `text` where the footer region begins; dates at or after it are footer dates */
  footerStart?: number;
  /** ISO `YYYY-MM-DD`, used to infer the year of MM-DD list dates */
  today: string;
}

/** Generic labels that must not be the tail of a longer word (截止日期, 活动时间). */
const GENERIC_LABELS = labelSet('generic');
/** How far back to look for a label; only gap characters may separate it from the date. */
const LABEL_LOOKBACK = 200;
const HAN = /\p{Script=Han}/u;

const HS = '[ \\t\\u00a0\\u3000]'; // horizontal space
const TIME = `(?:(?:${HS}+|T)(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)?`;
/** Y-M-D with one separator repeated; group 1 year, 2 separator, 3 month, 4 day. */
const NUMERIC_YMD = new RegExp(`(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}`, 'y');
/** 2022年7月27日 with optional spaces. */
const CJK_YMD = new RegExp(
  `(\\d{4})${HS}*年${HS}*(\\d{1,2})${HS}*月${HS}*(\\d{1,2})${HS}*[日号]${TIME}`,
  'y',
);
/** MM-DD or MM/DD, two digits each; boundaries are checked by hand. */
const MONTH_DAY = new RegExp(`(\\d{2})[-/](\\d{2})${TIME}`, 'y');

/**
 * The [start, end) spans a global search for NUMERIC_YMD (or MONTH_DAY) finds, in order: a match
 * starts with the last four (two) digits of a digit run followed by a separator, so the pattern is
 * tried only there, once per run (lib/text/digit-runs), and tested without a match object (the
 * caller reads the numbers from the text). Two page-long regex searches and a match object per
 * date were most of findDates.
 */
export function eachNumericDate(s: string, onMatch: (start: number, end: number) => void): void {
  eachAtRunEnd(s, 4, NUMERIC_YMD, (c) => c === 45 || c === 47 || c === 46, onMatch);
}
export function eachMonthDay(s: string, onMatch: (start: number, end: number) => void): void {
  eachAtRunEnd(s, 2, MONTH_DAY, (c) => c === 45 || c === 47, onMatch);
}
function eachAtRunEnd(s: string, lead: number, sticky: RegExp, isSeparator: (c: number) => boolean, onMatch: (start: number, end: number) => void): void {
  const runs = digitRuns(s);
  let from = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const p = runs[k + 1]! - lead;
    if (p < runs[k]! || p < from || !isSeparator(s.charCodeAt(p + lead))) continue;
    sticky.lastIndex = p;
    if (!sticky.test(s)) continue;
    onMatch(p, sticky.lastIndex);
    from = sticky.lastIndex;
  }
}

/** The number written by the 1–2 digits at `i` (as \d{1,2} reads them, greedily). */
function upToTwoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  return isDigitCode(s.charCodeAt(i + 1)) ? a * 10 + s.charCodeAt(i + 1) - 48 : a;
}

const OPEN_BRACKETS = '[【(（〔';
const CLOSE_BRACKETS = ']】)）〕';

/** Map full-width digits and separators to ASCII, keeping every offset unchanged. */
export function normaliseDigits(text: string): string {
  return foldWidth(text, FULL_WIDTH_DATE);
}

/** '-01' … '-31': a date's month and day parts without building each from pieces */
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => (i < 10 ? '-0' : '-') + i);

/** ISO date string when y-m-d is a real calendar date, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  // arithmetic for ordinary years (this runs for every date on a page); Date for the rest,
  // which also keeps its reading of years 0–99 as 1900–1999 (so they are never real here)
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 100 && y <= 9999) {
    if (d > daysInMonth(y, m)) return null;
    return (y < 1000 ? String(y).padStart(4, '0') : String(y)) + TWO_DIGITS[m]! + TWO_DIGITS[d]!;
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!;
}

/** Years this module accepts as dates on a government page. */
function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2099;
}

/** The most recent year in which month-day is a real date not after `today`. */
export function inferYear(month: number, day: number, today: string): string | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 8; y--) {
    const iso = isoDate(y, month, day);
    if (iso && iso <= today) return iso;
  }
  return null;
}

/** By code unit (NaN, past either end of the text, is none of these): no one-character strings. */
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isAsciiLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** - / . : */
const isJoinerCode = (c: number) => c === 45 || c === 47 || c === 46 || c === 58;

/** Characters around a numeric date that show it is part of a longer number or code. */
function numericBoundaryOk(s: string, start: number, end: number): boolean {
  const b1 = s.charCodeAt(start - 1);
  const a1 = s.charCodeAt(end);
  if (isDigitCode(b1) || isAsciiLetterCode(b1) || b1 === 95) return false;
  // 010-2022-07-27, v1.2022.07.27: a separator joined to more digits before
  if (isJoinerCode(b1) && isDigitCode(s.charCodeAt(start - 2))) return false;
  if (isDigitCode(a1) || isAsciiLetterCode(a1) || a1 === 95) return false;
  if (isJoinerCode(a1) && isDigitCode(s.charCodeAt(end + 1))) return false;
  return true;
}

/** A month-day without a year stands alone: at a line edge, between spaces, or in brackets. */
function monthDayStandsAlone(s: string, start: number, end: number): boolean {
  const b = s[start - 1];
  const a = s[end];
  if (b !== undefined && OPEN_BRACKETS.includes(b)) {
    return a === undefined || CLOSE_BRACKETS.includes(a) || /\s/.test(a);
  }
  const beforeOk = b === undefined || /\s/.test(b);
  const afterOk = a === undefined || /\s/.test(a) || CLOSE_BRACKETS.includes(a);
  if (beforeOk && afterOk) return true;
  // `<a>标题</a><span>11-20</span>` flattens to 标题11-20: a list date glued to its title, which
  // only counts at the very end of its line so 第11-20条 and 11-12月 never match
  return HAN.test(b ?? '') && /^[ \t\u00a0\u3000]*(?:\n|$)/.test(s.slice(end, end + 8));
}

/**
 * The characters that may stand between a label and its date, by code unit: the regex class
 * \s (white space and line terminators) plus : ： [ ] 【 】 ( ) （ ） < > 〔 〕 |. A table, not a
 * regex test per character: the walk back runs for every date.
 */
export const GAP_CODES = new Uint8Array(65536);
/** The regex class \s by code unit (1 = white space or a line terminator). */
export const SPACE_CODES = new Uint8Array(65536);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE_CODES[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE_CODES[c] = 1;
GAP_CODES.set(SPACE_CODES);
for (const ch of ':：[]【】()（）<>〔〕|') GAP_CODES[ch.charCodeAt(0)] = 1;

/**
 * The label right before a date, with only colons, brackets and white space between them. White
 * space may include line breaks: table cells put 发布日期： and its value on separate lines.
 * Walks back over the gap in place (no copy of the lookback window: this runs once per date).
 */
function findLabel(text: string, start: number): string | undefined {
  const from = Math.max(0, start - LABEL_LOOKBACK);
  let j = start;
  while (j > from && GAP_CODES[text.charCodeAt(j - 1)] === 1) j--;
  if (j === 0) return undefined;
  for (const label of LABELS_BY_LAST.get(text.charCodeAt(j - 1)) ?? []) {
    const i = j - label.length;
    if (i < from || !text.startsWith(label, i)) continue;
    const prev = text[i - 1];
    if (GENERIC_LABELS.has(label) && prev !== undefined && HAN.test(prev)) continue;
    return label;
  }
  return undefined;
}

/** FOUND_LABELS by their last character (still longest first): one lookup per date, not a loop over all. */
const LABELS_BY_LAST = new Map<number, string[]>();
for (const l of FOUND_LABELS) {
  const k = l.charCodeAt(l.length - 1);
  const list = LABELS_BY_LAST.get(k);
  if (list) list.push(l);
  else LABELS_BY_LAST.set(k, [l]);
}

/** A weekday (and maybe a clock time) right after a date, up to the end of its line. */
const WEEKDAY_AFTER =
  /^\s*[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?[ \t\u00a0\u3000|]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u00a0\u3000|]*(?:\n|$)/;
/** What may precede a clock date on its line: nothing, or 今天是 / 当前日期 and the like. */
const CLOCK_BEFORE = /(?:^[\s|]*|今天是|今日是?|今天|当前日期|当前时间)[\s:：|]*$/;

/**
 * A header clock widget (`2023年10月11日 星期三` alone on its line, or after 今天是): the date is
 * "today" as rendered by a script, not a content date. A weekday after a date inside a sentence
 * (会议定于2023年10月11日（星期三）召开) is not a clock.
 */
export function isClockDate(text: string, d: Pick<DateMention, 'start' | 'end'>): boolean {
  // what WEEKDAY_AFTER needs after its white space, tested first: this runs for every date, often
  // several times per page, and almost no date is followed by a weekday
  let i = d.end;
  while (i < text.length && SPACE_CODES[text.charCodeAt(i)] === 1) i++;
  const next = text.charCodeAt(i);
  // ( （ 星 周 礼
  if (next !== 0x28 && next !== 0xff08 && next !== 0x661f && next !== 0x5468 && next !== 0x793c) return false;
  if (!WEEKDAY_AFTER.test(text.slice(d.end, d.end + 80))) return false;
  return CLOCK_BEFORE.test(text.slice(lineStartOf(text, d.start), d.start));
}

const isHs = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

/**
 * CJK_YMD's matches, tried only where a 年 is (a regex scan of the whole text cost more than the
 * rest of findDates): a match holds one 年, four digits and spaces before it.
 */
const cjkDates = (s: string) => anchoredMatches(s, '年', 4, isHs, CJK_YMD);

/**
 * Where a copyright mark (版权所有, copyright in any ASCII case, ©) next occurs at or after a
 * position: one cursor per form, each searched again only when the asked position passes it (a
 * regex of the three alternatives read the page character by character, twice per page).
 */
class CopyrightMarks {
  private readonly at = [-1, -1, -1];
  constructor(private readonly text: string) {}
  next(from: number): number {
    const at = this.at;
    const t = this.text;
    if (at[0]! >= 0 && at[0]! < from) at[0] = -1;
    if (at[0] === -1) at[0] = orEnd(t.indexOf('版权所有', from));
    if (at[1]! >= 0 && at[1]! < from) at[1] = -1;
    if (at[1] === -1) at[1] = orEnd(t.indexOf('©', from));
    if (at[2]! >= 0 && at[2]! < from) at[2] = -1;
    if (at[2] === -1) {
      COPYRIGHT_WORD.lastIndex = from;
      at[2] = orEnd(COPYRIGHT_WORD.exec(t)?.index ?? -1);
    }
    return Math.min(at[0]!, at[1]!, at[2]!);
  }
}
const COPYRIGHT_WORD = /copyright/gi;
const orEnd = (i: number) => (i < 0 ? Infinity : i);

/**
 * Dates found by one pattern, in text order, as parallel arrays (a few thousand on a long page:
 * no object per hit). Only real dates are listed; `claimed` also holds the spans of invalid ones.
 */
class Hits {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly dates: string[] = [];
  /** flat [start, end …] spans this pattern took, valid date or not */
  readonly claimed: number[] = [];
  add(start: number, end: number, date: string | null): void {
    if (date === null) return;
    this.starts.push(start);
    this.ends.push(end);
    this.dates.push(date);
  }
}

/**
 * A test "does [a, b) miss every span" for flat [start, end, start, end …] spans in text order,
 * asked with non-decreasing `a`: a cursor moves past the spans that end before `a`.
 */
function freeOf(spans: number[]): (a: number, b: number) => boolean {
  let p = 0;
  return (a, b) => {
    while (p < spans.length && spans[p + 1]! <= a) p += 2;
    return p >= spans.length || spans[p]! >= b;
  };
}

/** Two flat span lists in text order (disjoint from each other) merged into one. */
function mergeSpans(x: number[], y: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j >= y.length || (i < x.length && x[i]! <= y[j]!)) {
      out.push(x[i]!, x[i + 1]!);
      i += 2;
    } else {
      out.push(y[j]!, y[j + 1]!);
      j += 2;
    }
  }
  return out;
}

/** Every real calendar date in `text`, in text order. */
export function findDates(text: string, opts: FindDatesOptions): DateMention[] {
  return runStages(findDatesInStages(text, opts));
}

/**
 * findDates as a pass per stage (the census, each of the three patterns, the merge), for the
 * chunked page build: a 2 MB page's dates, read by cold code, took 13–22 ms in one slice.
 */
export function* findDatesInStages(text: string, opts: FindDatesOptions): Generator<void, DateMention[]> {
  // the page-sized fold only when it can change the answer: a full-width digit, or a full-width
  // －／．： between two digits. Every separator and colon the patterns and boundary checks read
  // sits between digits (2022－07－27, 15：43, the 010- before a date); one anywhere else
  // (发布时间：2024-…, on every page) changes nothing
  const census = textCensus(text);
  const s = census.fullWidthDigit || census.separatorBetweenDigits ? normaliseDigits(text) : text;
  yield;
  // three passes, each giving disjoint spans in text order: CJK dates first, then numeric ones
  // outside them, then month-days outside both. A full date's span is claimed even when it is not
  // a real date, so its pieces are not read again as MM-DD
  const cjk = new Hits();
  for (const m of cjkDates(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isDigitCode(s.charCodeAt(start - 1))) continue;
    cjk.claimed.push(start, end);
    const y = Number(m[1]);
    if (plausibleYear(y)) cjk.add(start, end, isoDate(y, Number(m[2]), Number(m[3])));
  }
  yield;
  const numeric = new Hits();
  const outsideCjk = freeOf(cjk.claimed);
  eachNumericDate(s, (start, end) => {
    if (!outsideCjk(start, end) || !numericBoundaryOk(s, start, end)) return;
    numeric.claimed.push(start, end);
    const y = digitsAt(s, start, start + 4);
    if (!plausibleYear(y)) return;
    // YYYY-M(M)-D(D): the month's width fixes where the day is
    const month = upToTwoDigits(s, start + 5);
    const day = upToTwoDigits(s, start + (isDigitCode(s.charCodeAt(start + 6)) ? 8 : 7));
    numeric.add(start, end, isoDate(y, month, day));
  });
  yield;
  const monthDay = new Hits();
  const outsideFull = freeOf(mergeSpans(cjk.claimed, numeric.claimed));
  eachMonthDay(s, (start, end) => {
    if (!outsideFull(start, end) || !monthDayStandsAlone(s, start, end)) return;
    monthDay.add(start, end, inferYear(digitsAt(s, start, start + 2), digitsAt(s, start + 3, start + 5), opts.today));
  });
  yield;

  const out: DateMention[] = [];
  const footerStart = opts.footerStart !== undefined && opts.footerStart >= 0 ? opts.footerStart : Infinity;
  const marks = new CopyrightMarks(text);
  const lines = linesOf(text);
  // dates come in text order: the line (and its copyright test) is found once per line, not per
  // date, which on a page of one long line would cost the line's length for every date on it
  let lineEnd = -1;
  let copyright = false;
  let i = 0;
  let j = 0;
  let k = 0;
  for (;;) {
    // the next date of the three lists (their spans never overlap, so never tie)
    const a = i < cjk.starts.length ? cjk.starts[i]! : Infinity;
    const b = j < numeric.starts.length ? numeric.starts[j]! : Infinity;
    const c = k < monthDay.starts.length ? monthDay.starts[k]! : Infinity;
    let from: Hits;
    let n: number;
    if (a < b && a < c) (from = cjk), (n = i++);
    else if (b < c) (from = numeric), (n = j++);
    else if (c !== Infinity) (from = monthDay), (n = k++);
    else break;
    const start = from.starts[n]!;
    const end = from.ends[n]!;
    if (start >= lineEnd) {
      lineEnd = lines.endOf(start);
      copyright = marks.next(lines.startOf(start)) < lineEnd;
    }
    const mention: DateMention = {
      start,
      end,
      raw: text.slice(start, end),
      date: from.dates[n]!,
      inFooter: start >= footerStart || copyright,
    };
    if (from === monthDay) mention.inferredYear = true;
    const label = findLabel(text, start);
    if (label) mention.label = label;
    out.push(mention);
  }
  return out;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * Days since 1970-01-01 of an ISO YYYY-MM-DD date: Date.parse's answer, by arithmetic for the
 * plain four-digit form (the date rules ask this for every date on a page).
 */
export function isoDayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    // digits read in place (what Number of each slice gives when all eight are digits)
    const plain = allDigits(iso, 0, 4) && allDigits(iso, 5, 7) && allDigits(iso, 8, 10);
    const y = plain ? digitsAt(iso, 0, 4) : Number(iso.slice(0, 4));
    const m = plain ? digitsAt(iso, 5, 7) : Number(iso.slice(5, 7));
    const d = plain ? digitsAt(iso, 8, 10) : Number(iso.slice(8, 10));
    if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      // days from civil (H. Hinnant), years counted from March
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146097 + doe - 719468;
    }
  }
  return Date.parse(iso + 'T00:00:00Z') / 86_400_000;
}
