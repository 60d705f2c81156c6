import { describe, expect, it } from 'vitest';
import { forgetCensus, textCensus } from '../../../lib/text/census';

describe('textCensus', () => {
  it('finds zero-width marks, full-width digits and full-width separators between digits', () => {
    expect(textCensus('发布时间：2024-05-12，（通知）')).toEqual({ zeroWidth: false, fullWidthDigit: false, separatorBetweenDigits: false, fullWidthAlnumOrSign: false });
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
});
