import { describe, expect, it } from 'vitest';
import { needleFinder } from '../../../lib/text/page-needles';

/** Reference: indexOf from each start + 1. */
const naive = (needles: string[], text: string) =>
  needles.map((n) => {
    const out: number[] = [];
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) out.push(i);
    return out;
  });

describe('needleFinder', () => {
  const titles = ['国务院总理', '总理', '副总理', '国务院副总理'];
  const phrases = ['四个意识', '总理', '意识'];
  const a = needleFinder(titles);
  const b = needleFinder(phrases);

  it('gives each list its own occurrences from the one shared pass, overlaps included', () => {
    const text = '国务院总理李强，国务院副总理丁薛祥，总理总理，增强“四个意识”，意识到';
    expect(a.positions(text)).toEqual(naive(titles, text));
    expect(b.positions(text)).toEqual(naive(phrases, text));
    expect(a.positions(text)[1]).toEqual([3, 12, 18, 20]);
  });

  it('reports hits in start order and follows the text it is given', () => {
    const seen: string[] = [];
    a.each('副总理，国务院总理', (i, start) => seen.push(`${titles[i]}@${start}`));
    expect(seen).toEqual(['副总理@0', '总理@1', '国务院总理@4', '总理@7']);
    expect(b.positions('没有')).toEqual([[], [], []]);
  });

  it('a list registered later is searched too', () => {
    const c = needleFinder(['暂无信息']);
    expect(c.positions('本栏目暂无信息。暂无信息')).toEqual([[3, 8]]);
    expect(a.positions('总理')).toEqual([[], [0], [], []]);
  });
});
