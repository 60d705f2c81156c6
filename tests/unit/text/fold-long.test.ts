import { describe, expect, it } from 'vitest';
import { FULL_WIDTH_ALL, FULL_WIDTH_ALNUM, FULL_WIDTH_DATE, foldText, foldWidth, stripZeroWidth } from '../../../lib/text/normalise';

/** The plain per-character definition the long-text path must agree with. */
const reference = (s: string, chars: RegExp) => s.replace(new RegExp(chars.source, 'g'), (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A page-sized text mixing every full-width form with CJK, ASCII, surrogate pairs and zero-width marks. */
function longText(seed: number): string {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x / 0x7fffffff);
  const pool = ['政府', '２０２５年１月８日', 'ＡＢＣ', '，', '（通知）', '\u200b', '𠀀', 'abc', '：', '\n', '０１－０２', '\ufeff'];
  const parts: string[] = [];
  for (let i = 0; i < 6000; i++) parts.push(pool[Math.floor(rnd() * pool.length)]!);
  return parts.join('');
}

describe('folding long texts (the page-sized path)', () => {
  for (const [name, chars] of [['all', FULL_WIDTH_ALL], ['alnum', FULL_WIDTH_ALNUM], ['date', FULL_WIDTH_DATE]] as const) {
    it(`foldWidth(${name}) equals the per-character fold and keeps the length`, () => {
      const a = longText(1);
      const b = longText(2);
      expect(a.length).toBeGreaterThan(4096);
      const fa = foldWidth(a, chars);
      expect(fa).toBe(reference(a, chars));
      expect(fa.length).toBe(a.length);
      // a second, different text is folded afresh, not served from the last fold
      expect(foldWidth(b, chars)).toBe(reference(b, chars));
      expect(foldWidth(a, chars)).toBe(reference(a, chars));
    });
  }

  it('keeps a leading byte-order mark and lone surrogates as they are', () => {
    const bom = '\ufeff' + longText(5);
    expect(foldWidth(bom)).toBe(reference(bom, FULL_WIDTH_ALL));
    const lone = longText(6) + '\ud800ＡＢ\udc00' + longText(7);
    expect(foldWidth(lone)).toBe(reference(lone, FULL_WIDTH_ALL));
  });

  it('stripZeroWidth and foldText of a long text map back to the original', () => {
    const a = longText(3);
    const s = stripZeroWidth(a);
    expect(s.text).toBe(a.replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''));
    for (let i = 0; i < s.text.length; i += 97) expect(a[s.map![i]!]).toBe(s.text[i]);
    const f = foldText(a);
    expect(f.text).toBe(reference(s.text, FULL_WIDTH_ALL));
    expect(stripZeroWidth(longText(4)).text).toBe(longText(4).replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''));
  });
});

describe('foldWidth decode chunks', () => {
  it('never breaks a surrogate pair at a chunk edge', () => {
    for (const at of [8191, 8192, 16383]) {
      const s = 'Ａ，'.repeat(at).slice(0, at) + '𠮷' + '１２：中'.repeat(5000);
      const out = foldWidth(s, FULL_WIDTH_ALL);
      expect(out).toBe(reference(s, FULL_WIDTH_ALL));
      expect(out.slice(at, at + 2)).toBe('𠮷');
    }
  });
});
