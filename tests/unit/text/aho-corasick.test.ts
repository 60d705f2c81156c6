import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../lib/text/aho-corasick';
import { stripZeroWidth, toOriginalRange } from '../../../lib/text/normalise';

const all = (ac: AhoCorasick, text: string) => {
  const out: [string, number, number][] = [];
  ac.search(text, (p, s, e) => out.push([ac.patterns[p]!, s, e]));
  return out;
};

/** Reference: every occurrence of every pattern by indexOf. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  for (const p of patterns) for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i}`);
  return out.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping patterns through failure links (he/she/his/hers)', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    expect(all(ac, 'ushers')).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
  });

  it('finds a pattern that is a suffix of another after a mismatch', () => {
    const ac = new AhoCorasick(['人民代表大会', '代表大常', '大常']);
    expect(all(ac, '人民代表大常委').map(([p]) => p)).toEqual(['代表大常', '大常']);
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = '人民代表大会党的十九届中全';
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const patterns = [...new Set(Array.from({ length: 40 }, () => pick(1 + Math.floor(rnd() * 4))))];
    const text = pick(5000);
    const ac = new AhoCorasick(patterns);
    const got = all(ac, text).map(([p, s]) => `${p}@${s}`).sort();
    expect(got).toEqual(naive(patterns, text));
    expect(got.length).toBeGreaterThan(100);
  });

  it('handles empty patterns, empty text and astral characters', () => {
    const ac = new AhoCorasick(['', '𠮷野', '野']);
    expect(all(ac, '')).toEqual([]);
    expect(all(ac, '𠮷野家')).toEqual([
      ['𠮷野', 0, 3],
      ['野', 2, 3],
    ]);
  });
});

describe('stripZeroWidth', () => {
  it('is the identity on clean text', () => {
    const n = stripZeroWidth('中国人民');
    expect(n.map).toBeNull();
    expect(toOriginalRange(n, 1, 3)).toEqual({ start: 1, end: 3 });
  });

  it('maps cleaned offsets back to the original', () => {
    const original = '\u200b中\u200d国\ufeff\ufeff入民';
    const n = stripZeroWidth(original);
    expect(n.text).toBe('中国入民');
    expect(toOriginalRange(n, 0, 4)).toEqual({ start: 1, end: original.length });
    expect(original.slice(...Object.values(toOriginalRange(n, 2, 4)) as [number, number])).toBe('入民');
  });
});

describe('AhoCorasick.searchByStart', () => {
  const byStart = (ac: AhoCorasick, text: string) => {
    const out: string[] = [];
    ac.searchByStart(text, (p, s, e) => out.push(`${ac.patterns[p]}@${s}-${e}`));
    return out;
  };

  it('reports what search reports, in start order (shorter first at one start)', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    expect(byStart(ac, 'ushers')).toEqual(['she@1-4', 'he@2-4', 'hers@2-6']);
  });

  it('agrees with a naive search on random text, with and without one-character patterns', () => {
    const alphabet = '人民代表大会党的十九届中全';
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (const minLen of [1, 2]) {
      const patterns = [...new Set(Array.from({ length: 60 }, () => pick(minLen + Math.floor(rnd() * 4))))];
      const text = pick(8000);
      const ac = new AhoCorasick(patterns);
      const got = byStart(ac, text);
      const starts = got.map((g) => Number(g.split('@')[1]!.split('-')[0]));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(got.map((g) => g.replace(/-\d+$/, '')).sort()).toEqual(naive(patterns, text));
      expect(got.length).toBeGreaterThan(100);
    }
  });

  it('finds a pattern at the very end and handles astral characters', () => {
    const ac = new AhoCorasick(['𠮷野', '家族']);
    expect(byStart(ac, '𠮷野家族')).toEqual(['𠮷野@0-3', '家族@3-5']);
    expect(byStart(ac, '')).toEqual([]);
    expect(byStart(ac, '家')).toEqual([]);
    // a two-character pattern whose pair also starts longer ones, at the end and before them
    const nested = new AhoCorasick(['家族', '家族成员', '成员们']);
    expect(byStart(nested, '家族成员们家族')).toEqual(['家族@0-2', '家族成员@0-4', '成员们@2-5', '家族@5-7']);
    expect(byStart(nested, '成员')).toEqual([]);
  });
});
