import { describe, it, expect } from 'vitest';
import { digitRuns, matchesAt, runStarts } from '../../../lib/text/digit-runs';
import { forgetLongTexts } from '../../../lib/text/normalise';
import { docNoMatches } from '../../../lib/text/doc-number';
import { prefilteredMatches } from '../../../lib/text/prefiltered';

/** The privacy patterns (lib/rules/privacy.ts) as global searches: what trying them at run starts must give. */
const ID = /(?<![0-9A-Za-z*＊])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z*＊])/;
const MOBILE = /(?<![\d*])(?:\+?86[- ]?)?(1[3-9]\d{9})(?![\d*])/;
const CARD = /(?<![\d*])(?:\d{4}[ -]?){3,4}\d{1,7}(?![\d*])/;

const flags = (re: RegExp, f: string) => new RegExp(re.source, f);
const found = (it: Iterable<RegExpExecArray>) => [...it].map((m) => `${m.index}:${m[0]}`);

describe('digit runs', () => {
  it('lists every run of two digits or more', () => {
    expect(digitRuns('a12b1234c123456d 2024-05-12 9876 7')).toEqual([1, 3, 4, 8, 9, 15, 17, 21, 22, 24, 25, 27, 28, 32]);
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

  it('finds every 文号 a search from each bracket-space-digit finds (文号 tried only before digit runs)', () => {
    // the 文号 pattern of lib/text/doc-number.ts, with the bracket search it replaced
    const open = '〔\\[【(（﹝〖［';
    const close = '〕\\]】)）﹞〗］';
    const docNo = new RegExp(`(?<=[\\u4e00-\\u9fff]\\s?)([${open}])\\s?((?:19|20)\\d{2}|\\d{2})\\s?([${close}])\\s?(第)?\\s?(\\d{1,5})(号)?`, 'y');
    const start = new RegExp(`[${open}]\\s?\\d`, 'g');
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['国发〔2019〕5号', '京政发[2018]12号', '条件(19)3', '办〔 2020 〕第05号', '府【2017】', '（', '〔', ' ', '\u3000', '2019', '19', '5', '号', '、', '文', '﹝2016﹞7号', '［2015］8'];
    let total = 0;
    for (let round = 0; round < 400; round++) {
      // long enough that the runs are kept (and forgotten, as each scan does)
      const text = Array.from({ length: 20 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('') + '。'.repeat(round % 2 ? 4096 : 0);
      forgetLongTexts();
      const want = [...prefilteredMatches(text, start, docNo)].map((m) => `${m.index}:${m[0]}`);
      expect([text, [...docNoMatches(text)].map((m) => `${m.index}:${m[0]}`)]).toEqual([text, want]);
      total += want.length;
    }
    expect(total).toBeGreaterThan(400);
  });
});
