/**
 * Text as the matchers see it: zero-width characters (U+200B–U+200D, U+2060, U+FEFF) removed, so
 * a word split by them still matches, plus a map from the cleaned text back to the original so
 * findings point at the page's real text.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const isZeroWidth = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

export interface NormalisedText {
  text: string;
  /** original index of each cleaned character; null when nothing was removed (identity) */
  map: Int32Array | null;
  /** length of the original text */
  originalLength: number;
}

export function stripZeroWidth(original: string): NormalisedText {
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

/** Map a [start, end) range of the cleaned text back to the original text. */
export function toOriginalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (!n.map) return { start, end };
  const s = start < n.map.length ? n.map[start]! : n.originalLength;
  const e = end > 0 ? n.map[end - 1]! + 1 : 0;
  return { start: s, end: Math.max(s, e) };
}

