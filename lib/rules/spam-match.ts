/**
 * The spam vocabulary (lib/data/spam-vocabulary.json) compiled once into a first-unit indexed
 * matcher, and the scorer that turns hits into clusters. Shared by security.spam-text and
 * links.spam. Text is folded first (ASCII and full-width letters lower-cased, full-width digits to
 * ASCII, zero-width characters dropped) so 凯发Ｋ８ and 凯\u200B发k8 match as 凯发k8; hits carry
 * offsets into the original text and say whether a zero-width character sat inside them.
 */
import vocab from '../data/spam-vocabulary.json';
import { FULL_WIDTH_ALNUM, foldText as fold, stripZeroWidth } from '../text/normalise';
import { CENSUS_MIN_CHARS, textCensus } from '../text/census';
// the same first-pair gate as the dictionary matcher's: a table of hashed first pairs tested at every character
import { nextPairStart, pairHash } from '../text/aho-corasick';

export type TermKind = 'alone' | 'brand' | 'companion' | 'term' | 'generic' | 'deco';

export interface Term {
  text: string;
  kind: TermKind;
  weight: number;
}

export interface Hit {
  /** offsets into the original (unfolded) text */
  start: number;
  end: number;
  term: Term;
  /** a zero-width character sat inside the match */
  zw: boolean;
}

export interface Cluster {
  start: number;
  end: number;
  score: number;
  hits: Hit[];
  zw: boolean;
}

/** a brand that needs a companion: brand + companion reaches the threshold */
const BRAND_WEIGHT = 3;
const COMPANION_WEIGHT = vocab.threshold - BRAND_WEIGHT;
/** unpaired brands together add at most this (an address list 太阳城小区、永利路、万博广场 is no spam) */
const UNPAIRED_CAP = 2 * BRAND_WEIGHT;

export interface Folded {
  s: string;
  /** folded index → original index (null: identical offsets) */
  map: Int32Array | null;
}

/** Folds width (lib/text/normalise.ts) and ASCII case one unit for one, and drops zero-width characters (keeping a map). */
export function foldText(text: string): Folded {
  const { s, map } = foldWidthOnly(text);
  return { s: /[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s, map };
}

/** foldText without the lower-casing (findHits lower-cases as it reads: no copy of a long page). */
function foldWidthOnly(text: string): Folded {
  // full-width letters and digits only; a long page without any (nearly every page) is not copied
  if (text.length >= CENSUS_MIN_CHARS) {
    const census = textCensus(text);
    if (!census.zeroWidth && !census.fullWidthAlnumOrSign) return { s: text, map: null };
  }
  const f = fold(text, FULL_WIDTH_ALNUM);
  if (!f.map) return { s: f.text, map: null };
  const map = new Int32Array(f.map.length + 1);
  map.set(f.map);
  map[f.map.length] = text.length;
  return { s: f.text, map };
}

/** ASCII upper case → lower case, one code unit (what foldText's lower-casing does). */
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** s, read lower-cased, has `term` (lower case) at i. */
function hasTermAt(s: string, term: string, i: number): boolean {
  if (i + term.length > s.length) return false;
  for (let k = 0; k < term.length; k++) if (lower(s.charCodeAt(i + k)) !== term.charCodeAt(k)) return false;
  return true;
}

function buildTerms(): Term[] {
  const out = new Map<string, Term>();
  const add = (text: string, kind: TermKind, weight: number) => {
    const t = text.toLowerCase();
    const old = out.get(t);
    if (!old || old.weight < weight) out.set(t, { text: t, kind, weight });
  };
  for (const w of vocab.generic) if (w.length >= 2) add(w, 'generic', w.length >= 3 ? 2 : 1);
  for (const [w, weight] of Object.entries(vocab.terms)) add(w, 'term', weight);
  for (const w of vocab.companions) add(w, 'companion', 0);
  for (const w of vocab.brandsWithCompanion) add(w, 'brand', BRAND_WEIGHT);
  for (const w of vocab.brandsAlone) add(w, 'alone', vocab.threshold);
  return [...out.values()];
}

const TERMS = buildTerms();
const BY_FIRST = new Map<number, Term[]>();
const STARTS = new Uint8Array(65536);
// every term has ≥ 2 units (a decoration run too, and nothing starts at the last unit): a hashed table of first pairs rejects almost every position (一, 人,
// 大 … start terms too) before any string compare; it is tested at every character, so it is kept
// small (a byte per 16-bit hash, 64 KB) and the test has no branch on the first character alone
const PAIRS = new Uint8Array(65536);
/** c and, for a–z, its upper case: the table is read with the text's own case (no lower-casing per character) */
const caseForms = (c: number) => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);
const setPair = (a: number, b: number) => {
  for (const x of caseForms(a)) for (const y of caseForms(b)) PAIRS[pairHash(x, y)] = 1;
};
for (const t of TERMS) {
  const c = t.text.charCodeAt(0);
  setPair(c, t.text.charCodeAt(1));
  STARTS[c] = 1;
  const list = BY_FIRST.get(c) ?? [];
  list.push(t);
  BY_FIRST.set(c, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.text.length - a.text.length);
const DECO = new Uint8Array(65536);
for (const ch of vocab.decoration) DECO[ch.charCodeAt(0)] = 1;
// a decoration run counts from two units on: a decoration, then another or a space
for (const a of vocab.decoration) {
  setPair(a.charCodeAt(0), 32);
  for (const b of vocab.decoration) setPair(a.charCodeAt(0), b.charCodeAt(0));
}
const DECO_TERM: Term = { text: '★', kind: 'deco', weight: vocab.decorationWeight };

const isLatin = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Every vocabulary hit (the longest at each position) and every run of ≥ 2 decoration characters. */
export function findHits(text: string): Hit[] {
  // the text as foldText gives it, but lower-cased only where a term is compared
  const { s, map } = foldWidthOnly(text);
  const hits: Hit[] = [];
  const orig = (i: number) => (map ? map[i]! : i);
  const n = s.length;
  for (let i = nextPairStart(s, 0, PAIRS); i >= 0; i = nextPairStart(s, i + 1, PAIRS)) {
    const c = lower(s.charCodeAt(i));
    if (DECO[c]) {
      let j = i + 1;
      while (j < n && (DECO[s.charCodeAt(j)] || s.charCodeAt(j) === 32)) j++;
      if (j - i >= 2) hits.push({ start: orig(i), end: orig(j - 1) + 1, term: DECO_TERM, zw: false });
      i = j - 1;
      continue;
    }
    if (!STARTS[c]) continue;
    for (const t of BY_FIRST.get(c)!) {
      if (!hasTermAt(s, t.text, i)) continue;
      const end = i + t.text.length;
      // a Latin word must stand on its own: app ≠ apple, porn ≠ …
      if (isLatin(c) && i > 0 && isLatin(s.charCodeAt(i - 1))) continue;
      if (isLatin(s.charCodeAt(end - 1)) && end < n && isLatin(s.charCodeAt(end))) continue;
      const start = orig(i);
      const oEnd = orig(end - 1) + 1;
      hits.push({ start, end: oEnd, term: t, zw: oEnd - start !== t.text.length });
      break;
    }
  }
  return hits;
}

/** Between a brand and its companion only ASCII letters/digits and light separators. */
function gapOk(text: string, from: number, to: number): boolean {
  if (to < from || to - from > vocab.companionGap) return false;
  return /^[a-z0-9 _\-·.]*$/i.test(stripZeroWidth(text.slice(from, to)).text);
}

function scoreOf(text: string, hits: Hit[]): number {
  const best = new Map<string, number>();
  const put = (k: string, w: number) => best.set(k, Math.max(best.get(k) ?? 0, w));
  const unpaired = new Set<string>();
  let deco = 0;
  let branded = false;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const kind = h.term.kind;
    if (kind === 'deco') {
      deco++;
      continue;
    }
    if (kind === 'brand' || kind === 'alone') branded = true;
    if (kind === 'brand') {
      const pair = hits.some(
        (o) => o.term.kind === 'companion' && (gapOk(text, h.end, o.start) || gapOk(text, o.end, h.start)),
      );
      if (pair) put(h.term.text, h.term.weight + COMPANION_WEIGHT);
      else unpaired.add(h.term.text);
    } else put(h.term.text, h.term.weight);
  }
  let score = 0;
  for (const w of best.values()) score += w;
  let loose = 0;
  for (const t of unpaired) if (!best.has(t)) loose += BRAND_WEIGHT;
  score += Math.min(loose, UNPAIRED_CAP);
  // decoration runs count only next to a brand (gov pages use ★★ in headings, 反诈 posters
  // name 博彩), and a few of them at most
  if (branded) score += Math.min(deco, 3) * DECO_TERM.weight;
  return score;
}

