/**
 * One read of the page text for what several passes ask about: the rare characters — zero-width
 * marks (the strip), full-width digits (the date and format folds), full-width －／．： between two
 * ASCII digits (the date fold) and full-width letters, digits and ＊＋－ (privacy, spam) — and
 * where the line breaks (lib/text/lines) and the runs of ASCII digits (lib/text/digit-runs) are.
 * Each question was a regex or loop over the whole text of its own.
 * The answer for the last long text is kept.
 */
export interface TextCensus {
  /** U+200B–U+200D, U+2060 or U+FEFF somewhere */
  zeroWidth: boolean;
  /** a full-width digit ０–９ somewhere */
  fullWidthDigit: boolean;
  /** a full-width －／．： with an ASCII digit on both sides somewhere */
  separatorBetweenDigits: boolean;
  /** a full-width digit, letter, ＊, ＋ or － somewhere (what the number and spam patterns can read) */
  fullWidthAlnumOrSign: boolean;
  /** offsets of every '\n', in order */
  lineBreaks: number[];
  /** runs of two or more ASCII digits, as flat [start, end, start, end …] in order */
  digitRuns: number[];
}

const ZERO_WIDTH = 1;
const FULL_WIDTH_DIGIT = 2;
const SEPARATOR = 4;
const ALNUM_OR_SIGN = 8;
const LINE_BREAK = 16;
const DIGIT = 32;
const KIND = new Uint8Array(65536);
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) KIND[c] = ZERO_WIDTH;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = FULL_WIDTH_DIGIT | ALNUM_OR_SIGN;
for (const c of [0xff0d, 0xff0f, 0xff0e, 0xff1a]) KIND[c] = SEPARATOR;
KIND[0xff0d]! |= ALNUM_OR_SIGN;
for (let c = 0xff21; c <= 0xff3a; c++) KIND[c] = ALNUM_OR_SIGN;
for (let c = 0xff41; c <= 0xff5a; c++) KIND[c] = ALNUM_OR_SIGN;
for (const c of [0xff0a, 0xff0b]) KIND[c] = ALNUM_OR_SIGN;
KIND[10] = LINE_BREAK;
for (let c = 48; c <= 57; c++) KIND[c] = DIGIT;

/**
 * Below this length a census is not kept (short strings are cheap to read again), so callers
 * ask the census about a text this long or longer only: a short one is cheaper to just read.
 */
export const CENSUS_MIN_CHARS = 4096;
interface Kept {
  text: string;
  census: TextCensus;
}
/**
 * The last two long texts read: a scan asks about the page text and, on a page with full-width
 * digits, about its folded copy, in turns (the date finder, the privacy rules); one slot would
 * read the page again at every turn.
 */
let last: Kept | null = null;
let before: Kept | null = null;

const isDigit = (c: number) => c >= 48 && c <= 57;

export function textCensus(text: string): TextCensus {
  if (last && last.text === text) {
    last.text = text; // an equal copy: later asks compare by identity
    return last.census;
  }
  if (before && before.text === text) {
    [last, before] = [before, last];
    last!.text = text;
    return last!.census;
  }
  const census: TextCensus = {
    zeroWidth: false,
    fullWidthDigit: false,
    separatorBetweenDigits: false,
    fullWidthAlnumOrSign: false,
    lineBreaks: [],
    digitRuns: [],
  };
  const { lineBreaks, digitRuns } = census;
  // the digit run being read: [runStart, runEnd)
  let runStart = -1;
  let runEnd = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = KIND[text.charCodeAt(i)]!;
    if (k === 0) continue;
    if (k === DIGIT) {
      if (i !== runEnd) {
        if (runEnd - runStart >= 2) digitRuns.push(runStart, runEnd);
        runStart = i;
      }
      runEnd = i + 1;
      continue;
    }
    if (k === LINE_BREAK) {
      lineBreaks.push(i);
      continue;
    }
    if (k & ALNUM_OR_SIGN) census.fullWidthAlnumOrSign = true;
    if (k & ZERO_WIDTH) census.zeroWidth = true;
    else if (k & FULL_WIDTH_DIGIT) census.fullWidthDigit = true;
    else if (k & SEPARATOR && i > 0 && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) census.separatorBetweenDigits = true;
  }
  if (runEnd - runStart >= 2) digitRuns.push(runStart, runEnd);
  if (n >= CENSUS_MIN_CHARS) {
    before = last;
    last = { text, census };
  }
  return census;
}

/** Forgets the kept census (see forgetLongTexts in ./normalise). */
export function forgetCensus(): void {
  last = null;
  before = null;
}
