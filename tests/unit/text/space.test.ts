import { describe, expect, it } from 'vitest';
import { hasNonSpace, isSpaceCode } from '../../../lib/text/space';

describe('isSpaceCode', () => {
  it('is the regex class \\s on every UTF-16 code', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceCode(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe('hasNonSpace', () => {
  it('counts what removing \\s leaves, within the range', () => {
    const t = ' 一\u3000二\n三 \u00a0四';
    for (let min = 0; min <= 5; min++) expect(hasNonSpace(t, 0, t.length, min)).toBe(t.replace(/\s+/g, '').length >= min);
    expect(hasNonSpace(t, 0, 3, 2)).toBe(false);
  });
});
