import { describe, expect, it } from 'vitest';
import { compileDictionary, entryProblems, loadEntries, type DictEntry } from '../../../lib/text/matcher';

const entry = (wrong: string, extra: Partial<DictEntry> = {}): DictEntry => ({
  wrong,
  right: wrong + '!',
  class: 'typo',
  severity: 'deduct',
  fires: ['x'],
  silent: ['y'],
  ...extra,
});

describe('compileDictionary', () => {
  it('reports every occurrence with offsets', () => {
    const d = compileDictionary([entry('烈土')]);
    const text = '烈土陵园，革命烈土';
    expect(d.match(text).map((m) => [m.start, m.end])).toEqual([
      [0, 2],
      [7, 9],
    ]);
  });

  it('reports overlapping entries, longer first at the same start', () => {
    const d = compileDictionary([entry('人民代表'), entry('人民代表大常'), entry('代表大常')]);
    const ms = d.match('市人民代表大常务委员会');
    expect(ms.map((m) => m.entry.wrong)).toEqual(['人民代表大常', '人民代表', '代表大常']);
  });

  it('applies notBefore and notAfter', () => {
    const d = compileDictionary([entry('烈土', { notBefore: ['剧'], notAfter: ['壤'] })]);
    expect(d.match('剧烈土')).toEqual([]);
    expect(d.match('烈土壤')).toEqual([]);
    expect(d.match('革命烈土')).toHaveLength(1);
  });

  it('needs word boundaries around Latin wrong forms', () => {
    const d = compileDictionary([entry('Chian')]);
    expect(d.match('Chiang Mai, Chianti, MyChian')).toEqual([]);
    expect(d.match('Made in Chian.')).toHaveLength(1);
  });

  it('handles empty text and large text', () => {
    const d = compileDictionary([entry('扶贪')]);
    expect(d.match('')).toEqual([]);
    const big = '扶贫攻坚。'.repeat(50_000) + '扶贪';
    expect(d.match(big)).toHaveLength(1);
  });
});

describe('zero-width characters', () => {
  it('matches across U+200B–U+200D, U+2060 and U+FEFF and points at the original text', () => {
    const d = compileDictionary([entry('烈土')]);
    for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `向革命烈${zw}土敬献花篮`;
      const ms = d.match(text);
      expect(ms).toHaveLength(1);
      expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe(`烈${zw}土`);
      expect(ms[0]!.zeroWidth).toBe(true);
    }
    const plain = d.match('革命烈土');
    expect(plain[0]!.zeroWidth).toBeUndefined();
  });

  it('applies context on the cleaned text', () => {
    const d = compileDictionary([entry('烈土', { notAfter: ['壤'] })]);
    expect(d.match('剧烈土\u200b壤')).toEqual([]);
  });
});

describe('entry validation', () => {
  it('accepts a full entry and lists problems of a bad one', () => {
    expect(entryProblems(entry('烈土'))).toEqual([]);
    expect(entryProblems({ wrong: 'a', right: 'a', class: 'x', severity: 'bogus', fires: [], silent: 'no' })).toHaveLength(
      5,
    );
    expect(() => loadEntries([entry('烈土'), { wrong: '扶贪' }], 'test.json')).toThrow(/test\.json\[1\] 扶贪/);
    expect(() => loadEntries({}, 'x')).toThrow();
  });
});
