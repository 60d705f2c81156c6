/**
 * name.place-variant: a well-known geographic name (lib/data/typo-geo-names.json: major rivers,
 * lakes, mountains, islands, regions) or a division name whose core has 3–4 characters (鲅鱼圈区,
 * 门头沟; lib/data/typo-places.json) with one character replaced by a sound- or look-alike
 * (黄埔江 for 黄浦江, 洞亭湖 for 洞庭湖, 门头勾区 for 门头沟区). A window that is itself a word of the
 * lexicon, another listed name or a name of the division table is left alone: it may be another
 * real place. A division core met without its suffix is weaker evidence: the changed character
 * must also make no word with its neighbour in the window (a phrase, not a name). A hint: the
 * inspector confirms.
 * The sound-alike sets are large (tens of thousands of variants), so instead of matching every
 * variant, a window is compared with a name where the text holds the name's first or second
 * character in place (one substitution leaves one of the two).
 */
import geo from '../data/typo-geo-names.json';
import rules from '../data/typo-rules.json';
import { confusion } from './confusion';
import { lexicon } from './lexicon';
import { allDivisionNames, isDivisionName, unitCore } from './place';
import type { TypoFinding } from './types';
import { oneDiff } from './one-diff';

interface GeoIndex {
  names: string[];
  /** char code → indices of the names starting with it; and of the names whose second character it is */
  first: Map<number, number[]>;
  second: Map<number, number[]>;
  /** per char code: 1 when some name starts with it, 2 when it is some name's second character */
  flags: Uint8Array;
  /** the names themselves: a variant that is another listed name is that place */
  known: Set<string>;
  /** per name: 1 when it is a division name without its suffix (needs the neighbour test) */
  bare: Uint8Array;
}

let cached: GeoIndex | null = null;

function index(): GeoIndex {
  if (cached) return cached;
  const geoNames = [...new Set(Object.values(geo.groups).flatMap((g) => g.split(' ')))].filter((n) => n.length >= geo.minLength);
  const { divisions } = geo;
  const excluded = new RegExp(divisions.excludedCore, 'u');
  const divisionNames = allDivisionNames();
  const known = new Set(geoNames);
  const full = new Set<string>();
  const bareNames = new Set<string>();
  for (const d of divisionNames) {
    const core = unitCore(d);
    known.add(d);
    known.add(core);
    if (core === d || core.length < divisions.minCore || core.length > divisions.maxCore || excluded.test(core)) continue;
    full.add(d);
    bareNames.add(core);
  }
  const names = [...new Set([...geoNames, ...full, ...bareNames])];
  const listed = new Set(geoNames);
  const bare = Uint8Array.from(names, (n) => (bareNames.has(n) && !listed.has(n) ? 1 : 0));
  const first = new Map<number, number[]>();
  const second = new Map<number, number[]>();
  const add = (m: Map<number, number[]>, c: number, n: number) => (m.get(c) ?? m.set(c, []).get(c)!).push(n);
  const flags = new Uint8Array(65536);
  names.forEach((name, n) => {
    add(first, name.charCodeAt(0), n);
    add(second, name.charCodeAt(1), n);
    flags[name.charCodeAt(0)]! |= 1;
    flags[name.charCodeAt(1)]! |= 2;
  });
  cached = { names, first, second, flags, known, bare };
  return cached;
}

export function geoNameTypos(text: string): TypoFinding[] {
  const { names, first, second, flags, known, bare } = index();
  const out: TypoFinding[] = [];
  const conf = confusion();
  const lex = lexicon(rules.word.minBucket);
  const check = (start: number, n: number) => {
    const name = names[n]!;
    if (start < 0 || start + name.length > text.length) return;
    const k = oneDiff(text, start, name);
    if (k < 0 || !Number.isFinite(conf.costCode(text.charCodeAt(start + k), name.charCodeAt(k)))) return;
    const w = text.slice(start, start + name.length);
    if (known.has(w) || isDivisionName(w) || lex.logP(w) !== undefined) return;
    // 鱿鱼圈 is a dish, not a misspelt 鲅鱼圈; 东西胡乱 no misspelt 东西湖: without the suffix the
    // changed character must make no word with either neighbour, in the window or out of it
    const at = start + k;
    if (bare[n] && ((at > 0 && !Number.isNaN(lex.logPAt(text, at - 1, 2))) || (at + 1 < text.length && !Number.isNaN(lex.logPAt(text, at, 2))))) return;
    out.push({ start, end: start + name.length, wrong: w, right: name, kind: 'name.place-variant', severity: 'hint', evidence: `疑似地名“${name}”写错` });
  };
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    const flag = flags[c]!;
    if (flag === 0) continue;
    if (flag & 1) for (const n of first.get(c)!) check(p, n);
    // first character replaced: the window starts one before; when the first matched it was checked above
    if (flag & 2) for (const n of second.get(c)!) if (p > 0 && text.charCodeAt(p - 1) !== names[n]!.charCodeAt(0)) check(p - 1, n);
  }
  return out;
}
