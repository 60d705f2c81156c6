/**
 * Which characters are confused with which, and how cheaply: the same toneless pinyin (pinyin-pro
 * readings, lib/data/typo-pinyin.json), a near pinyin (z/zh, n/l, an/ang …) or a look-alike shape
 * (pycorrector's same-stroke groups, lib/data/typo-shape.json), or characters built on the same
 * component (cjk-decomp: 完/院, 生/性/牲, 甬/通/涌 — lib/data/typo-shape.json components), or a pair
 * built alike whose stroke sequences differ in a stroke or two (攻/政 — typo-shape.json strokes,
 * the dearest: a substitution the word detector needs much evidence for). Components and strokes
 * are for the cost only: variants of leaders' and bodies' names stay with the narrower sets. Loaded once.
 */
import pinyinData from '../data/typo-pinyin.json';
import shapeData from '../data/typo-shape.json';
import rules from '../data/typo-rules.json';
import { mix } from './mix';

export interface Confusion {
  /** substitution cost of writing `wrong` where `right` was meant; Infinity when not confusable */
  cost(wrong: string, right: string): number;
  /** the same for two char codes (no one-character strings built in a hot loop) */
  costCode(wrong: number, right: number): number;
  /** characters of the same pinyin or the same shape group (for generating variants of a name) */
  alikes(ch: string): string[];
  /** characters both of a same reading and of a same look-alike group (not merely a shared component) */
  homophoneLookAlikes(ch: string): string[];
}

let cached: Confusion | null = null;

export function confusion(): Confusion {
  if (cached) return cached;
  const { initials, finals } = pinyinData.near;
  const fuzzy = (py: string) => {
    let s = py;
    for (const [long, short] of initials) if (s.startsWith(long!)) { s = short + s.slice(long!.length); break; }
    if (s.startsWith('l')) s = 'n' + s.slice(1);
    for (const [long, short] of finals) if (s.endsWith(long!)) { s = s.slice(0, -long!.length) + short; break; }
    return s;
  };
  const readings = new Map<string, string[]>();
  for (const [py, chars] of Object.entries(pinyinData.groups as Record<string, string>)) {
    for (const ch of chars) {
      const r = readings.get(ch);
      if (r) r.push(py);
      else readings.set(ch, [py]);
    }
  }
  const shapeList = [...(shapeData.groups as string[]), ...rules.extraShape.groups];
  const shapeGroups = membership(shapeList);
  const componentGroups = membership((shapeData as { components?: string[] }).components ?? []);
  // stroke-alike pairs, each a group of two
  const strokeGroups = membership((shapeData as { strokes?: string }).strokes?.split(' ') ?? []);
  const c = rules.confusionCost;
  const fuzzyOf = new Map<string, string[]>();
  for (const [ch, rs] of readings) fuzzyOf.set(ch, [...new Set(rs.map(fuzzy))]);
  // the costs met so far, keyed by the two char codes
  const memo = new PairMemo();
  const sig = signatures(fuzzyOf, shapeGroups, componentGroups, strokeGroups);
  const rawCost = (a: string, b: string): number => {
    let best = Infinity;
    const ra = readings.get(a);
    const rb = readings.get(b);
    if (ra && rb) {
      if (ra.some((x) => rb.includes(x))) best = c.samePinyin;
      else if (fuzzyOf.get(a)!.some((x) => fuzzyOf.get(b)!.includes(x))) best = c.nearPinyin;
    }
    if (best > c.shape) {
      const ga = shapeGroups.get(a);
      const gb = shapeGroups.get(b);
      if (ga && gb && ga.some((x) => gb.includes(x))) best = c.shape;
    }
    if (best > c.component) {
      const ga = componentGroups.get(a);
      const gb = componentGroups.get(b);
      if (ga && gb && ga.some((x) => gb.includes(x))) best = c.component;
    }
    if (best > c.stroke) {
      const ga = strokeGroups.get(a);
      const gb = strokeGroups.get(b);
      if (ga && gb && ga.some((x) => gb.includes(x))) best = c.stroke;
    }
    return best;
  };
  const costCode = (a: number, b: number): number => {
    if (a === b) return 0;
    // nearly every pair a candidate list offers shares nothing: no memo lookup for those
    const x = 4 * a;
    const y = 4 * b;
    if (((sig[x]! & sig[y]!) | (sig[x + 1]! & sig[y + 1]!) | (sig[x + 2]! & sig[y + 2]!) | (sig[x + 3]! & sig[y + 3]!)) === 0) return Infinity;
    const key = (a << 16) | b;
    let v = memo.get(key);
    if (v === undefined) {
      v = rawCost(String.fromCharCode(a), String.fromCharCode(b));
      memo.set(key, v);
    }
    return v;
  };
  const pinyinGroups = pinyinData.groups as Record<string, string>;
  cached = {
    alikes(ch) {
      const out = new Set<string>();
      for (const py of readings.get(ch) ?? []) for (const x of pinyinGroups[py] ?? '') out.add(x);
      for (const g of shapeGroups.get(ch) ?? []) for (const x of shapeList[g]!) out.add(x);
      out.delete(ch);
      return [...out];
    },
    homophoneLookAlikes(ch) {
      const out = new Set<string>();
      const rs = readings.get(ch) ?? [];
      for (const g of shapeGroups.get(ch) ?? []) for (const x of shapeList[g]!) if (x !== ch && readings.get(x)?.some((r) => rs.includes(r))) out.add(x);
      return [...out];
    },
    cost: (a, b) => (a === b ? 0 : costCode(a.charCodeAt(0), b.charCodeAt(0))),
    costCode,
  };
  return cached;
}

