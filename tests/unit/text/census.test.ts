import { describe, expect, it } from 'vitest';
import { forgetCensus, textCensus } from '../../../lib/text/census';

describe('textCensus', () => {
  it('finds zero-width marks, full-width digits and full-width separators between digits', () => {
    expect(textCensus('发布时间：2024-05-12，（通知）')).toMatchObject({ zeroWidth: false, fullWidthDigit: false, separatorBetweenDigits: false, fullWidthAlnumOrSign: false });
    for (const c of ['Ａ', 'ｚ', '５', '＊', '＋', '－']) expect(textCensus(`号${c}`).fullWidthAlnumOrSign, c).toBe(true);
    for (const c of ['：', '，', '／', '．', '（']) expect(textCensus(`号${c}`).fullWidthAlnumOrSign, c).toBe(false);
    expect(textCensus('中\u200b国').zeroWidth).toBe(true);
    expect(textCensus('中\ufeff').zeroWidth).toBe(true);
    expect(textCensus('２０２４年').fullWidthDigit).toBe(true);
    for (const sep of ['－', '／', '．', '：']) expect(textCensus(`15${sep}43`).separatorBetweenDigits, sep).toBe(true);
    expect(textCensus('15：').separatorBetweenDigits).toBe(false);
    expect(textCensus('：43').separatorBetweenDigits).toBe(false);
  });

  it('keeps the answer of a long text until forgotten', () => {
    const long = '政'.repeat(5000) + '\u200d';
    expect(textCensus(long).zeroWidth).toBe(true);
    expect(textCensus(long)).toBe(textCensus(long));
    const before = textCensus(long);
    forgetCensus();
    expect(textCensus(long)).not.toBe(before);
  });

  it('lists the line breaks and the runs of two or more ASCII digits', () => {
    const c = textCensus('\n2024-05-12 第1号\n电话0795-3999123\n１２３45\n6');
    expect(c.lineBreaks).toEqual([0, 15, 30, 36]);
    expect(c.digitRuns).toEqual([1, 5, 6, 8, 9, 11, 18, 22, 23, 30, 34, 36]);
    const long = '政'.repeat(5000) + '12\n3';
    expect(textCensus(long)).toMatchObject({ lineBreaks: [5002], digitRuns: [5000, 5002] });
  });
});
