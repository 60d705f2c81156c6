import { describe, expect, it } from 'vitest';
import { anchoredMatches, prefilteredMatches } from '../../../lib/text/prefiltered';

const CARD = '(?<![\\d*])(?:\\d{4}[ -]?){3,4}\\d{1,7}(?![\\d*])';

describe('prefilteredMatches', () => {
  it('gives exactly what the global regex gives, on random digit soup', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = '0123456789012345678901234567890123456789 -*x';
    const text = Array.from({ length: 20000 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const want = [...text.matchAll(new RegExp(CARD, 'g'))].map((m) => `${m.index}:${m[0]}`);
    const got = [...prefilteredMatches(text, /\d{4}[ -]?\d{4}[ -]?\d{4}/g, new RegExp(CARD, 'y'))].map((m) => `${m.index}:${m[0]}`);
    expect(got).toEqual(want);
    expect(want.length).toBeGreaterThan(20);
  });

  it('keeps capture groups and stops when the prefilter finds nothing more', () => {
    const got = [...prefilteredMatches('a 2024年 b 1999年', /\d{4}/g, /(\d{4})年/y)].map((m) => [m.index, m[1]]);
    expect(got).toEqual([
      [2, '2024'],
      [10, '1999'],
    ]);
  });
});

describe('anchoredMatches', () => {
  it('gives what the global regex gives for (\\d{4})\\s*年… on random text', () => {
    const source = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?';
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = '0123456789012345678901234567890123456789年年月月日 \n\u3000x';
    const text = Array.from({ length: 30000 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const want = [...text.matchAll(new RegExp(source, 'g'))].map((m) => `${m.index}:${m[0]}`);
    const got = anchoredMatches(text, '年', 4, (c) => /\s/.test(String.fromCharCode(c)), new RegExp(source, 'y')).map((m) => `${m.index}:${m[0]}`);
    expect(got).toEqual(want);
    expect(want.length).toBeGreaterThan(10);
  });
});
