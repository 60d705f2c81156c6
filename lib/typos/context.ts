/**
 * Word-bigram context from a public language model (open-gram, as the Debian package
 * sunpinyin-data ships it; lib/data/typo-opengram.json): for each frequent word the detectors may
 * propose, the words the model has seen right before and right after it more often than by chance
 * (lift ≥ minLift). A correction seen beside a neighbour (判觉 → 判决 after 依法进行) carries evidence
 * that a bare frequency gain lacks. Also the pairs of single characters the model keeps as a
 * bigram though no word list has them (交寄): sequences real text writes. Loaded once, on first use.
 */
import data from '../data/typo-opengram.json';
import { hanPair } from './lexicon';
import { IntSet } from './int-set';

export interface BigramContext {
  /** whether the model keeps `a` right before `b` (one of the two a proposable word) */
  seen(a: string, b: string): boolean;
  /** the longest neighbour the model knows: words of 1–4 characters */
  maxLen: number;
}

let cached: BigramContext | null = null;
let charPairs: IntSet | null = null;

/** Has the model seen the two characters s[i], s[i+1] written one after the other (as two one-character words)? */
export function seenAsPair(s: string, i: number): boolean {
  if (!charPairs) {
    const list: number[] = [];
    for (const [a, bs] of Object.entries(data.charPairs as Record<string, string>)) for (const b of bs) list.push(hanPair(a + b, 0));
    charPairs = new IntSet(list);
  }
  return charPairs.has(hanPair(s, i));
}

/** Sorted neighbour ids from the build script's delta-coded base-32 varints. */
function decode(s: string): Int32Array {
  const out: number[] = [];
  let prev = 0;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = VARINT.indexOf(s[i]!);
    if (d >= 32) v = v * 32 + (d - 32);
    else {
      prev += v * 32 + d;
      out.push(prev);
      v = 0;
    }
  }
  return Int32Array.from(out);
}
const VARINT = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

function has(list: Int32Array | undefined, id: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function bigramContext(): BigramContext {
  if (cached) return cached;
  const ids = new Map<string, number>();
  data.vocab.split(' ').forEach((w, i) => ids.set(w, i));
  // decoded lazily per word: most proposable words never come up in a page
  const lists = (table: Record<string, string>) => {
    const done = new Map<string, Int32Array>();
    return (w: string) => {
      let l = done.get(w);
      if (!l && table[w] !== undefined) done.set(w, (l = decode(table[w])));
      return l;
    };
  };
  const left = lists(data.left as Record<string, string>);
  const right = lists(data.right as Record<string, string>);
  cached = {
    seen(a, b) {
      const ia = ids.get(a);
      const ib = ids.get(b);
      return (ia !== undefined && has(left(b), ia)) || (ib !== undefined && has(right(a), ib));
    },
    maxLen: 4,
  };
  return cached;
}

/**
 * Whether `w`, written at s[i, i+len), is one the model has seen with a word ending right before it
 * or starting right after it (1–4 characters).
 */
export function seenInContext(ctx: BigramContext, s: string, i: number, len: number, w: string): boolean {
  for (let k = 1; k <= ctx.maxLen && i - k >= 0; k++) if (ctx.seen(s.slice(i - k, i), w)) return true;
  for (let k = 1; k <= ctx.maxLen && i + len + k <= s.length; k++) if (ctx.seen(w, s.slice(i + len, i + len + k))) return true;
  return false;
}
