/**
 * name.place-variant: a well-known geographic name (lib/data/typo-geo-names.json: major rivers,
 * lakes, mountains, islands, regions) with one character replaced by a sound- or look-alike
 * (黄埔江 for 黄浦江, 洞亭湖 for 洞庭湖). A window that is itself a word of the lexicon or a name
 * of the division table is left alone: it may be another real place. A hint: the inspector
 * confirms.
 * The sound-alike sets are large (tens of thousands of variants), so instead of matching every
 * variant, each window is counted by the name characters it holds in place; a window that holds
 * all but one is checked.
 */
import geo from '../data/typo-geo-names.json';
import placesData from '../data/typo-places.json';
import rules from '../data/typo-rules.json';
import { confusion } from './confusion';
import { lexicon } from './lexicon';
import type { TypoFinding } from './types';

interface GeoIndex {
  names: string[];
  /** character → [name index, position in the name] for every character of every name */
  where: Map<string, [number, number][]>;
  known: Set<string>;
}

let cached: GeoIndex | null = null;

function index(): GeoIndex {
  if (cached) return cached;
  const names = [...new Set(Object.values(geo.groups).flatMap((g) => g.split(' ')))].filter((n) => n.length >= geo.minLength);
  const where = new Map<string, [number, number][]>();
  names.forEach((name, n) => {
    for (let i = 0; i < name.length; i++) (where.get(name[i]!) ?? where.set(name[i]!, []).get(name[i]!)!).push([n, i]);
  });
  const known = new Set(names);
  for (const list of Object.values(placesData.provinces as Record<string, string>)) for (const n of list.split(' ')) known.add(n);
  cached = { names, where, known };
  return cached;
}

export function geoNameTypos(text: string): TypoFinding[] {
  const { names, where, known } = index();
  const counts = new Map<number, number>();
  const stride = names.length;
  for (let p = 0; p < text.length; p++) {
    const at = where.get(text[p]!);
    if (!at) continue;
    for (const [n, i] of at) {
      const start = p - i;
      if (start < 0 || start + names[n]!.length > text.length) continue;
      const key = start * stride + n;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const out: TypoFinding[] = [];
  if (!counts.size) return out;
  const conf = confusion();
  const lex = lexicon(rules.word.minBucket);
  for (const [key, count] of counts) {
    const n = key % stride;
    const name = names[n]!;
    if (count !== name.length - 1) continue;
    const start = (key - n) / stride;
    const w = text.slice(start, start + name.length);
    let k = 0;
    while (w[k] === name[k]) k++;
    if (!Number.isFinite(conf.cost(w[k]!, name[k]!)) || known.has(w) || lex.logP(w) !== undefined) continue;
    out.push({ start, end: start + name.length, wrong: w, right: name, kind: 'name.place-variant', severity: 'hint', evidence: `疑似地名“${name}”写错` });
  }
  return out.sort((a, b) => a.start - b.start);
}
