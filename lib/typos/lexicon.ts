/**
 * jieba's word list (lib/data/typo-words.json) loaded once: log-probabilities of 1–4 character
 * words, the 4-character idioms, and indexes from a word with one character masked to the words
 * that fit, so a candidate substitution is one Map lookup, not a scan of the confusion set.
 */
import wordsData from '../data/typo-words.json';
import placesData from '../data/typo-places.json';
import openGram from '../data/typo-opengram.json';
import rules from '../data/typo-rules.json';
import { IntSet } from './int-set';
import { WordTrie } from './trie';

export interface Lexicon {
  /** log-probability of a word; undefined when it is no word */
  logP(word: string): number | undefined;
  /** log-probability of the word s[i, i+len) without building it; NaN when it is no word */
  logPAt(s: string, i: number, len: number): number;
  /** log-probability of each one-character word by char code; NaN when it is no word */
  charLogP: Float64Array;
  /** log2-frequency bucket of a word (0 when absent) */
  bucket(word: string): number;
  /** the same for each one-character word, by char code */
  charBucket: Int16Array;
  isIdiom(word: string): boolean;
  /** ln of the word list's total count: logP = bucket · ln 2 − logTotal */
  logTotal: number;
  /** the same words as a character trie, for the segmenter */
  trie: WordTrie;
  /**
   * frequent 2–3 character words with one position masked, most frequent first: maskedWords(s, i,
   * len, at) is the list for the piece s[i, i+len) with position `at` masked (a number key: no
   * string built), −1 when none; its entries are masked.words[k] for k in [start[list], start[list + 1])
   */
  maskedWords(s: string, i: number, len: number, at: number): number;
  masked: MaskedWords;
  /** idioms and frequent 4-character words, masked the same way */
  idiomsMasked(s: string, i: number, pos: number): readonly string[] | undefined;
  /** first and last two characters of the idioms (as hanPair): a window sharing neither is no near-idiom */
  idiomHeads: IntSet;
  idiomTails: IntSet;
}

/**
 * Every masked list in three flat arrays (one typed array per list cost more heap and load time):
 * per entry the word, its log-probability and the char code at the masked position.
 */
export interface MaskedWords {
  start: Int32Array;
  words: string[];
  logP: Float64Array;
  code: Uint16Array;
}

/** Han characters as small numbers: two of them make a key that stays a small integer. */
const HAN_BASE = 0x4e00;
const HAN_SPAN = 0xa000 - HAN_BASE;
const han = (s: string, k: number) => {
  const c = s.charCodeAt(k) - HAN_BASE;
  return c >= 0 && c < HAN_SPAN ? c : -1;
};
/** the characters of s[i, i+len) other than `at` as one number (−1 when one is no Han character) */
function otherChars(s: string, i: number, len: number, at: number): number {
  let key = 0;
  for (let k = i; k < i + len; k++) {
    if (k === at) continue;
    const c = han(s, k);
    if (c < 0) return -1;
    key = key * HAN_SPAN + c;
  }
  return key;
}

