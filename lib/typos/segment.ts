/**
 * Maximum-probability segmentation of a run of Han characters with the jieba word list (a unigram
 * word model, as jieba does it): the best path through every dictionary word of 1–4 characters.
 */
import type { Lexicon } from './lexicon';

export interface Segmentation {
  logP: number;
  /** token end offsets, in order (the first token starts at 0) */
  ends: number[];
}

export function segment(s: string, lex: Lexicon, unknownLogP: number): Segmentation {
  const n = s.length;
  const best = new Float64Array(n + 1);
  const from = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    best[i] = -Infinity;
    for (let j = Math.max(0, i - 4); j < i; j++) {
      const lp = lex.logP(s.slice(j, i)) ?? (i - j === 1 ? unknownLogP : undefined);
      if (lp === undefined) continue;
      const v = best[j]! + lp;
      if (v > best[i]!) {
        best[i] = v;
        from[i] = j;
      }
    }
  }
  const ends: number[] = [];
  for (let i = n; i > 0; i = from[i]!) ends.push(i);
  ends.reverse();
  return { logP: best[n]!, ends };
}

/** Only the best path's probability (no token list): for scoring a candidate substitution. */
export function segmentLogP(s: string, lex: Lexicon, unknownLogP: number): number {
  return segment(s, lex, unknownLogP).logP;
}
