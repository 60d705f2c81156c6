/**
 * Where each of a fixed list of needles occurs, found in one pass over the text: a rule that
 * looks for twenty phrases with indexOf reads a long page twenty times.
 */
import { AhoCorasick } from './aho-corasick';

/**
 * A finder for one needle list, built on first use. The result lists, for needles[i], every
 * start position in text order, overlapping ones included (as indexOf from each start + 1).
 */
export function occurrenceFinder(needles: readonly string[]): (text: string) => number[][] {
  let ac: AhoCorasick | null = null;
  return (text) => {
    ac ??= new AhoCorasick(needles);
    const out: number[][] = needles.map(() => []);
    ac.searchByStart(text, (p, start) => out[p]!.push(start));
    return out;
  };
}
