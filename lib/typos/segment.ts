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
  const { trie } = lex;
  // forward: from each reached position, walk the trie while some word continues
  for (let j = 0; j < n; j++) {
    const here = best[j]!;
    let node = 0;
    for (let i = j + 1; i <= n && i - j <= 4; i++) {
      node = trie.child(node, s.charCodeAt(i - 1));
      let lp = node ? trie.logP[node]! : NaN;
      if (Number.isNaN(lp) && i - j === 1) lp = unknownLogP;
      if (!Number.isNaN(lp) && here + lp > best[i]!) {
        best[i] = here + lp;
        from[i] = j;
      }
      if (!node) break;
    }
  }
  const ends: number[] = [];
  for (let i = n; i > 0; i = from[i]!) ends.push(i);
  ends.reverse();
  return { logP: best[n]!, ends };
}

/** scratch for segmentLogP: windows are short, one buffer grows as needed */
let scratch = new Float64Array(64);

/** Only the best path's probability (no token list): for scoring a candidate substitution. */
export function segmentLogP(s: string, lex: Lexicon, unknownLogP: number): number {
  const n = s.length;
  if (scratch.length < n + 1) scratch = new Float64Array(2 * (n + 1));
  const best = scratch;
  best[0] = 0;
  best.fill(-Infinity, 1, n + 1);
  const { trie } = lex;
  for (let j = 0; j < n; j++) {
    const here = best[j]!;
    let node = 0;
    for (let i = j + 1; i <= n && i - j <= 4; i++) {
      node = trie.child(node, s.charCodeAt(i - 1));
      let lp = node ? trie.logP[node]! : NaN;
      if (Number.isNaN(lp) && i - j === 1) lp = unknownLogP;
      if (!Number.isNaN(lp) && here + lp > best[i]!) best[i] = here + lp;
      if (!node) break;
    }
  }
  return best[n]!;
}
