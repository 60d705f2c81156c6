/**
 * Line bounds in a long text from one index of its line breaks (listed by the text census): the
 * date finder and the list scan ask the line of every date (thousands on a long page), and a
 * lastIndexOf/indexOf pair per ask cost more than listing every '\n' once. Short texts are asked
 * directly. The bounds of the last long text are kept; a caller asking many times takes them once
 * (`linesOf`), since telling a text from the kept one can cost a whole comparison.
 */

import { textCensus } from './census';

export interface LineBounds {
  /** start of the line holding `pos`: text.lastIndexOf('\n', pos - 1) + 1 */
  startOf(pos: number): number;
  /** end of the line holding `pos` (its '\n', or the text's end): text.indexOf('\n', pos), or text.length */
  endOf(pos: number): number;
}

/** Below this length no index is built (see textCensus). */
const INDEX_MIN = 4096;

class DirectBounds implements LineBounds {
  constructor(private readonly text: string) {}
  startOf(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }
  endOf(pos: number): number {
    const e = this.text.indexOf('\n', pos);
    return e === -1 ? this.text.length : e;
  }
}

class IndexedBounds implements LineBounds {
  /** offsets of every '\n', in order (from the text census) */
  private readonly breaks: number[];
  /** the last answer of firstBreakFrom: asks mostly come in text order */
  private hint = 0;
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    this.breaks = textCensus(text).lineBreaks;
  }

  /** Index of the first break at or after `pos` (breaks.length when none): the last answer and the next are tried first. */
  private firstBreakFrom(pos: number): number {
    const breaks = this.breaks;
    for (let k = this.hint; k <= this.hint + 1 && k <= breaks.length; k++) {
      if ((k === breaks.length || breaks[k]! >= pos) && (k === 0 || breaks[k - 1]! < pos)) return (this.hint = k);
    }
    return (this.hint = lowerBound(breaks, pos));
  }

  startOf(pos: number): number {
    // lastIndexOf reads a negative start as 0: a break at 0 counts for pos 0 too
    const k = this.firstBreakFrom(Math.max(pos - 1, 0) + 1) - 1;
    return k >= 0 ? this.breaks[k]! + 1 : 0;
  }

  endOf(pos: number): number {
    const k = this.firstBreakFrom(pos);
    return k < this.breaks.length ? this.breaks[k]! : this.length;
  }
}

let last: { text: string; bounds: IndexedBounds } | null = null;

/** The line bounds of `text` (the index of a long text built once and kept). */
export function linesOf(text: string): LineBounds {
  if (text.length < INDEX_MIN) return new DirectBounds(text);
  if (last?.text === text) last.text = text; // an equal copy: later asks compare by identity
  else last = { text, bounds: new IndexedBounds(text) };
  return last.bounds;
}

/** Start of the line holding `pos` (one ask; see linesOf for many). */
export function lineStartOf(text: string, pos: number): number {
  return linesOf(text).startOf(pos);
}

/** Forgets the kept index (see forgetLongTexts in ./normalise). */
export function forgetLines(): void {
  last = null;
}

/** The first index of an ascending list whose value is ≥ `value` (the list's length when none is). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
