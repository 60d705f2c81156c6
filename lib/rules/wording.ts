/**
 * Wording rules from the curated dictionaries: 严重表述错误 (veto), known 错别字 (deduct) and
 * 新华社 禁用/慎用 forms (hint). All dictionaries are compiled once into one Aho–Corasick matcher;
 * each rule keeps the hits of its class. The inspector's own pairs (settings.customPairs) are
 * compiled per distinct list and cached; settings.exceptions suppress any hit inside them.
 * Footer text is checked too: a wrong name in the footer is still a wrong name.
 */
import type { CustomPair, PageModel, Settings, Severity } from '../types';
import { defineRule, type DefinedRule, type Detection, type RuleSpec } from './define';
import { compileDictionary, loadEntries, type CompiledDictionary, type DictEntry, type DictMatch, type EntryClass } from '../text/matcher';
import { stripZeroWidth, toOriginalRange } from '../text/normalise';
import { needleFinder } from '../text/page-needles';
import { congressEntries, leaderHits, memberListHits, type PoliticalHit } from './political-forms';
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

/** Registered with the page's one needle pass at load; compiled there on the first search. */
const dictionaryNeedles = needleFinder(dictionaryEntries.filter((e) => e.wrong).map((e) => e.wrong));
let compiled: CompiledDictionary | null = null;
/**
 * The shipped dictionaries as one matcher: their wrong forms are searched in the page's shared
 * needle pass, whose automaton is compiled on the first search of the scan, so pages that import
 * the registry only for rule metadata (dashboard weights, side panel exports) never pay for it.
 */
export const wordingDictionary: CompiledDictionary = {
  entries: dictionaryEntries,
  match: (text) => (compiled ??= compileDictionary(dictionaryEntries, dictionaryNeedles)).match(text),
};

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

interface DictionaryRuleSpec extends Omit<RuleSpec, 'family' | 'severities'> {
  severity: Severity;
  cls: EntryClass;
  lead: string;
}

function dictionaryRule({ severity, cls, lead, ...spec }: DictionaryRuleSpec): DefinedRule {
  return defineRule({
    ...spec,
    family: 'wording',
    severities: [severity],
    check(page: PageModel, settings: Settings): Detection[] {
      const hits = hitsFor(page.text, settings);
      const found: Detection[] = hits.dict
        .filter((m) => m.entry.class === cls)
        .map((m) => ({
          message: `${lead}：“${m.entry.wrong}”应为“${m.entry.right}”${m.zeroWidth ? '（文字中夹有不可见字符）' : ''}`,
          evidence: page.text.slice(m.start, m.end),
          suggestion: m.entry.right,
          start: m.start,
          end: m.end,
        }));
      if (cls === 'expression') {
        for (const h of hits.political) {
          found.push({ message: h.message, evidence: page.text.slice(h.start, h.end), suggestion: h.right, start: h.start, end: h.end });
        }
        found.sort((a, b) => a.start! - b.start!);
      }
      return found;
    },
  });
}

/** The dictionary rules (name.outdated and format.* are families of their own). */
export const wordingRules: DefinedRule[] = [
  dictionaryRule({
    id: 'expression.political',
    title: '严重表述错误',
    category: 'expression',
    severity: 'veto',
    cls: 'expression',
    lead: '疑似严重表述错误',
    indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '出现严重表述错误' },
    vetoPhrase: '存在严重表述错误',
    examples: {
      fires: ['<p>全心全意为中国入民服务。</p>', '<p>认真学习贯彻党十九大精神。</p>', '<p>国务院总理李墙主持召开国务院常务会议。</p>'],
      silent: ['<p>全心全意为中国人民服务，认真学习贯彻党的十九大精神。</p>'],
    },
  }),
  dictionaryRule({
    id: 'typo.known',
    title: '错别字',
    category: 'typo',
    severity: 'deduct',
    cls: 'typo',
    lead: '疑似错别字',
    indicator: { kind: 'outside', note: '内容差错：一般错别字（严重表述错误见 expression.political）' },
    weight: { points: 1, cap: 10 },
    examples: { fires: ['<p>清明节前夕，干部群众到陵园缅怀革命烈土。</p>'], silent: ['<p>清明节前夕，干部群众到陵园缅怀革命烈士。</p>'] },
  }),
  dictionaryRule({
    id: 'typo.discouraged',
    title: '不规范用语',
    category: 'typo',
    severity: 'hint',
    cls: 'discouraged',
    lead: '新华社禁用或慎用的表述',
    indicator: { kind: 'outside', note: '巡检提示：新华社禁用、慎用词' },
    weight: { points: 0.5, cap: 3 },
    examples: { fires: ['<p>中共湖南省省委书记出席会议。</p>'], silent: ['<p>中共湖南省委书记出席会议。</p>'] },
  }),
];
