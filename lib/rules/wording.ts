/**
 * Wording rules from the curated dictionaries: 严重表述错误 (veto), known 错别字 (deduct) and
 * 新华社 禁用/慎用 forms (hint). All dictionaries are compiled once into one Aho–Corasick matcher;
 * each rule keeps the hits of its class. The inspector's own pairs (settings.customPairs) are
 * compiled per distinct list and cached; settings.exceptions suppress any hit inside them.
 * Footer text is checked too: a wrong name in the footer is still a wrong name.
 */
import type { Category, CustomPair, PageModel, Rule, RuleFinding, Settings, Severity } from '../types';
import { compileDictionary, loadEntries, type CompiledDictionary, type DictEntry, type DictMatch, type EntryClass } from '../text/matcher';
import { stripZeroWidth, toOriginalRange } from '../text/normalise';
import { congressEntries, leaderHits, memberListHits, type PoliticalHit } from './political-forms';
import { nameOutdatedRules } from './name-outdated';
import { formatRules } from './format';
import typosData from '../data/typos.json';
import expressionsData from '../data/expressions.json';
import discouragedData from '../data/discouraged.json';

/** Every shipped entry, in one list (tests run each entry's sentences). */
export const dictionaryEntries: DictEntry[] = (() => {
  const fixed = [
    ...loadEntries(expressionsData, 'expressions.json'),
    ...loadEntries(typosData, 'typos.json'),
    ...loadEntries(discouragedData, 'discouraged.json'),
  ];
  const seen = new Set(fixed.map((e) => e.wrong));
  return [...fixed, ...congressEntries().filter((e) => !seen.has(e.wrong))];
})();

export const wordingDictionary = compileDictionary(dictionaryEntries);

/** Inspector pairs → entries (no test sentences: the inspector vouches for them). */
export function customEntries(pairs: readonly CustomPair[] | undefined): DictEntry[] {
  const out: DictEntry[] = [];
  for (const p of pairs ?? []) {
    const wrong = typeof p?.wrong === 'string' ? p.wrong.trim() : '';
    const right = typeof p?.right === 'string' ? p.right.trim() : '';
    if (!wrong || !right || wrong === right) continue; // bad stored input is skipped, never fatal
    out.push({ wrong, right, class: 'typo', severity: 'deduct', fires: [], silent: [], note: p.note || '自定义词条' });
  }
  return out;
}

let customKey = '';
let customDict: CompiledDictionary | null = null;
function customDictionary(pairs: readonly CustomPair[] | undefined): CompiledDictionary | null {
  const key = JSON.stringify(pairs ?? []);
  if (key !== customKey) {
    customKey = key;
    const entries = customEntries(pairs);
    customDict = entries.length ? compileDictionary(entries) : null;
  }
  return customDict;
}

/** [start, end) ranges of the exception phrases in the text (zero-width characters ignored). */
function exceptionRanges(text: string, exceptions: readonly string[] | undefined): [number, number][] {
  const phrases = (exceptions ?? []).filter((e) => typeof e === 'string' && e.trim()).map((e) => e.trim());
  if (!phrases.length) return [];
  const norm = stripZeroWidth(text);
  const out: [number, number][] = [];
  for (const ph of phrases) {
    for (let i = norm.text.indexOf(ph); i >= 0; i = norm.text.indexOf(ph, i + 1)) {
      const r = toOriginalRange(norm, i, i + ph.length);
      out.push([r.start, r.end]);
    }
  }
  return out;
}

const inside = (ranges: [number, number][], s: number, e: number) => ranges.some(([a, b]) => s >= a && e <= b);

interface PageHits {
  dict: DictMatch[];
  political: PoliticalHit[];
}

/** The rules share one scan of the same text and settings. */
let lastText: string | null = null;
let lastKey = '';
let last: PageHits = { dict: [], political: [] };
function hitsFor(text: string, settings: Settings): PageHits {
  const key = JSON.stringify([settings.customPairs ?? [], settings.exceptions ?? []]);
  if (text === lastText && key === lastKey) return last;
  const dict = wordingDictionary.match(text);
  const custom = customDictionary(settings.customPairs);
  if (custom) {
    dict.push(...custom.match(text));
    dict.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  const norm = stripZeroWidth(text);
  const political = [...memberListHits(norm.text), ...leaderHits(norm.text)].map((h) => ({
    ...h,
    ...toOriginalRange(norm, h.start, h.end),
  }));
  const ex = exceptionRanges(text, settings.exceptions);
  last = {
    dict: ex.length ? dict.filter((m) => !inside(ex, m.start, m.end)) : dict,
    political: ex.length ? political.filter((h) => !inside(ex, h.start, h.end)) : political,
  };
  lastText = text;
  lastKey = key;
  return last;
}

function dictionaryRule(
  id: string,
  title: string,
  category: Category,
  severity: Severity,
  cls: EntryClass,
  lead: string,
): Rule {
  return {
    id,
    title,
    category,
    severity,
    check(page: PageModel, settings: Settings): RuleFinding[] {
      const hits = hitsFor(page.text, settings);
      const found: RuleFinding[] = hits.dict
        .filter((m) => m.entry.class === cls)
        .map((m) => ({
          ruleId: id,
          severity,
          category,
          message: `${lead}：“${m.entry.wrong}”应为“${m.entry.right}”${m.zeroWidth ? '（文字中夹有不可见字符）' : ''}`,
          evidence: page.text.slice(m.start, m.end),
          suggestion: m.entry.right,
          start: m.start,
          end: m.end,
        }));
      if (cls === 'expression') {
        for (const h of hits.political) {
          found.push({ ruleId: id, severity, category, message: h.message, evidence: page.text.slice(h.start, h.end), suggestion: h.right, start: h.start, end: h.end });
        }
        found.sort((a, b) => a.start! - b.start!);
      }
      return found;
    },
  };
}

export const wordingRules: Rule[] = [
  dictionaryRule('expression.political', '严重表述错误', 'expression', 'veto', 'expression', '疑似严重表述错误'),
  dictionaryRule('typo.known', '错别字', 'typo', 'deduct', 'typo', '疑似错别字'),
  dictionaryRule('typo.discouraged', '不规范用语', 'typo', 'hint', 'discouraged', '新华社禁用或慎用的表述'),
  ...nameOutdatedRules,
  ...formatRules,
];
