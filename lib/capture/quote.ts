import type { QuoteSelector } from '../types';

/** Length of the common tail of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common head of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Context characters that must agree when the stored quote had context (precision first). */
const MIN_CONTEXT = 4;

/**
 * Finds a stored TextQuoteSelector in a new page text: every occurrence of `exact` is scored by
 * how much of the stored prefix and suffix surround it; the best wins. A short quote that now
 * only occurs in other words (烈土 inside 剧烈土壤 after 革命烈土 was corrected) is not a match:
 * some context must agree. Returns [start, end) offsets, or null when the spot is gone.
 */
export function anchorQuote(text: string, quote: QuoteSelector, hint?: number): { start: number; end: number } | null {
  const { exact, prefix, suffix } = quote;
  if (!exact) return null;
  const need = Math.min(MIN_CONTEXT, prefix.length + suffix.length);
  let best: { start: number; score: number; dist: number } | null = null;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const before = text.slice(Math.max(0, i - prefix.length), i);
    const after = text.slice(i + exact.length, i + exact.length + suffix.length);
    const score = commonSuffix(before, prefix) + commonPrefix(after, suffix);
    if (score < need) continue;
    const dist = hint === undefined ? 0 : Math.abs(i - hint);
    if (!best || score > best.score || (score === best.score && dist < best.dist)) best = { start: i, score, dist };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}
