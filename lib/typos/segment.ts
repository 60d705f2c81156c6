/**
 * Maximum-probability segmentation of a run of Han characters with the jieba word list (a unigram
 * word model, as jieba does it): the best path through every dictionary word of 1–4 characters.
 */
import type { Lexicon } from './lexicon';

/** Scratch for the forward pass: runs are short, the buffers grow as needed and are reused. */
let best = new Float64Array(256);
let from = new Int32Array(256);
/** the log-probability of the last word on the best path to each position */
let last = new Float64Array(256);

function room(n: number) {
  if (best.length < n + 1) {
    best = new Float64Array(2 * (n + 1));
    from = new Int32Array(2 * (n + 1));
    last = new Float64Array(2 * (n + 1));
  }
}

/** Where segmentInto writes: per block offset the words met, per token its end and log-probability. */
export interface SegmentOut {
  ends: Int32Array;
  tokenLogP: Float64Array;
  words: Uint8Array;
}

/**
 * The best segmentation of the run s, found at block offset `offset`: its tokens' ends (block
 * offsets) and log-probabilities go to out from token index `first` on, in order; out.words gets
 * bit L−1 set where s[k, k+L) is a word of the list. Returns the number of tokens.
 */
export function segmentInto(s: string, offset: number, lex: Lexicon, unknownLogP: number, out: SegmentOut, first: number): number {
  const n = s.length;
  room(n);
  forward(s, 0, n, -1, 0, lex, unknownLogP, out.words, offset);
  let count = 0;
  for (let i = n; i > 0; i = from[i]!) count++;
  for (let i = n, t = first + count - 1; i > 0; i = from[i]!, t--) {
    out.ends[t] = offset + i;
    out.tokenLogP[t] = last[i]!;
  }
  return count;
}

/**
 * Only the best path's log-probability of s[lo, hi), with the character at `at` read as `code`
 * (at −1: none changed): a candidate substitution is scored without building its string.
 */
export function segmentLogP(s: string, lo: number, hi: number, at: number, code: number, lex: Lexicon, unknownLogP: number): number {
  room(hi - lo);
  forward(s, lo, hi, at, code, lex, unknownLogP, null, 0);
  return best[hi - lo]!;
}

/**
 * The forward pass: from each reached position, walk the trie while some word continues; best[i]
 * is the best log-probability of s[lo, lo+i), from[i] where its last word starts and last[i] that
 * word's log-probability; with `words`, the full segmentation is kept (from[], last[] and the words
 * met, at words[offset + k]), else only best[].
 */
function forward(s: string, lo: number, hi: number, at: number, code: number, lex: Lexicon, unknownLogP: number, words: Uint8Array | null, offset: number) {
  const n = hi - lo;
  best[0] = 0;
  best.fill(-Infinity, 1, n + 1);
  const { trie } = lex;
  const logP = trie.logP;
  for (let j = 0; j < n; j++) {
    const here = best[j]!;
    let node = 0;
    for (let i = j + 1; i <= n && i - j <= 4; i++) {
      const k = lo + i - 1;
      node = trie.child(node, k === at ? code : s.charCodeAt(k));
      let lp = node ? logP[node]! : NaN;
      if (words && !Number.isNaN(lp)) words[offset + j]! |= 1 << (i - j - 1);
      if (Number.isNaN(lp) && i - j === 1) lp = unknownLogP;
      if (!Number.isNaN(lp) && here + lp > best[i]!) {
        best[i] = here + lp;
        if (words) {
          from[i] = j;
          last[i] = lp;
        }
      }
      if (!node) break;
    }
  }
}
