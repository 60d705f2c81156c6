/**
 * A character trie of the word list for the segmenter's inner loop: walking it by char code
 * needs no substring and no string hashing (the Map lookups were most of the detectors' time).
 * The root's edges are one table indexed by char code (every walk starts there); the other edges
 * live in one open-addressing hash keyed by (node, char code), each slot's key and value side by
 * side (one cache line per probe); a bit mask of its children's char codes per node answers most
 * missing edges without probing.
 */
import { mix } from './mix';
const CODES = 0x10000;
/** hash slots per edge once built */
const LOAD_SPACE = 2;

export class WordTrie {
  private size = 1;
  private readonly root = new Int32Array(CODES);
  /** slot h: [node, char code, child] at 3h; node −1 when the slot is free */
  private edges: Int32Array;
  private mask: number;
  /** edges off the root table */
  private hashed = 0;
  /** per node, bit (code & 31) set for each child's char code: most missing edges answer without probing */
  private kids: Int32Array;
  /** log-probability of the word ending at a node; NaN when none does */
  readonly logP: Float64Array;

  constructor(words: Iterable<[string, number]>, edgeCapacity: number) {
    let cap = 1;
    while (cap < edgeCapacity * 2) cap <<= 1;
    this.mask = cap - 1;
    this.edges = new Int32Array(cap * 3).fill(-1);
    this.kids = new Int32Array(edgeCapacity + 1);
    const lp: number[] = [NaN];
    for (const [w, logP] of words) {
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        let next = this.child(node, w.charCodeAt(i));
        if (!next) {
          next = this.size++;
          lp.push(NaN);
          this.insert(node, w.charCodeAt(i), next);
        }
        node = next;
      }
      lp[node] = logP;
    }
    this.logP = Float64Array.from(lp);
    this.kids = this.kids.slice(0, this.size);
    this.rehash(LOAD_SPACE * this.hashed);
  }

  /** Moves the edges to a table of about `room` slots: a smaller table, fewer cache misses. */
  private rehash(room: number) {
    const old = this.edges;
    let cap = 1;
    while (cap < room) cap <<= 1;
    this.mask = cap - 1;
    this.edges = new Int32Array(cap * 3).fill(-1);
    this.hashed = 0;
    for (let h = 0; h < old.length; h += 3) if (old[h] !== -1) this.insert(old[h]!, old[h + 1]!, old[h + 2]!);
  }

  private slot(node: number, code: number): number {
    return mix(Math.imul(node, 0x9e3779b1) ^ code) & this.mask;
  }

  private insert(node: number, code: number, val: number) {
    this.kids[node]! |= 1 << (code & 31);
    if (node === 0) {
      this.root[code] = val;
      return;
    }
    this.hashed++;
    let h = this.slot(node, code);
    while (this.edges[h * 3] !== -1) h = (h + 1) & this.mask;
    this.edges[h * 3] = node;
    this.edges[h * 3 + 1] = code;
    this.edges[h * 3 + 2] = val;
  }

  /** the node reached from `node` by the character, 0 when no word continues that way */
  child(node: number, code: number): number {
    if (node === 0) return this.root[code]!;
    if ((this.kids[node]! & (1 << (code & 31))) === 0) return 0;
    let h = this.slot(node, code);
    for (;;) {
      const k = this.edges[h * 3]!;
      if (k === -1) return 0;
      if (k === node && this.edges[h * 3 + 1] === code) return this.edges[h * 3 + 2]!;
      h = (h + 1) & this.mask;
    }
  }

  /** log-probability of the word s[i, i+len) (no substring built); NaN when it is no word */
  find(s: string, i: number, len: number): number {
    let node = 0;
    for (let k = i; k < i + len; k++) {
      node = this.child(node, s.charCodeAt(k));
      if (!node) return NaN;
    }
    return this.logP[node]!;
  }
}
