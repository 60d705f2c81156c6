/**
 * The 文号 a policy page gives itself, for freshness.redated. The one reader lives in
 * lib/text/doc-number.ts; this module adds the document's own signing date.
 */
export { ownDocNumber, type OwnDocNumber } from '../text/doc-number';

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
