/**
 * The one text folder. Width folding maps full-width forms (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ａ-ｚ,
 * ，：（） …) to ASCII one UTF-16 unit for one, so offsets hold; zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF) are removed, so a word split by them still matches, with a map from the folded
 * text back to the original so findings point at the page's real text.
 */
import type { FoldedText } from '../types';
import { forgetCensus, textCensus } from './census';
import { forgetLines } from './lines';

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

/** Above this length a folded string is built from runs, not by a replace callback per character. */
const BUFFER_FOLD_MIN = 4096;
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;

const ASCII_OF = Array.from({ length: FULL_WIDTH_LAST - FULL_WIDTH_FIRST + 1 }, (_, i) => String.fromCharCode(FULL_WIDTH_FIRST + i - 0xfee0));

/** Which of U+FF01–U+FF5E a character class matches, tested once per class. */
const classTables = new WeakMap<RegExp, Uint8Array>();
function classTable(chars: RegExp): Uint8Array {
  let t = classTables.get(chars);
  if (t) return t;
  const one = new RegExp(chars.source, chars.flags.replace('g', ''));
  t = new Uint8Array(FULL_WIDTH_LAST - FULL_WIDTH_FIRST + 1);
  for (let c = FULL_WIDTH_FIRST; c <= FULL_WIDTH_LAST; c++) t[c - FULL_WIDTH_FIRST] = one.test(String.fromCharCode(c)) ? 1 : 0;
  classTables.set(chars, t);
  return t;
}

const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
const wellFormed = (s: string) => typeof (s as { isWellFormed?: () => boolean }).isWellFormed === 'function' && (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Per class table: every UTF-16 unit → its folded unit (a lookup per character, no branches). */
const unitMaps = new WeakMap<Uint8Array, Uint16Array>();
function unitMap(table: Uint8Array): Uint16Array {
  let m = unitMaps.get(table);
  if (m) return m;
  m = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) m[c] = c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST && table[c - FULL_WIDTH_FIRST] ? c - 0xfee0 : c;
  unitMaps.set(table, m);
  return m;
}

/** Units per decode call (see foldInBuffer). */
const DECODE_CHUNK = 8192;

/**
 * A code-unit buffer decoded (a page full of ，：（） gives tens of thousands of runs). Text with a
 * lone surrogate goes by runs instead (the decoder would replace it). Decoded in chunks and joined: one
 * decode of the whole page gives a string the browser keeps outside the JS heap, and every later
 * pass over it (regexes, charCodeAt loops) ran about twice as slow as over a joined one. A chunk
 * never ends inside a surrogate pair.
 */
function foldInBuffer(s: string, table: Uint8Array, decoder: TextDecoder): string {
  const map = unitMap(table);
  const units = new Uint16Array(s.length);
  // surrogates are noted on the way (no separate pass over the page to test well-formedness)
  let surrogates = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    units[i] = map[c]!;
    surrogates |= +((c & 0xf800) === 0xd800);
  }
  if (surrogates && !wellFormed(s)) return foldInRuns(s, table);
  const parts: string[] = [];
  for (let from = 0; from < units.length; ) {
    let to = Math.min(units.length, from + DECODE_CHUNK);
    if (to < units.length && units[to - 1]! >= 0xd800 && units[to - 1]! <= 0xdbff) to--;
    parts.push(decoder.decode(units.subarray(from, to)));
    from = to;
  }
  return parts.join('');
}

function foldLong(s: string, chars: RegExp): string {
  const table = classTable(chars);
  return utf16 ? foldInBuffer(s, table, utf16) : foldInRuns(s, table);
}

function foldInRuns(s: string, table: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FULL_WIDTH_FIRST || c > FULL_WIDTH_LAST || !table[c - FULL_WIDTH_FIRST]) continue;
    if (i > runStart) parts.push(s.slice(runStart, i));
    parts.push(ASCII_OF[c - FULL_WIDTH_FIRST]!);
    runStart = i + 1;
  }
  if (runStart < s.length) parts.push(s.slice(runStart));
  return parts.join('');
}

/** The last long fold per class: the page model, the privacy rules and the date finder fold the same page text. */
let lastFold = new WeakMap<RegExp, { s: string; out: string }>();

/** Full-width forms matched by `chars` (a global class inside U+FF01–U+FF5E) → ASCII; same length. */
export function foldWidth(s: string, chars: RegExp = FULL_WIDTH_ALL): string {
  const last = lastFold.get(chars);
  if (last && last.s === s) return last.out;
  chars.lastIndex = 0;
  const any = chars.test(s);
  chars.lastIndex = 0;
  if (s.length < BUFFER_FOLD_MIN) return any ? s.replace(chars, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
  const out = any ? foldLong(s, chars) : s;
  lastFold.set(chars, { s, out });
  return out;
}

/** The last long strip: the page model, the wording rules and the matchers strip the same page text. */
let lastStrip: { original: string; out: FoldedText } | null = null;

/**
 * Forgets the remembered long folds and strips, as on a freshly loaded page (the bench scans one
 * page many times; telling a new copy of the text from the last by comparing a whole page's
 * characters is a cost the one scan per page never pays).
 */
export function forgetLongTexts(): void {
  lastFold = new WeakMap();
  lastStrip = null;
  forgetCensus();
  forgetLines();
}

/** Zero-width characters removed, with the map back to the original. */
export function stripZeroWidth(original: string): FoldedText {
  if (lastStrip?.original === original) return lastStrip.out;
  // fast path: most pages carry none (a long text's answer comes from the shared census)
  if (original.length >= BUFFER_FOLD_MIN ? !textCensus(original).zeroWidth : !ZERO_WIDTH.test(original)) {
    const out = { text: original, map: null, originalLength: original.length };
    if (original.length >= BUFFER_FOLD_MIN) lastStrip = { original, out };
    return out;
  }
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
  const out = { text: parts.join(''), map: map.subarray(0, n), originalLength: original.length };
  if (original.length >= BUFFER_FOLD_MIN) lastStrip = { original, out };
  return out;
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
