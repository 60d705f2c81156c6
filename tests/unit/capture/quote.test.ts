import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchorQuote } from '../../../lib/capture/quote';
import { quoteFor } from '../../../lib/pipeline/report';
import { modelFromHtml, DEMO_SITE } from '../../helpers/load-page';

const HERO = readFileSync(path.join(DEMO_SITE, 'xwdt/2026-11-18-hero.html'), 'utf8');
const URL_ = 'https://www.demo-county.gov.cn/xwdt/2026-11-18-hero.html';
const textOf = (html: string) => modelFromHtml(html, URL_).model.text;

/** The stored quote of the planted 烈土 in 向革命烈土敬献花篮, as a capture stores it. */
function storedQuote() {
  const text = textOf(HERO);
  const start = text.indexOf('革命烈土') + 2;
  return { quote: quoteFor(text, start, start + 2), start };
}

describe('anchorQuote (re-finding a captured spot in a new scan)', () => {
  it('finds the spot again in the same page, not the look-alike in 剧烈土壤', () => {
    const { quote, start } = storedQuote();
    const text = textOf(HERO);
    // the page holds 烈土 twice; the quote must pick the captured one
    expect(text.indexOf('烈土', start + 2)).toBeGreaterThan(start);
    expect(anchorQuote(text, quote)).toEqual({ start, end: start + 2 });
  });

  it('follows the spot when text was added before it', () => {
    const { quote } = storedQuote();
    const moved = HERO.replace('<p>参加活动的人员', '<p>新增的一段导语，介绍了本次活动的背景和意义。</p><p>参加活动的人员');
    const text = textOf(moved);
    const hit = anchorQuote(text, quote);
    expect(hit).not.toBeNull();
    expect(text.slice(hit!.start - 2, hit!.end + 2)).toBe('革命烈土敬献');
    expect(hit!.start).toBeGreaterThan(text.indexOf('新增的一段导语'));
  });

  it('returns null once the typo was corrected, although 烈土 still occurs inside 剧烈土壤', () => {
    const { quote } = storedQuote();
    const fixed = HERO.replace('向革命烈土敬献', '向革命烈士敬献');
    const text = textOf(fixed);
    expect(text).toContain('剧烈土壤');
    expect(anchorQuote(text, quote)).toBeNull();
  });

  it('tolerates a changed context on one side', () => {
    const { quote } = storedQuote();
    const edited = HERO.replace('向革命烈土敬献花篮', '向革命烈土献上花篮');
    const hit = anchorQuote(textOf(edited), quote);
    expect(hit).not.toBeNull();
  });

  it('prefers the occurrence nearest the hint when the context ties', () => {
    const text = '甲乙丙XY丁戊己……甲乙丙XY丁戊己';
    const q = { exact: 'XY', prefix: '甲乙丙', suffix: '丁戊己' };
    expect(anchorQuote(text, q)?.start).toBe(3);
    expect(anchorQuote(text, q, 14)?.start).toBe(text.lastIndexOf('XY'));
  });

  it('handles empty and context-free quotes', () => {
    expect(anchorQuote('abc', { exact: '', prefix: '', suffix: '' })).toBeNull();
    expect(anchorQuote('abc', { exact: 'b', prefix: '', suffix: '' })).toEqual({ start: 1, end: 2 });
  });
});
