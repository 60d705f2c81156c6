import { describe, it, expect } from 'vitest';
import { digitRuns, matchesAt, runStarts } from '../../../lib/text/digit-runs';

/** The privacy patterns (lib/rules/privacy.ts) as global searches: what trying them at run starts must give. */
const ID = /(?<![0-9A-Za-z*＊])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z*＊])/;
const MOBILE = /(?<![\d*])(?:\+?86[- ]?)?(1[3-9]\d{9})(?![\d*])/;
const CARD = /(?<![\d*])(?:\d{4}[ -]?){3,4}\d{1,7}(?![\d*])/;

const flags = (re: RegExp, f: string) => new RegExp(re.source, f);
const found = (it: Iterable<RegExpExecArray>) => [...it].map((m) => `${m.index}:${m[0]}`);

describe('digit runs', () => {
  it('lists every run of four digits or more', () => {
    expect(digitRuns('a12b1234c123456d 2024-05-12 9876')).toEqual([4, 8, 9, 15, 17, 21, 28, 32]);
    expect(digitRuns('12345')).toEqual([0, 5]);
    expect(digitRuns('无数字')).toEqual([]);
  });

  it('finds what a global search finds when the ID, mobile and card patterns are tried only at run starts', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['110101199003074477', '11010119900307447X', '13812345678', '+86', '86', '-', ' ', '*', '6222021234567890128', '6222 0212 3456 7890 128', '2024-05-12', '电话', 'A', '0', '7', '身份证号：', '\n'];
    let total = 0;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 12 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      const runs = digitRuns(text);
      const cases: [RegExp, Iterable<number>][] = [
        [ID, runStarts(runs, 17)],
        [MOBILE, runStarts(runs, 11, [4, 3, 1, 0])],
        [CARD, runStarts(runs, 4)],
      ];
      for (const [re, starts] of cases) {
        const want = found(text.matchAll(flags(re, 'g')));
        expect([text, found(matchesAt(text, starts, flags(re, 'y')))]).toEqual([text, want]);
        total += want.length;
      }
    }
    expect(total).toBeGreaterThan(300);
  });
});