/** the three characters of s[i, i+4) other than i+pos hashed to a small integer (−1 when one is no Han character) */
function hashOthers(s: string, i: number, pos: number): number {
  let h = 0;
  for (let k = 0; k < 4; k++) {
    if (k === pos) continue;
    const c = han(s, i + k);
    if (c < 0) return -1;
    h = Math.imul(h ^ c, 0x9e3779b1);
  }
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** Does the word w agree with s[i, i+4) everywhere but at pos? */
function sameOthers(w: string, s: string, i: number, pos: number): boolean {
  for (let k = 0; k < 4; k++) if (k !== pos && w.charCodeAt(k) !== s.charCodeAt(i + k)) return false;
  return true;
}

/** Two Han characters as one small integer (−1 when one is no Han character): a Set lookup without building a substring. */
export const hanPair = (s: string, i: number) => {
  const a = han(s, i);
  const b = han(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * HAN_SPAN + b;
};

let cached: Lexicon | null = null;

export function lexicon(minTargetBucket: number, fourCharMinBucket = rules.idiom.fourCharWordMinBucket): Lexicon {
  if (cached) return cached;
  const buckets = new Map<string, number>();
  for (const [b, list] of Object.entries(wordsData.words as Record<string, string>)) {
    const n = Number(b);
    for (const w of list.split(' ')) buckets.set(w, n);
  }
  const logTotal = Math.log(wordsData.total);
  const places = new Set<string>();
  for (const list of Object.values(placesData.provinces as Record<string, string>)) {
    for (const full of list.split(' ')) {
      places.add(full);
      const short = full.replace(/(市|县|旗|地区|盟|自治州|自治县|自治旗|林区|特区)$/u, '');
      if (short.length >= 2) places.add(short);
    }
  }
  // Places are words for the segmenter: a place name never looks like a run of stray characters.
  for (const p of places) if (!buckets.has(p) && p.length <= 4) buckets.set(p, minTargetBucket);
  // open-gram's words jieba lacks (准备工作, 合法权益) are words too: for the segmenter, as
  // corrections, and (when frequent: its segmentation keeps many compounds whole) as 4-character
  // fixed expressions
  const secondList = new Set<string>();
  for (const [b, list] of Object.entries(openGram.words as Record<string, string>)) {
    for (const w of list.split(' ')) {
      if (buckets.has(w)) continue;
      buckets.set(w, Number(b));
      secondList.add(w);
    }
  }
  const idioms = new Set(wordsData.idioms.split(' '));
  // frequent 4-character words are fixed expressions too (jieba tags 美轮美奂 as a name, not an idiom)
  const fourChar = new Set(idioms);
  for (const [w, b] of buckets) if (w.length === 4 && b >= (secondList.has(w) ? rules.idiom.openGramFourCharMinBucket : fourCharMinBucket) && !places.has(w)) fourChar.add(w);
  let chars = 0;
  for (const w of buckets.keys()) chars += w.length;
  const trie = new WordTrie(
    [...buckets].map(([w, b]) => [w, b * Math.LN2 - logTotal] as [string, number]),
    chars,
  );
  // one index per word length and masked position: [len 2 pos 0, len 2 pos 1, len 3 pos 0 …]
  const lists = [0, 1, 2, 3, 4].map(() => new Map<number, string[]>());
  const slot = (len: number, pos: number) => (len === 2 ? pos : 2 + pos);
  for (const [w, b] of buckets) {
    if (b < minTargetBucket || w.length < 2 || w.length > 3 || places.has(w)) continue;
    for (let i = 0; i < w.length; i++) {
      const key = otherChars(w, 0, w.length, i);
      if (key >= 0) pushNum(lists[slot(w.length, i)]!, key, w);
    }
  }
  const masked = flatten(lists, buckets, logTotal);
  // a 2-character piece's key is one character: a table, not a Map
  const twoChar = [0, 1].map((sl) => {
    const table = new Int32Array(HAN_SPAN).fill(-1);
    for (const [k, id] of masked.ids[sl]!) table[k] = id;
    return table;
  });
  // per masked position, the other three characters hashed to a small integer (a heap-number key
  // cost an allocation per lookup); the rare words of a colliding key are told apart on lookup
  const idiomsMasked = [0, 1, 2, 3].map(() => new Map<number, string[]>());
  for (const w of fourChar) {
    for (let i = 0; i < 4; i++) {
      const key = hashOthers(w, 0, i);
      if (key >= 0) pushNum(idiomsMasked[i]!, key, w);
    }
  }
  const charLogP = new Float64Array(0x10000);
  const charBucket = new Int16Array(0x10000);
  for (let c = 0; c < charLogP.length; c++) {
    const node = trie.child(0, c);
    const lp = (charLogP[c] = node ? trie.logP[node]! : NaN);
    charBucket[c] = Number.isNaN(lp) ? 0 : Math.round((lp + logTotal) / Math.LN2);
  }
  // every lookup walks the trie: the Map of words is dropped once the indexes are built
  const logP = (w: string): number | undefined => {
    const lp = trie.find(w, 0, w.length);
    return Number.isNaN(lp) ? undefined : lp;
  };
  const pairs = (from: number) => new IntSet([...fourChar].map((w) => hanPair(w, from)).filter((p) => p >= 0));
  cached = {
    logP,
    logPAt: (s, i, len) => trie.find(s, i, len),
    charLogP,
    charBucket,
    bucket: (w) => {
      const lp = logP(w);
      return lp === undefined ? 0 : Math.round((lp + logTotal) / Math.LN2);
    },
    isIdiom: (w) => idioms.has(w),
    logTotal,
    trie,
    maskedWords: (s, i, len, at) => {
      const key = otherChars(s, i, len, at);
      if (key < 0) return -1;
      return len === 2 ? twoChar[at - i]![key]! : (masked.ids[2 + at - i]!.get(key) ?? -1);
    },
    masked: masked.words,
    idiomsMasked: (s, i, pos) => {
      const key = hashOthers(s, i, pos);
      const list = key < 0 ? undefined : idiomsMasked[pos]!.get(key);
      return list && (list.every((w) => sameOthers(w, s, i, pos)) ? list : list.filter((w) => sameOthers(w, s, i, pos)));
    },
    idiomHeads: pairs(0),
    idiomTails: pairs(2),
  };
  return cached;
}

function pushNum(m: Map<number, string[]>, k: number, v: string) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}


/** The masked lists, most frequent first (a stable sort: ties keep the word list's order), laid out flat. */
function flatten(lists: Map<number, string[]>[], buckets: Map<string, number>, logTotal: number) {
  let entries = 0;
  let count = 0;
  for (const m of lists) {
    count += m.size;
    for (const ws of m.values()) entries += ws.length;
  }
  const words: MaskedWords = { start: new Int32Array(count + 1), words: new Array<string>(entries), logP: new Float64Array(entries), code: new Uint16Array(entries) };
  const ids = lists.map(() => new Map<number, number>());
  let id = 0;
  let e = 0;
  lists.forEach((m, sl) => {
    const pos = sl < 2 ? sl : sl - 2;
    for (const [k, ws] of m) {
      ws.sort((x, y) => buckets.get(y)! - buckets.get(x)!);
      ids[sl]!.set(k, id);
      words.start[id++] = e;
      for (const w of ws) {
        words.words[e] = w;
        words.logP[e] = buckets.get(w)! * Math.LN2 - logTotal;
        words.code[e++] = w.charCodeAt(pos);
      }
    }
  });
  words.start[id] = e;
  return { ids, words };
}
