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
  best.fill(-Infinity, 1);
  // forward: from each reached position, extend while the characters still begin some word
  for (let j = 0; j < n; j++) {
    const here = best[j]!;
    for (let i = j + 1; i <= n && i - j <= 4; i++) {
      const piece = s.slice(j, i);
      const lp = lex.logP(piece) ?? (i - j === 1 ? unknownLogP : undefined);
      if (lp !== undefined && here + lp > best[i]!) {
        best[i] = here + lp;
        from[i] = j;
      }
      if (i - j < 4 && !lex.isPrefix(piece)) break;
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
