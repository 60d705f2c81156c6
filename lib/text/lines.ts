/**
 * Line bounds in a long text from one index of its line breaks: the date finder and the list scan
 * ask the line of every date (thousands on a long page), and a lastIndexOf/indexOf pair per ask
 * cost more than listing every '\n' once. Short texts are asked directly. The index of the last
 * long text is kept.
 */

/** Below this length no index is built (see textCensus). */
const INDEX_MIN = 4096;
let last: { text: string; breaks: number[] } | null = null;

/** Offsets of every '\n' in a long text, in order (null for a short one). */
function breaksOf(text: string): number[] | null {
  if (text.length < INDEX_MIN) return null;
  if (last?.text === text) return last.breaks;
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  last = { text, breaks };
  hint = 0;
  return breaks;
}

/**
 * Index of the first break at or after `pos` (breaks.length when none). Callers mostly ask in text
 * order, line after line: the last answer and the one after it are tried before a binary search.
 */
let hint = 0;
function firstBreakFrom(breaks: number[], pos: number): number {
  for (let k = hint; k <= hint + 1 && k <= breaks.length; k++) {
    if ((k === breaks.length || breaks[k]! >= pos) && (k === 0 || breaks[k - 1]! < pos)) return (hint = k);
  }
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return (hint = lo);
}

/** Start of the line holding `pos`: text.lastIndexOf('\n', pos - 1) + 1. */
export function lineStartOf(text: string, pos: number): number {
  const breaks = breaksOf(text);
  if (!breaks) return text.lastIndexOf('\n', pos - 1) + 1;
  // lastIndexOf reads a negative start as 0: a break at 0 counts for pos 0 too
  const k = firstBreakFrom(breaks, Math.max(pos - 1, 0) + 1) - 1;
  return k >= 0 ? breaks[k]! + 1 : 0;
}

/** End of the line holding `pos` (its '\n', or the text's end): text.indexOf('\n', pos), or text.length. */
export function lineEndOf(text: string, pos: number): number {
  const breaks = breaksOf(text);
  if (!breaks) {
    const e = text.indexOf('\n', pos);
    return e === -1 ? text.length : e;
  }
  const k = firstBreakFrom(breaks, pos);
  return k < breaks.length ? breaks[k]! : text.length;
}

/** Forgets the kept index (see forgetLongTexts in ./normalise). */
export function forgetLines(): void {
  last = null;
}
