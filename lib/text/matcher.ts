/**
 * A dictionary of wrong → right pairs compiled once into an Aho–Corasick automaton: one pass over
 * the text finds every entry, whatever the dictionary's size. Zero-width characters inside words
 * are ignored (lib/text/normalise) and offsets point back into the original text.
 * Overlapping entries are all reported. Context strings suppress a hit: `notBefore` when one of
 * them ends right before the match, `notAfter` when one starts right after it. A wrong form that
 * begins or ends with a Latin letter also needs a non-letter on that side (Chian ≠ Chiang).
 */

import { AhoCorasick } from './aho-corasick';
import type { NeedleFinder } from './page-needles';
import { stripZeroWidth, toOriginalRange } from './normalise';

export type EntryClass = 'typo' | 'expression' | 'discouraged';
const CLASSES = ['typo', 'expression', 'discouraged'];
const SEVERITIES = ['deduct', 'veto', 'hint'];

export interface DictEntry {
  wrong: string;
  right: string;
  class: EntryClass;
  severity: 'deduct' | 'veto' | 'hint';
  notBefore?: string[];
  notAfter?: string[];
  /** sentences where the entry must fire (tests) */
  fires: string[];
  /** sentences where it must not fire (tests) */
  silent: string[];
  note?: string;
}

export interface DictMatch {
  entry: DictEntry;
  /** offsets into the original text */
  start: number;
  end: number;
  /** the original text had zero-width characters inside the match */
  zeroWidth?: boolean;
}

export interface CompiledDictionary {
  entries: readonly DictEntry[];
  /** every hit in text order (ties: longer wrong form first) */
  match(text: string): DictMatch[];
}

const LATIN = /[A-Za-z]/;

function contextAllows(entry: DictEntry, text: string, start: number, end: number): boolean {
  for (const nb of entry.notBefore ?? []) {
    if (nb && start >= nb.length && text.startsWith(nb, start - nb.length)) return false;
  }
  for (const na of entry.notAfter ?? []) {
    if (na && text.startsWith(na, end)) return false;
  }
  const w = entry.wrong;
  if (LATIN.test(w[0]!) && start > 0 && LATIN.test(text[start - 1]!)) return false;
  if (LATIN.test(w[w.length - 1]!) && end < text.length && LATIN.test(text[end]!)) return false;
  return true;
}

/**
 * `finder`, when given, searches the usable entries' wrong forms (entries with one, in order):
 * the page's shared needle pass (lib/text/page-needles) instead of a matcher of its own.
 */
export function compileDictionary(entries: readonly DictEntry[], finder?: NeedleFinder): CompiledDictionary {
  const usable = entries.filter((e) => e.wrong);
  const ac = finder ? null : new AhoCorasick(usable.map((e) => e.wrong));
  const search = (text: string, onMatch: (p: number, start: number, end: number) => void) =>
    ac ? ac.searchByStart(text, onMatch) : finder!.each(text, (p, start) => onMatch(p, start, start + usable[p]!.wrong.length));
  return {
    entries,
    match(original: string): DictMatch[] {
      const norm = stripZeroWidth(original);
      const text = norm.text;
      const out: DictMatch[] = [];
      search(text, (p, start, end) => {
        const entry = usable[p]!;
        if (!contextAllows(entry, text, start, end)) return;
        if (!norm.map) {
          out.push({ entry, start, end });
          return;
        }
        const r = toOriginalRange(norm, start, end);
        out.push({ entry, start: r.start, end: r.end, ...(r.end - r.start !== end - start ? { zeroWidth: true } : {}) });
      });
      // the automaton reports by end position; callers want text order, longer first on ties
      return out.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Problems with one raw entry (empty when valid); used when loading data and in tests. The
 * extension build strips the test sentences (scripts/strip-examples.ts), so loading does not
 * require them; the dictionary tests do.
 */
export function entryProblems(raw: unknown, opts: { requireExamples?: boolean } = {}): string[] {
  const requireExamples = opts.requireExamples ?? true;
  const p: string[] = [];
  if (typeof raw !== 'object' || raw === null) return ['not an object'];
  const e = raw as Record<string, unknown>;
  if (typeof e.wrong !== 'string' || !e.wrong) p.push('wrong must be a non-empty string');
  if (typeof e.right !== 'string' || !e.right) p.push('right must be a non-empty string');
  if (e.wrong === e.right) p.push('wrong equals right');
  if (!CLASSES.includes(e.class as string)) p.push(`class must be one of ${CLASSES.join('/')}`);
  if (!SEVERITIES.includes(e.severity as string)) p.push(`severity must be one of ${SEVERITIES.join('/')}`);
  for (const k of ['notBefore', 'notAfter'] as const) {
    if (e[k] !== undefined && !isStringArray(e[k])) p.push(`${k} must be a string array`);
  }
  for (const k of ['fires', 'silent'] as const) {
    if (e[k] === undefined && !requireExamples) continue;
    if (!isStringArray(e[k]) || (e[k] as string[]).length === 0) p.push(`${k} needs at least one sentence`);
  }
  if (e.note !== undefined && typeof e.note !== 'string') p.push('note must be a string');
  return p;
}

/** Validate raw JSON data into entries; throws naming the first bad entry. */
export function loadEntries(raw: unknown, source = 'dictionary'): DictEntry[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: expected an array of entries`);
  raw.forEach((r, i) => {
    const problems = entryProblems(r, { requireExamples: false });
    if (problems.length) {
      const w = (r as { wrong?: unknown })?.wrong;
      throw new Error(`${source}[${i}] ${String(w)}: ${problems.join('; ')}`);
    }
  });
  return (raw as DictEntry[]).map((e) => (e.fires && e.silent ? e : { ...e, fires: e.fires ?? [], silent: e.silent ?? [] }));
}
