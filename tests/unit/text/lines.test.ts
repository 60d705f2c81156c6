import { describe, it, expect } from 'vitest';
import { forgetLines, linesOf } from '../../../lib/text/lines';

describe('line bounds', () => {
  it('are what lastIndexOf/indexOf of a line break give, for every position of long and short texts, in any order', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['政府', '信息公开', '\n', '\n\n', ' ', '2024-05-12', '\r\n'];
    const make = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    const texts = [make(5), make(40), '\n' + make(3000), make(3000) + '\n', 'x'.repeat(5000), '\n'.repeat(4100)];
    for (const text of texts) {
      forgetLines();
      const positions = [...Array(text.length + 1).keys()];
      // in text order (the hint path), then shuffled (the binary search)
      const shuffled = [...positions].sort(() => rnd() - 0.5);
      for (const pos of [...positions, ...shuffled]) {
        const end = text.indexOf('\n', pos);
        expect([pos, linesOf(text).startOf(pos), linesOf(text).endOf(pos)]).toEqual([pos, text.lastIndexOf('\n', pos - 1) + 1, end === -1 ? text.length : end]);
      }
    }
  });
});