/** The reason a substitution is plausible, for the evidence text. */
export function confusionReason(cost: number): string {
  const c = rules.confusionCost;
  return cost === c.samePinyin ? '同音' : cost === c.nearPinyin ? '近音' : cost === c.shape || cost === c.component || cost === c.stroke ? '形近' : '';
}

/**
 * Per char code, 128 bits (four words, side by side) with one bit set for each fuzzy reading,
 * shape group, component group and stroke pair the character has: two characters sharing no bit share none of
 * them, and every finite cost needs a shared one (a shared reading is a shared fuzzy reading too).
 */
function signatures(fuzzyOf: Map<string, string[]>, shapeGroups: Map<string, number[]>, componentGroups: Map<string, number[]>, strokeGroups: Map<string, number[]>): Int32Array {
  const sig = new Int32Array(4 * 0x10000);
  const set = (ch: string, key: number) => {
    if (ch.length !== 1) return; // lookups are by one UTF-16 unit
    const bit = mix(key) & 127;
    sig[4 * ch.charCodeAt(0) + (bit >> 5)]! |= 1 << (bit & 31);
  };
  const fuzzyIds = new Map<string, number>();
  for (const [ch, fs] of fuzzyOf) {
    for (const f of fs) {
      if (!fuzzyIds.has(f)) fuzzyIds.set(f, fuzzyIds.size);
      set(ch, 4 * fuzzyIds.get(f)!);
    }
  }
  for (const [ch, gs] of shapeGroups) for (const g of gs) set(ch, 4 * g + 1);
  for (const [ch, gs] of componentGroups) for (const g of gs) set(ch, 4 * g + 2);
  for (const [ch, gs] of strokeGroups) for (const g of gs) set(ch, 4 * g + 3);
  return sig;
}

/**
 * An open-addressing hash from two char codes (a << 16 | b, never 0: a ≠ b) to a cost, in typed
 * arrays: a lookup hashes no heap number and allocates nothing.
 */
class PairMemo {
  private keys = new Int32Array(1 << 12);
  private vals = new Float64Array(1 << 12);
  private size = 0;

  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let h = mix(key) & mask; ; h = (h + 1) & mask) {
      const k = this.keys[h]!;
      if (k === key) return this.vals[h]!;
      if (k === 0) return undefined;
    }
  }

  set(key: number, v: number) {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let h = mix(key) & mask;
    while (this.keys[h] !== 0) h = (h + 1) & mask;
    this.keys[h] = key;
    this.vals[h] = v;
    this.size++;
  }

  private grow() {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Float64Array(keys.length * 2);
    this.size = 0;
    for (let h = 0; h < keys.length; h++) if (keys[h] !== 0) this.set(keys[h]!, vals[h]!);
  }
}

/** character → the indexes of the groups it is in */
function membership(groups: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const ch of g) {
      const list = out.get(ch);
      if (list) list.push(i);
      else out.set(ch, [i]);
    }
  });
  return out;
}
