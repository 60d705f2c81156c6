/**
 * typo.ganzhi: a 干支 year written with a look-alike character (已亥年 for 己亥年, 戊戍年 for 戊戌年).
 * A stem–branch pair names a year only when both are yang or both yin (甲子 yes, 甲丑 no); a pair
 * that is no year and becomes exactly one year by one look-alike swap, next to 年 / after 岁次, is wrong.
 */
import rules from '../data/typo-rules.json';
import { lexicon } from './lexicon';
import type { TypoFinding } from './types';

const G = rules.ganzhi;
const STEMS = G.stems;
const BRANCHES = G.branches;

const isYear = (pair: string) => {
  const s = STEMS.indexOf(pair[0]!);
  const b = BRANCHES.indexOf(pair[1]!);
  return s >= 0 && b >= 0 && s % 2 === b % 2;
};

const alike = new Map<string, string>();
for (const g of G.lookAlike) for (const ch of g) alike.set(ch, g.replace(ch, ''));

/** The one year the pair becomes by one look-alike swap, or null (none, or ambiguous). */
function corrected(pair: string): string | null {
  const fixes = new Set<string>();
  for (let i = 0; i < 2; i++) {
    for (const ch of alike.get(pair[i]!) ?? '') {
      const c = i === 0 ? ch + pair[1] : pair[0] + ch;
      if (isYear(c)) fixes.add(c);
    }
  }
  return fixes.size === 1 ? [...fixes][0]! : null;
}

/** A Gregorian year written right before the pair ("2019年己亥年", "2019年（农历己亥年"). */
const YEAR_BEFORE = new RegExp(G.yearBefore + '$', 'u');
function gregorianBefore(text: string, i: number): number | null {
  const m = YEAR_BEFORE.exec(text.slice(Math.max(0, i - 12), i));
  const y = m ? Number(m[1]) : NaN;
  return y >= G.yearRange[0]! && y <= G.yearRange[1]! ? y : null;
}

/** 1984 was 甲子: the cycle counts from there. */
const yearName = (y: number) => STEMS[(((y - 4) % 10) + 10) % 10]! + BRANCHES[(((y - 4) % 12) + 12) % 12]!;

/** the stems, branches and their look-alikes by char code (a table: the loop visits every character) */
const CHARS = new Uint8Array(0x10000);
for (const ch of [...STEMS, ...BRANCHES, ...G.lookAlike.join('')]) if (ch.length === 1) CHARS[ch.charCodeAt(0)] = 1;

export function ganzhiTypos(text: string): TypoFinding[] {
  const out: TypoFinding[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (!CHARS[text.charCodeAt(i)] || !CHARS[text.charCodeAt(i + 1)]) continue;
    const cued = G.after.some((w) => text.startsWith(w, i + 2)) || G.before.some((w) => i >= w.length && text.startsWith(w, i - w.length));
    const pair = text.slice(i, i + 2);
    if (!cued) continue;
    // 自己已年过半百: the first character belongs to the word before it
    if (i > 0 && lexicon(rules.word.minBucket).logP(text[i - 1]! + text[i]!) !== undefined) continue;
    const year = gregorianBefore(text, i);
    const right = year ? yearName(year) : isYear(pair) ? null : corrected(pair);
    if (!right || right === pair) continue;
    out.push({
      start: i,
      end: i + 2,
      wrong: pair,
      right,
      kind: 'typo.ganzhi',
      severity: 'deduct',
      evidence: year ? `公历${year}年是${right}年，不是“${pair}”年` : `“${pair}”不是干支纪年，形近字改正后为“${right}”`,
    });
  }
  return out;
}
