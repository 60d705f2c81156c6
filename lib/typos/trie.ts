/**
 * A character trie of the word list for the segmenter's inner loop: walking it by char code
 * needs no substring and no string hashing (the Map lookups were most of the detectors' time).
 * Edges live in one open-addressing hash of typed arrays keyed by (node, char code).
 */
export class WordTrie {
  private size = 1;
  private keysNode: Int32Array;
  private keysCode: Int32Array;
  private vals: Int32Array;
  private mask: number;
  /** log-probability of the word ending at a node; NaN when none does */
  logP: Float64Array;

  constructor(words: Iterable<[string, number]>, edgeCapacity: number) {
    let cap = 1;
    while (cap < edgeCapacity * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keysNode = new Int32Array(cap).fill(-1);
    this.keysCode = new Int32Array(cap);
    this.vals = new Int32Array(cap);
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
  }

  private slot(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.mask;
  }

  private insert(node: number, code: number, val: number) {
    let h = this.slot(node, code);
    while (this.keysNode[h] !== -1) h = (h + 1) & this.mask;
    this.keysNode[h] = node;
    this.keysCode[h] = code;
    this.vals[h] = val;
  }

  /** the node reached from `node` by the character, 0 when no word continues that way */
  child(node: number, code: number): number {
    let h = this.slot(node, code);
    for (;;) {
      const k = this.keysNode[h]!;
      if (k === -1) return 0;
      if (k === node && this.keysCode[h] === code) return this.vals[h]!;
      h = (h + 1) & this.mask;
    }
  }
}
