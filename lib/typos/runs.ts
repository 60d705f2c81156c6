/**
 * The Han runs of a block, each with its best segmentation and which of its windows are words of
 * the list: one forward pass over the trie serves both the idiom and the word detector (the trie
 * walks were most of their time).
 */
import rules from '../data/typo-rules.json';
import { hanRuns } from './han-runs';
import { lexicon } from './lexicon';
import { segmentEnds } from './segment';

export interface HanRun {
  start: number;
  text: string;
  /** token end offsets of the best segmentation, in order */
  ends: Int32Array;
  /** per position k: bit L−1 set when text[k, k+L) is a word of the list (L = 1–4) */
  words: Uint8Array;
}

/** a run of one character has one token and nothing to look up: shared, never written */
const ONE_END = Int32Array.of(1);
const ONE_WORD = new Uint8Array(1);

export function analyseRuns(text: string): HanRun[] {
  const lex = lexicon(rules.word.minBucket);
  const out: HanRun[] = [];
  for (const run of hanRuns(text)) {
    const s = run.text;
    if (s.length < 2) {
      out.push({ start: run.start, text: s, ends: ONE_END, words: ONE_WORD });
      continue;
    }
    const words = new Uint8Array(s.length);
    out.push({ start: run.start, text: s, ends: segmentEnds(s, lex, rules.word.unknownCharLogP, words), words });
  }
  return out;
}

/** Is run.text[i, i+len) (len 1–4, inside the run) a word of the list? */
export const isWordAt = (run: HanRun, i: number, len: number) => (run.words[i]! & (1 << (len - 1))) !== 0;
