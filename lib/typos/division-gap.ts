/**
 * name.place-variant, a character dropped: a division name whose core (the name without its unit
 * suffix) has at least gapMinCore characters, written with one character of the core left out,
 * suffix kept (齐齐哈市 for 齐齐哈尔市). The first character is never the dropped one (鲁木齐市 is
 * the tail of a correct 乌鲁木齐市), nor is a gap that the right name written around it holds
 * (齐哈尔市 in 齐齐哈尔市); a gap that is itself a division name or a word of the lexicon is left
 * alone. A hint: the inspector confirms. Names: lib/data/typo-places.json.
 */
import geo from '../data/typo-geo-names.json';
import rules from '../data/typo-rules.json';
import { AhoCorasick } from '../text/aho-corasick';
import { lexicon } from './lexicon';
import { allDivisionNames, isDivisionCore, isDivisionName, unitCore } from './place';
import type { TypoFinding } from './types';

let cached: { matcher: AhoCorasick; right: string[] } | null = null;

function gaps() {
  if (cached) return cached;
  const lex = lexicon(rules.word.minBucket);
  const names = allDivisionNames();
  const variants = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const name of new Set(names)) {
    const core = unitCore(name);
    if (core === name || core.length < geo.divisions.gapMinCore) continue;
    const suffix = name.slice(core.length);
    for (let k = 1; k < core.length; k++) {
      const gapCore = core.slice(0, k) + core.slice(k + 1);
      const variant = gapCore + suffix;
      if (isDivisionName(variant) || isDivisionCore(gapCore) || lex.logP(gapCore) !== undefined) continue;
      // one gap, two names (a dropped 尔 or 哈): no single correction to offer
      if (variants.has(variant) && variants.get(variant) !== name) ambiguous.add(variant);
      else variants.set(variant, name);
    }
  }
  for (const v of ambiguous) variants.delete(v);
  cached = { matcher: new AhoCorasick([...variants.keys()]), right: [...variants.values()] };
  return cached;
}

export function divisionGapTypos(text: string): TypoFinding[] {
  const { matcher, right } = gaps();
  const out: TypoFinding[] = [];
  matcher.search(text, (pattern, start, end) => {
    const name = right[pattern]!;
    // the gap may be part of the name written right (齐哈尔市 inside 齐齐哈尔市)
    const around = text.slice(Math.max(0, end - name.length), start + name.length);
    if (around.includes(name)) return;
    out.push({ start, end, wrong: text.slice(start, end), right: name, kind: 'name.place-variant', severity: 'hint', evidence: `疑似地名“${name}”漏写一字` });
  });
  return out;
}
