/**
 * expression.leader-name: a central leader's name (lib/data/leaders.json, three-character names;
 * former leaders from lib/data/leaders-former.json) written with its characters swapped (习平近)
 * or one character replaced by a sound- or look-alike (习近乎, 何立锋, 林政月娥). Anywhere in the
 * text for names whose surname is too rare to be anyone else's (noCueNeeded: 习近平) and for
 * four-character names; for the others the leader's title must be near, or the name written
 * right in the same text, since 张清国 or 刘国忠 may well be a local official's real name. A match whose first
 * character makes a word with the one before (学习近乎) is ordinary text. Two-character names are
 * left to the title check in lib/rules: alone they are too often other people's names.
 */
import leadersData from '../data/leaders.json';
import formerLeaders from '../data/leaders-former.json';
import rules from '../data/typo-rules.json';
import { AhoCorasick } from '../text/aho-corasick';
import { confusion } from './confusion';
import { lexicon } from './lexicon';
import type { TypoFinding } from './types';

const L = rules.leaders;

interface Variant {
  name: string;
  titles: string[];
  swapped: boolean;
}

let cached: { matcher: AhoCorasick; variants: Variant[]; names: string[] } | null = null;

function permutations(s: string): string[] {
  if (s.length <= 1) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) for (const p of permutations(s.slice(0, i) + s.slice(i + 1))) out.push(s[i] + p);
  return out;
}

function build() {
  if (cached) return cached;
  const conf = confusion();
  const leaders = [...leadersData.leaders, ...formerLeaders.leaders].filter((l) => l.name.length >= L.minNameLength);
  const names = leaders.map((l) => l.name);
  const map = new Map<string, Variant>();
  for (const l of leaders) {
    for (const p of permutations(l.name)) {
      if (!names.includes(p) && !map.has(p)) map.set(p, { name: l.name, titles: l.titles, swapped: true });
    }
    for (let i = 0; i < l.name.length; i++) {
      for (const x of conf.alikes(l.name[i]!)) {
        const v = l.name.slice(0, i) + x + l.name.slice(i + 1);
        if (!names.includes(v) && !map.has(v)) map.set(v, { name: l.name, titles: l.titles, swapped: false });
      }
    }
  }
  const patterns = [...map.keys()];
  cached = { matcher: new AhoCorasick(patterns), variants: patterns.map((p) => map.get(p)!), names };
  return cached;
}

export function leaderTypos(text: string): TypoFinding[] {
  const { matcher, variants, names } = build();
  const lex = lexicon(rules.word.minBucket);
  const out: TypoFinding[] = [];
  matcher.search(text, (pattern, start, end) => {
    const v = variants[pattern]!;
    // part of the real name written right (…习近平习…) or of an ordinary word (学习近乎)
    if (names.some((n) => overlapsName(text, n, start, end))) return;
    if (start > 0 && lex.logP(text[start - 1]! + text[start]!) !== undefined) return;
    if (!L.noCueNeeded.includes(v.name) && v.name.length < L.noCueLength && !text.includes(v.name)) {
      const around = text.slice(Math.max(0, start - L.titleWindow), Math.min(text.length, end + L.titleWindow));
      if (!v.titles.some((t) => around.includes(t))) return;
    }
    const wrong = text.slice(start, end);
    out.push({
      start,
      end,
      wrong,
      right: v.name,
      kind: 'expression.leader-name',
      severity: 'veto',
      evidence: v.swapped ? `领导人姓名“${v.name}”字序颠倒为“${wrong}”` : `领导人姓名“${v.name}”误写为“${wrong}”`,
    });
  });
  return out;
}

function overlapsName(text: string, name: string, start: number, end: number): boolean {
  for (let i = text.indexOf(name, Math.max(0, start - name.length + 1)); i >= 0 && i < end; i = text.indexOf(name, i + 1)) {
    if (i + name.length > start) return true;
  }
  return false;
}
