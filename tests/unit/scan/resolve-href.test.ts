import { describe, expect, it } from 'vitest';
import { resolveHref } from '../../../lib/scan/resolve-href';

const BASES = [
  'http://www.example.gov.cn/col/col101/index.html',
  'https://example.gov.cn:8443/a/b/c.html?x=1#top',
  'http://example.gov.cn',
  'https://user:pw@example.gov.cn/dir/',
  'http://EXAMPLE.gov.cn/%E4%B8%AD/x.html',
  'file:///tmp/page.html',
];

const HREFS = [
  '/col/col101/index.html', 'art_1.html', 'sub/dir/a.html', 'a.html?id=3&p=2', '/', '', '?q=1', '#top', './a.html', '../a.html',
  '/a/../b.html', '/a/./b.html', 'a/..', '..', '.', '/.well-known/x', '//other.gov.cn/x', 'http://Other.GOV.cn', 'https://x.cn:443/a',
  'mailto:a@b.cn', 'javascript:void(0)', '/a b.html', '/中文.html', '/a%2e%2e/b', '/a?b=%20', 'a\\b.html', '/a#b', 'A~b-c_d.HTML',
  '/a//b', 'x:y', '/x?y=..', '/x?./..', '..a.html', 'a..html', '/a.', '/..b',
];

function same(href: string, base: string) {
  let want: string;
  try {
    want = new URL(href, base).href;
  } catch {
    expect(() => resolveHref(href, base), `${href} @ ${base}`).toThrow();
    return;
  }
  expect(resolveHref(href, base), `${href} @ ${base}`).toBe(want);
}

describe('resolveHref', () => {
  it('gives what new URL(href, base).href gives, or throws where it throws', () => {
    for (const base of BASES) for (const href of HREFS) same(href, base);
  });

  it('agrees with the parser on random plain paths', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'ab/./?=&-_~9Z';
    for (let i = 0; i < 3000; i++) {
      const href = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      same(href, BASES[i % 3]!);
    }
  });
});
