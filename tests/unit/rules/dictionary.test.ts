/**
 * Every dictionary entry proves itself: each `fires` sentence must yield a match of that entry,
 * each `silent` sentence must not (the LanguageTool way).
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, entryProblems, type DictEntry } from '../../../lib/text/matcher';
import typosData from '../../../lib/data/typos.json';
import expressionsData from '../../../lib/data/expressions.json';

const files: [string, unknown[], DictEntry['class'], DictEntry['severity']][] = [
  ['typos.json', typosData, 'typo', 'deduct'],
  ['expressions.json', expressionsData, 'expression', 'veto'],
];
const all = files.flatMap(([, data]) => data as DictEntry[]);
const dict = compileDictionary(all);

describe('dictionary entries', () => {
  it('every entry fires on its fires sentences and stays silent on its silent sentences', () => {
    const failures: string[] = [];
    for (const e of all) {
      for (const s of e.fires) {
        if (!dict.match(s).some((m) => m.entry === e)) failures.push(`${e.wrong}: should fire on “${s}”`);
      }
      for (const s of e.silent) {
        if (dict.match(s).some((m) => m.entry === e)) failures.push(`${e.wrong}: should be silent on “${s}”`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(files)('%s: fields are valid and match the file', (_name, data, cls, severity) => {
    expect(data.length).toBeGreaterThan(0);
    for (const raw of data) {
      const e = raw as DictEntry;
      expect(entryProblems(e), e.wrong).toEqual([]);
      expect(e.wrong).not.toBe(e.right);
      expect(e.class, e.wrong).toBe(cls);
      expect(e.severity, e.wrong).toBe(severity);
    }
  });

  it('has no duplicate wrong forms and enough entries', () => {
    const wrongs = all.map((e) => e.wrong);
    expect(new Set(wrongs).size).toBe(wrongs.length);
    expect((typosData as unknown[]).length).toBeGreaterThanOrEqual(30);
  });

  it('no right form contains its own wrong form unsuppressed (would fire on the fix)', () => {
    for (const e of all) {
      expect(dict.match(e.right).filter((m) => m.entry === e), e.wrong).toEqual([]);
    }
  });
});
