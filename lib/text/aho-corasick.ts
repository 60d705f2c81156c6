/**
 * Aho–Corasick over UTF-16 code units: all patterns found in one pass over the text.
 * The root's transitions are a dense table (most characters leave the automaton at the root, so
 * this is the hot path); deeper transitions live in one open-addressing hash of typed arrays
 * keyed by state × 65536 + char (Maps per state cost twice as much in the scan loop). Outputs are
 * merged along failure links at build time, so a state lists every pattern ending there.
 */
/** a byte per 16-bit hash of a character pair (64 KB): one load per character, no bit extraction */
export const pairHash = (a: number, b: number) => ((Math.imul(a, 0x9e3779b1) >>> 16) ^ b) & 0xffff;
/** the same for three characters (a pattern's first three) */
const tripleHash = (a: number, b: number, c: number) => ((Math.imul(a, 0x9e3779b1) >>> 16) ^ (Math.imul(b, 0x85ebca6b) >>> 16) ^ c) & 0xffff;

/**
 * The next position from `from` on whose two characters hash to a marked pair, or -1: the loop
 * over every character of the page, in a small function of its own (V8 compiles it best alone).
 * charCodeAt is never asked past the end (its NaN would make V8 recompile the loop for doubles).
 */
export function nextPairStart(text: string, from: number, pairs: Uint8Array): number {
  const n = text.length;
  if (from + 1 >= n) return -1;
  let c = text.charCodeAt(from);
  for (let i = from; i + 1 < n; i++) {
    const d = text.charCodeAt(i + 1);
    if (pairs[((Math.imul(c, 0x9e3779b1) >>> 16) ^ d) & 0xffff] !== 0) return i; // pairHash(c, d)
    c = d;
  }
  return -1;
}