/** A companion word with no brand right next to it adds nothing (and is cut from the evidence). */
function isStray(text: string, hits: Hit[], h: Hit): boolean {
  if (h.term.kind !== 'companion') return false;
  return !hits.some(
    (o) => (o.term.kind === 'brand' || o.term.kind === 'alone') && (gapOk(text, o.end, h.start) || gapOk(text, h.end, o.start)),
  );
}

/** Groups hits no more than `clusterGap` apart and scores each group. */
export function clusters(text: string, hits: Hit[] = findHits(text)): Cluster[] {
  const out: Cluster[] = [];
  let cur: Hit[] = [];
  const flush = () => {
    if (!cur.length) return;
    const score = scoreOf(text, cur);
    // the evidence span starts and ends on hits that count: a stray 在线/首页 at an edge is cut off
    let a = 0;
    let b = cur.length - 1;
    while (a < b && isStray(text, cur, cur[a]!)) a++;
    while (b > a && isStray(text, cur, cur[b]!)) b--;
    const kept = cur.slice(a, b + 1);
    const end = Math.max(...kept.map((h) => h.end));
    out.push({ start: kept[0]!.start, end, hits: kept, score, zw: kept.some((h) => h.zw && h.term.kind !== 'generic') });
    cur = [];
  };
  let lastEnd = -Infinity;
  for (const h of hits) {
    if (h.start - lastEnd > vocab.clusterGap) flush();
    cur.push(h);
    lastEnd = Math.max(lastEnd, h.end);
  }
  flush();
  return out;
}

export const SPAM_THRESHOLD = vocab.threshold;
export const LINK_TEXT_THRESHOLD = vocab.linkTextThreshold;

/** The best cluster score of a short string (a link's text). */
export function spamScore(text: string): { score: number; zw: boolean } {
  let score = 0;
  let zw = false;
  for (const c of clusters(text)) {
    if (c.score > score) score = c.score;
    zw ||= c.zw;
  }
  return { score, zw };
}
