/**
 * The one text folder. Width folding maps full-width forms (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ａ-ｚ,
 * ，：（） …) to ASCII one UTF-16 unit for one, so offsets hold; zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF) are removed, so a word split by them still matches, with a map from the folded
 * text back to the original so findings point at the page's real text.
 */
import type { FoldedText } from '../types';

export type { FoldedText };
/** Kept for the matchers: the shape of zero-width-stripped text. */
export type NormalisedText = FoldedText;

/** Every full-width ASCII form: digits, letters and punctuation. */
export const FULL_WIDTH_ALL = /[\uFF01-\uFF5E]/g;
/** Full-width digits and letters only (where full-width punctuation is meaningful, e.g. spam decoration). */
export const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
/** Full-width digits and the separators of dates and times (－／．：). */
export const FULL_WIDTH_DATE = /[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E\uFF1A]/g;

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const isZeroWidth = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/** Full-width forms matched by `chars` (a global class inside U+FF01–U+FF5E) → ASCII; same length. */
export function foldWidth(s: string, chars: RegExp = FULL_WIDTH_ALL): string {
  chars.lastIndex = 0;
  if (!chars.test(s)) return s;
  chars.lastIndex = 0;
  return s.replace(chars, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Zero-width characters removed, with the map back to the original. */
export function stripZeroWidth(original: string): FoldedText {
  // fast path: most pages carry none
  if (!ZERO_WIDTH.test(original)) return { text: original, map: null, originalLength: original.length };
  const map = new Int32Array(original.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < original.length; i++) {
    if (isZeroWidth(original.charCodeAt(i))) {
      if (i > runStart) parts.push(original.slice(runStart, i));
      runStart = i + 1;
    } else {
      map[n++] = i;
    }
  }
  if (runStart < original.length) parts.push(original.slice(runStart));
  return { text: parts.join(''), map: map.subarray(0, n), originalLength: original.length };
}

/** Width-folded (by `chars`) and zero-width-stripped text with its map back to `original`. */
export function foldText(original: string, chars: RegExp = FULL_WIDTH_ALL): FoldedText {
  const stripped = stripZeroWidth(original);
  return { ...stripped, text: foldWidth(stripped.text, chars) };
}

/** The original offset of folded index `i` (i may be the folded length: the original's end). */
export function toOriginalIndex(n: FoldedText, i: number): number {
  if (!n.map) return i;
  return i < n.map.length ? n.map[i]! : n.originalLength;
}

/** Map a [start, end) range of the folded text back to the original text. */
export function toOriginalRange(n: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!n.map) return { start, end };
  const s = toOriginalIndex(n, start);
  const e = end > 0 ? n.map[end - 1]! + 1 : 0;
  return { start: s, end: Math.max(s, e) };
}
