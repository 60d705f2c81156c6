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
  forward(s, lex, unknownLogP, best, from);
  const ends: number[] = [];
  for (let i = n; i > 0; i = from[i]!) ends.push(i);
  ends.reverse();
  return { logP: best[n]!, ends };
}

/** scratch for segmentLogP: windows are short, one buffer grows as needed */
let scratch = new Float64Array(64);

/** Only the best path's probability (no token list): for scoring a candidate substitution. */
export function segmentLogP(s: string, lex: Lexicon, unknownLogP: number): number {
  if (scratch.length < s.length + 1) scratch = new Float64Array(2 * (s.length + 1));
  forward(s, lex, unknownLogP, scratch, null);
  return scratch[s.length]!;
}

/**
 * The forward pass: from each reached position, walk the trie while some word continues; best[i]
 * is the best log-probability of s[0, i), from[i] (when kept) where its last word starts.
 */
function forward(s: string, lex: Lexicon, unknownLogP: number, best: Float64Array, from: Int32Array | null) {
  const n = s.length;
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
      if (!Number.isNaN(lp) && here + lp > best[i]!) {
        best[i] = here + lp;
        if (from) from[i] = j;
      }
      if (!node) break;
    }
  }
}
