/**
 * typo.context: real-word confusions (的/得/地, 在/再, 以/已 …) that no non-word detector can see,
 * found by LanguageTool-style context rules (lib/data/typo-context-rules.json). Each rule names a
 * wrong character, its correction and what must stand right before and after it: a sequence of
 * elements, each a literal set ("见 次"), a word class ("@degree") or a POS class derived from
 * jieba's tags at build time ("@pos.v"); "@end" is a clause end (punctuation or the block's edge).
 * Cheap: one scan for the few trigger characters, then local checks.
 */
import data from '../data/typo-context-rules.json';
import { overlaps, type Range } from './skip';
import type { TypoFinding, TypoSeverity } from './types';

export interface ContextRule {
  id: string;
  wrong: string;
  right: string;
  before?: string[];
  after?: string[];
  /** literal strings that, starting right after the wrong character, silence the rule */
  exceptAfter?: string[];
  /** literal strings that, ending right before the wrong character, silence the rule */
  exceptBefore?: string[];
  /**
   * an element whose words, earlier in the clause, silence the rule (an indirect question:
   * 不知道他在哪里, 无论走到哪里)
   */
  exceptEarlierInClause?: string;
  /** words of class `has` within `span` characters before the wrong one, none of class `lacks` within `span` either side */
  near?: { has: string; lacks: string; span: number };
  /** true: only in a question (the sentence ends with ？); false: only outside one */
  question?: boolean;
  severity: TypoSeverity;
  message: string;
}

/** Does the sentence holding `at` end with a question mark? */
function inQuestion(text: string, at: number): boolean {
  for (let j = at; j < text.length; j++) {
    const c = text[j]!;
    if (c === '？' || c === '?') return true;
    if (c === '。' || c === '！' || c === '!' || c === '\n') return false;
  }
  return false;
}

/** Where the clause holding `at` starts (after the last clause or sentence end, or the text's start). */
function clauseStart(text: string, at: number): number {
  let j = at;
  while (j > 0 && !END.includes(text[j - 1]!) && text[j - 1] !== '\n') j--;
  return j;
}

/** A set of words with the lengths it holds (a match tries only those). */
interface WordSet {
  words: Set<string>;
  lengths: number[];
  end: boolean;
}

const END = data.endPunctuation;

function wordSet(words: Iterable<string>, end = false): WordSet {
  const set = new Set(words);
  return { words: set, lengths: [...new Set([...set].map((w) => w.length))].sort((a, b) => b - a), end };
}

interface Compiled {
  rule: ContextRule;
  before: WordSet[];
  after: WordSet[];
  exceptAfter: string[];
  exceptBefore: string[];
  near: { has: WordSet; lacks: WordSet; span: number } | null;
  earlier: WordSet | null;
}

let compiled: { byChar: Map<string, Compiled[]>; trigger: RegExp } | null = null;

/** Does any word of the set occur in text[from, to)? */
function occursIn(text: string, from: number, to: number, set: WordSet): boolean {
  for (let j = Math.max(0, from); j < Math.min(to, text.length); j++) for (const n of set.lengths) if (j + n <= to && set.words.has(text.slice(j, j + n))) return true;
  return false;
}

function compile() {
  const classes = new Map<string, WordSet>();
  for (const [name, list] of Object.entries(data.classes as Record<string, string>)) classes.set(`@${name}`, wordSet(list.split(' ').filter(Boolean)));
  for (const [name, list] of Object.entries(data.pos as Record<string, string>)) classes.set(`@pos.${name}`, wordSet(list.split(' ').filter(Boolean)));
  /** an element: tokens separated by spaces, each a literal word, a class or @end; their union */
  const element = (e: string): WordSet => {
    const words: string[] = [];
    let end = false;
    for (const t of e.split(' ').filter(Boolean)) {
      if (t === '@end') end = true;
      else if (t.startsWith('@')) {
        const c = classes.get(t);
        if (!c) throw new Error(`typo-context-rules.json: unknown class ${t}`);
        words.push(...c.words);
      } else words.push(t);
    }
    return wordSet(words, end);
  };
  const byChar = new Map<string, Compiled[]>();
  for (const rule of data.rules as ContextRule[]) {
    const near = rule.near ? { has: element(rule.near.has), lacks: element(rule.near.lacks), span: rule.near.span } : null;
    const earlier = rule.exceptEarlierInClause ? element(rule.exceptEarlierInClause) : null;
    const entry = { rule, before: (rule.before ?? []).map(element), after: (rule.after ?? []).map(element), exceptAfter: rule.exceptAfter ?? [], exceptBefore: rule.exceptBefore ?? [], near, earlier };
    (byChar.get(rule.wrong) ?? byChar.set(rule.wrong, []).get(rule.wrong)!).push(entry);
  }
  const chars = [...byChar.keys()].join('');
  compiled = { byChar, trigger: new RegExp(`[${chars}]`, 'gu') };
  return compiled;
}

/** Does the sequence match forwards from `at`? */
function matchAfter(text: string, at: number, seq: WordSet[], i = 0): boolean {
  if (i === seq.length) return true;
  const s = seq[i]!;
  if (s.end && (at >= text.length || END.includes(text[at]!)) && matchAfter(text, at, seq, i + 1)) return true;
  for (const n of s.lengths) if (s.words.has(text.slice(at, at + n)) && matchAfter(text, at + n, seq, i + 1)) return true;
  return false;
}

/** Does the sequence match backwards, its last element ending at `at`? */
function matchBefore(text: string, at: number, seq: WordSet[], i = seq.length - 1): boolean {
  if (i < 0) return true;
  const s = seq[i]!;
  if (s.end && (at <= 0 || END.includes(text[at - 1]!)) && matchBefore(text, at, seq, i - 1)) return true;
  for (const n of s.lengths) if (n <= at && s.words.has(text.slice(at - n, at)) && matchBefore(text, at - n, seq, i - 1)) return true;
  return false;
}

export function contextTypos(text: string, skip: readonly Range[] = [], only?: string): TypoFinding[] {
  const { byChar, trigger } = compiled ?? compile();
  const out: TypoFinding[] = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    const i = m.index;
    for (const r of byChar.get(m[0])!) {
      if (only && r.rule.id !== only) continue;
      if (!matchBefore(text, i, r.before) || !matchAfter(text, i + 1, r.after)) continue;
      if (r.exceptAfter.some((w) => text.startsWith(w, i + 1)) || r.exceptBefore.some((w) => text.endsWith(w, i))) continue;
      if (r.near && (!occursIn(text, i - r.near.span, i, r.near.has) || occursIn(text, i - r.near.span, i, r.near.lacks) || occursIn(text, i + 1, i + 1 + r.near.span, r.near.lacks))) continue;
      if (r.rule.question !== undefined && inQuestion(text, i) !== r.rule.question) continue;
      if (r.earlier && occursIn(text, clauseStart(text, i), i, r.earlier)) continue;
      if (overlaps(skip, i, i + 1)) continue;
      out.push({ start: i, end: i + 1, wrong: r.rule.wrong, right: r.rule.right, kind: 'typo.context', severity: r.rule.severity, evidence: r.rule.message });
      break;
    }
  }
  return out;
}

export const contextRules = (): ContextRule[] => data.rules as ContextRule[];
