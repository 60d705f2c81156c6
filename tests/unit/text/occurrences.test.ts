import { describe, expect, it } from 'vitest';
import { occurrenceFinder } from '../../../lib/text/occurrences';

/** Reference: indexOf from each start + 1. */
const naive = (needles: string[], text: string) =>
  needles.map((n) => {
    const out: number[] = [];
    if (n) for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) out.push(i);
    return out;
  });

describe('occurrenceFinder', () => {
  it('finds every needle, overlapping and nested ones included', () => {
    const needles = ['国务院总理', '总理', '副总理', '国务院副总理', 'a.b', ''];
    const text = '国务院总理李强，国务院副总理丁薛祥，总理总理，a.b axb';
    expect(occurrenceFinder(needles)(text)).toEqual(naive(needles, text));
    expect(occurrenceFinder(needles)(text)[1]).toEqual([3, 12, 18, 20]);
  });

  it('agrees with indexOf on random text', () => {
    const alphabet = '四个意识自信全面五位一体';
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const needles = [...new Set(Array.from({ length: 20 }, () => pick(1 + Math.floor(rnd() * 3))))];
    const text = pick(5000);
    const got = occurrenceFinder(needles)(text);
    expect(got).toEqual(naive(needles, text));
    expect(got.flat().length).toBeGreaterThan(100);
  });
});