export class AhoCorasick {
  readonly patterns: readonly string[];
  private readonly root = new Int32Array(65536); // 0 = stay at root
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: (number[] | null)[] = [null];
  private readonly failA: Int32Array;
  private readonly hKeys: Int32Array;
  private readonly hVals: Int32Array;
  private readonly hShift: number;
  /** 1 when the char labels some non-root transition; otherwise any deeper state falls to the root */
  private readonly deepChar = new Uint8Array(65536);
  /** each state's own patterns (those ending exactly there, not the ones merged along failure links) */
  private readonly own: (number[] | null)[] = [null];
  /** 1 at a hash of every pattern's first two characters (see searchByStart) */
  private readonly pairs = new Uint8Array(65536);
  /** 1 at a hash of every two-character pattern */
  private readonly shortPairs = new Uint8Array(65536);
  /** 1 at a hash of the first three characters of every longer pattern */
  private readonly triples = new Uint8Array(65536);
  /** some pattern is one character long (no pair to gate it) */
  private single = false;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    patterns.forEach((p, idx) => {
      if (!p) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = s === 0 ? this.root[c]! : this.next[s]!.get(c);
        if (!t) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push(null);
          this.own.push(null);
          if (s === 0) this.root[c] = t;
          else this.next[s]!.set(c, t);
        }
        s = t;
      }
      (this.out[s] ??= []).push(idx);
      (this.own[s] ??= []).push(idx);
      if (p.length === 1) this.single = true;
      else {
        this.pairs[pairHash(p.charCodeAt(0), p.charCodeAt(1))] = 1;
        if (p.length === 2) this.shortPairs[pairHash(p.charCodeAt(0), p.charCodeAt(1))] = 1;
        else this.triples[tripleHash(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))] = 1;
      }
    });
    // breadth-first: failure links and merged outputs
    const queue: number[] = [];
    for (let c = 0; c < 65536; c++) if (this.root[c]) queue.push(this.root[c]!);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const ft = f === 0 ? this.root[c]! : this.next[f]!.get(c)!;
        this.fail[t] = ft === t ? 0 : ft;
        const inherited = this.out[this.fail[t]!];
        if (inherited) this.out[t] = [...(this.out[t] ?? []), ...inherited];
        queue.push(t);
      }
    }
    this.failA = Int32Array.from(this.fail);
    // flatten the deeper transitions into the hash (load ≤ 0.5)
    let count = 0;
    for (const m of this.next) count += m.size;
    let bits = 4;
    while (1 << bits < count * 2 + 2) bits++;
    if (this.next.length >= 32768) throw new Error('dictionary too large for the matcher (≥ 32768 states)');
    this.hShift = 32 - bits;
    this.hKeys = new Int32Array(1 << bits).fill(-1);
    this.hVals = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    this.next.forEach((m, st) => {
      for (const [c, t] of m) {
        const key = st * 65536 + c;
        let h = Math.imul(key, 0x9e3779b1) >>> this.hShift;
        while (this.hKeys[h] !== -1) h = (h + 1) & mask;
        this.hKeys[h] = key;
        this.hVals[h] = t;
        this.deepChar[c] = 1;
      }
    });
  }

  /** The state reached from `state` (not the root) by character code `c`; 0 when there is no edge. */
  private child(state: number, c: number): number {
    const keys = this.hKeys;
    const key = state * 65536 + c;
    const mask = keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.hShift;
    for (;;) {
      const k = keys[h]!;
      if (k === key) return this.hVals[h]!;
      if (k === -1) return 0;
      h = (h + 1) & mask;
    }
  }

  /** Calls onMatch(patternIndex, start, end) for every occurrence, in order of end position. */
  search(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const root = this.root;
    const fail = this.failA;
    const out = this.out;
    const deep = this.deepChar;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (s === 0 || deep[c] === 0) {
        s = root[c]!;
        if (s === 0) continue;
      } else {
        for (;;) {
          const t = this.child(s, c);
          if (t !== 0) {
            s = t;
            break;
          }
          s = fail[s]!;
          if (s === 0) {
            s = root[c]!;
            break;
          }
        }
      }
      const o = out[s];
      if (o) {
        for (const p of o) {
          const len = this.patterns[p]!.length;
          onMatch(p, i + 1 - len, i + 1);
        }
      }
    }
  }

  /**
   * Calls onMatch(patternIndex, start, end) for every occurrence, in order of start position
   * (shorter first at one start): the same set `search` reports, for callers that sort by start
   * anyway. Much faster on long text: a position is looked at only when its first two characters
   * begin some pattern (one table lookup per character, true for a few percent of a page), and
   * then the trie is walked from there. On Chinese text a third of all characters start some
   * pattern, so `search` leaves the root that often and pays a hash probe for the next character.
   * Common pairs (工作, 发展) begin some pattern at every few characters: a position past the pair
   * test is walked only when it also begins a two-character pattern or the first three characters
   * of a longer one (two more table lookups instead of a walk that ends after a step or two).
   */
  searchByStart(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    if (this.single) {
      // a one-character pattern has no pair: fall back to the automaton's order, then sort
      const hits: [number, number, number][] = [];
      this.search(text, (p, a, b) => hits.push([p, a, b]));
      hits.sort((x, y) => x[1] - y[1] || x[2] - y[2]);
      for (const [p, a, b] of hits) onMatch(p, a, b);
      return;
    }
    const root = this.root;
    const pairs = this.pairs;
    const own = this.own;
    const shortPairs = this.shortPairs;
    const triples = this.triples;
    const n = text.length;
    for (let i = nextPairStart(text, 0, pairs); i >= 0; i = nextPairStart(text, i + 1, pairs)) {
      const c0 = text.charCodeAt(i);
      const c1 = text.charCodeAt(i + 1);
      if (shortPairs[pairHash(c0, c1)] === 0 && (i + 2 >= n || triples[tripleHash(c0, c1, text.charCodeAt(i + 2))] === 0)) continue;
      let s = root[c0]!;
      for (let j = i + 1; s !== 0 && j < n; j++) {
        s = this.child(s, text.charCodeAt(j));
        const o = s === 0 ? null : own[s];
        if (o) for (const p of o) onMatch(p, i, j + 1);
      }
    }
  }
}
