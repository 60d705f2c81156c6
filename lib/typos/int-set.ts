/**
 * A set of non-negative integers in one open-addressing typed array: a lookup allocates nothing
 * and hashes no heap number (the idiom detector asks it twice for every window of a page).
 */
export class IntSet {
  private slots: Int32Array;
  private shift: number;
  readonly size: number;

  constructor(values: Iterable<number>) {
    const list = [...new Set(values)];
    let bits = 4;
    while (1 << bits < 2 * list.length) bits++;
    this.slots = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.size = list.length;
    const mask = this.slots.length - 1;
    for (const v of list) {
      let h = this.hash(v);
      while (this.slots[h] !== -1) h = (h + 1) & mask;
      this.slots[h] = v;
    }
  }

  private hash(v: number): number {
    return Math.imul(v, 0x9e3779b1) >>> this.shift;
  }

  has(v: number): boolean {
    if (v < 0) return false;
    const mask = this.slots.length - 1;
    for (let h = this.hash(v); ; h = (h + 1) & mask) {
      const k = this.slots[h]!;
      if (k === v) return true;
      if (k === -1) return false;
    }
  }
}
