/**
 * The Han runs of a block, each with its best segmentation and which of its windows are words of
 * the list: one forward pass over the trie serves both the idiom and the word detector (the trie
 * walks were most of their time). Laid out in three arrays for the whole block, not per run.
 */
import rules from '../data/typo-rules.json';
import { lexicon } from './lexicon';
import { segmentInto } from './segment';

export interface HanRun {
  start: number;
  text: string;
  /** its tokens are [first, last) of the block's token arrays */
  first: number;
  last: number;
}

export interface BlockRuns {
  runs: HanRun[];
  /** end offset in the block of each token of the runs' best segmentations */
  ends: Int32Array;
  /** each token's log-probability (unknownCharLogP for a character that is no word) */
  tokenLogP: Float64Array;
  /** per block offset k: bit L−1 set when text[k, k+L) is a word of the list (L = 1–4, inside one run) */
  words: Uint8Array;
}

/** the arrays, reused from block to block (a typed array per block cost more than its use) */
let scratch: BlockRuns = { runs: [], ends: new Int32Array(1024), tokenLogP: new Float64Array(1024), words: new Uint8Array(1024) };

/** The block's runs analysed; the arrays are shared: valid until the next call. */
export function analyseRuns(text: string): BlockRuns {
  const lex = lexicon(rules.word.minBucket);
  const n = text.length;
  if (scratch.words.length < n) scratch = { runs: [], ends: new Int32Array(2 * n), tokenLogP: new Float64Array(2 * n), words: new Uint8Array(2 * n) };
  const block: BlockRuns = { ...scratch, runs: [] };
  block.words.fill(0, 0, n);
  let tokens = 0;
  // the runs of U+4E00–U+9FFF (as hanRuns), found by a scan: no match objects
  for (let start = 0; start < n; start++) {
    if (!isHan(text.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < n && isHan(text.charCodeAt(end))) end++;
    const s = text.slice(start, end);
    const first = tokens;
    tokens += segmentInto(s, start, lex, rules.word.unknownCharLogP, block, first);
    block.runs.push({ start, text: s, first, last: tokens });
    start = end;
  }
  return block;
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Is text[k, k+len) (len 1–4, inside one run) a word of the list? */
export const isWordAt = (block: BlockRuns, k: number, len: number) => (block.words[k]! & (1 << (len - 1))) !== 0;
