/**
 * A dictionary of wrong → right pairs compiled once into a multi-pattern matcher.
 *
 * Entries are indexed by their first UTF-16 unit; at each text position only the entries that
 * start with that unit are tried, so a scan costs about text length × (entries per first char).
 * Overlapping entries are all reported. Context strings suppress a hit: `notBefore` when one of
 * them ends right before the match, `notAfter` when one starts right after it. A wrong form that
 * begins or ends with a Latin letter also needs a non-letter on that side (Chian ≠ Chiang).
 */

export type EntryClass = 'typo' | 'expression';

export interface DictEntry {
  wrong: string;
  right: string;
  class: EntryClass;
  severity: 'deduct' | 'veto';
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
  start: number;
  end: number;
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

export function compileDictionary(entries: readonly DictEntry[]): CompiledDictionary {
  // keyed by UTF-16 code unit, with a flat table to skip the (almost all) non-starting units
  // quickly: indexing text[i] would allocate a string per character
  const byFirst = new Map<number, DictEntry[]>();
  const starts = new Uint8Array(65536);
  for (const e of entries) {
    if (!e.wrong) continue;
    const k = e.wrong.charCodeAt(0);
    starts[k] = 1;
    const list = byFirst.get(k);
    if (list) list.push(e);
    else byFirst.set(k, [e]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);

  return {
    entries,
    match(text: string): DictMatch[] {
      const out: DictMatch[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (!starts[c]) continue;
        const candidates = byFirst.get(c);
        if (!candidates) continue;
        for (const entry of candidates) {
          if (!text.startsWith(entry.wrong, i)) continue;
          const end = i + entry.wrong.length;
          if (contextAllows(entry, text, i, end)) out.push({ entry, start: i, end });
        }
      }
      return out;
    },
  };
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Problems with one raw entry (empty when valid); used when loading data and in tests. */
export function entryProblems(raw: unknown): string[] {
  const p: string[] = [];
  if (typeof raw !== 'object' || raw === null) return ['not an object'];
  const e = raw as Record<string, unknown>;
  if (typeof e.wrong !== 'string' || !e.wrong) p.push('wrong must be a non-empty string');
  if (typeof e.right !== 'string' || !e.right) p.push('right must be a non-empty string');
  if (e.wrong === e.right) p.push('wrong equals right');
  if (e.class !== 'typo' && e.class !== 'expression') p.push('class must be typo or expression');
  if (e.severity !== 'deduct' && e.severity !== 'veto') p.push('severity must be deduct or veto');
  for (const k of ['notBefore', 'notAfter'] as const) {
    if (e[k] !== undefined && !isStringArray(e[k])) p.push(`${k} must be a string array`);
  }
  if (!isStringArray(e.fires) || e.fires.length === 0) p.push('fires needs at least one sentence');
  if (!isStringArray(e.silent) || e.silent.length === 0) p.push('silent needs at least one sentence');
  if (e.note !== undefined && typeof e.note !== 'string') p.push('note must be a string');
  return p;
}

/** Validate raw JSON data into entries; throws naming the first bad entry. */
export function loadEntries(raw: unknown, source = 'dictionary'): DictEntry[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: expected an array of entries`);
  raw.forEach((r, i) => {
    const problems = entryProblems(r);
    if (problems.length) {
      const w = (r as { wrong?: unknown })?.wrong;
      throw new Error(`${source}[${i}] ${String(w)}: ${problems.join('; ')}`);
    }
  });
  return raw as DictEntry[];
}
