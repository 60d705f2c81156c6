/**
 * The fixed needle lists of the scan (the wording dictionary, leader titles, renamed bodies, blank
 * markers …) searched together in one pass over the page text: each list on its own cost a pass,
 * and the pass, not the list's size, is what a long page pays for. Lists register when their module
 * loads; the one matcher is compiled on the first search and the hits of the last text are kept.
 */
import { AhoCorasick } from './aho-corasick';

const all: string[] = [];
let ac: AhoCorasick | null = null;
let lastText: string | null = null;
/** flat (needle index in `all`, start) pairs in start order */
let lastHits: number[] = [];

function hitsIn(text: string): number[] {
  if (text !== lastText) {
    ac ??= new AhoCorasick(all);
    const hits: number[] = [];
    ac.searchByStart(text, (p, start) => hits.push(p, start));
    lastText = text;
    lastHits = hits;
  }
  return lastHits;
}

export interface NeedleFinder {
  /** calls onHit(i, start) for every occurrence of needles[i], overlapping ones included, in start order */
  each(text: string, onHit: (i: number, start: number) => void): void;
  /** for needles[i], every start in text order (what indexOf from each start + 1 finds) */
  positions(text: string): number[][];
}

/** Registers a list (call it at module load, so the matcher is compiled once with every list). */
export function needleFinder(needles: readonly string[]): NeedleFinder {
  const from = all.length;
  all.push(...needles);
  ac = null;
  lastText = null;
  const to = all.length;
  const each = (text: string, onHit: (i: number, start: number) => void) => {
    const hits = hitsIn(text);
    for (let k = 0; k < hits.length; k += 2) {
      const p = hits[k]!;
      if (p >= from && p < to) onHit(p - from, hits[k + 1]!);
    }
  };
  return {
    each,
    positions(text) {
      const out: number[][] = needles.map(() => []);
      each(text, (i, start) => out[i]!.push(start));
      return out;
    },
  };
}
