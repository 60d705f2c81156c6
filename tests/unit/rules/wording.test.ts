import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordingRules } from '../../../lib/rules/wording';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel, RuleFinding } from '../../../lib/types';

function fakePage(text: string, footerStart?: number): PageModel {
  return {
    url: 'https://www.example.gov.cn/a.html',
    host: 'www.example.gov.cn',
    title: '',
    text,
    footer:
      footerStart === undefined ? null : { start: footerStart, end: text.length, text: text.slice(footerStart) },
    footerHtml: '',
    meta: {},
    links: [],
    scripts: [],
    images: [],
    dates: [],
    pubDate: null,
    pageType: 'article',
    notes: [],
  };
}

const rule = (id: string) => wordingRules.find((r) => r.id === id)!;
const run = (page: PageModel): RuleFinding[] => wordingRules.flatMap((r) => r.check(page, DEFAULT_SETTINGS));

describe('wording rules', () => {
  it('declares the two rules', () => {
    expect(wordingRules.map((r) => [r.id, r.category, r.severity, r.title])).toEqual([
      ['expression.political', 'expression', 'veto', '严重表述错误'],
      ['typo.known', 'typo', 'deduct', '错别字'],
    ]);
  });

  it('reports a political expression with offsets on the wrong form', () => {
    const text = '标题\n全心全意为中国入民服务，认真学习贯彻党十九大精神。';
    const fs = rule('expression.political').check(fakePage(text), DEFAULT_SETTINGS);
    expect(fs).toHaveLength(2);
    expect(fs[0]).toEqual({
      ruleId: 'expression.political',
      severity: 'veto',
      category: 'expression',
      message: '疑似严重表述错误：“中国入民”应为“中国人民”',
      evidence: '中国入民',
      suggestion: '中国人民',
      start: text.indexOf('中国入民'),
      end: text.indexOf('中国入民') + 4,
    });
    for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.evidence);
    expect(fs[1]!.suggestion).toBe('党的十九大');
  });

  it('reports a typo, also inside the footer region', () => {
    const text = '向革命烈土敬献花篮。\n剧烈土壤侵蚀。\n主办：齐齐哈市人民政府';
    const fs = rule('typo.known').check(fakePage(text, text.indexOf('主办')), DEFAULT_SETTINGS);
    expect(fs.map((f) => [f.evidence, f.suggestion, text.slice(f.start, f.end)])).toEqual([
      ['烈土', '烈士', '烈土'],
      ['齐齐哈市', '齐齐哈尔市', '齐齐哈市'],
    ]);
    expect(fs[0]!.message).toBe('疑似错别字：“烈土”应为“烈士”');
    expect(fs.every((f) => f.ruleId === 'typo.known' && f.severity === 'deduct' && f.category === 'typo')).toBe(true);
  });

  it('keeps the classes apart and finds nothing in clean text', () => {
    const page = fakePage('省人民攻府关于秸杆禁烧的通知');
    expect(rule('expression.political').check(page, DEFAULT_SETTINGS).map((f) => f.evidence)).toEqual(['攻府']);
    expect(rule('typo.known').check(page, DEFAULT_SETTINGS).map((f) => f.evidence)).toEqual(['秸杆']);
    expect(run(fakePage('纳入民生实事，深入民心；全国人民代表大会常务委员会；党的十九大。'))).toEqual([]);
  });

  it('flags a quoted typo too (the inspector dismisses it once)', () => {
    expect(run(fakePage('通报指出，某网站将“烈士”错写成“烈土”。')).map((f) => f.evidence)).toEqual(['烈土']);
  });
});

/** Crude HTML → text: drop scripts, styles and comments, blocks become '\n', decode basic entities. */
function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(?:p|div|br|td|th|tr|li|ul|ol|h\d|table|tbody|section|article|header|footer|nav|dd|dt|dl|title)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r]*\n\s*/g, '\n');
}

const FIXTURES = '/work/shared/fixtures';
/** True errors found on the real pages, by file: none so far. */
const EXPECTED: Record<string, string[]> = {};

describe('precision on real government text', () => {
  const files = ['policy', 'pages'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(dir, f)),
  );

  it('reads the whole corpus', () => {
    expect(files.length).toBe(69);
  });

  it('the wording rules report nothing a person would not call an error', () => {
    const found: Record<string, string[]> = {};
    for (const f of files) {
      const text = htmlToText(readFileSync(join(FIXTURES, f), 'utf8'));
      const hits = run(fakePage(text)).map((x) => `${x.ruleId} ${x.evidence}`);
      if (hits.length) found[f] = hits;
    }
    expect(found).toEqual(EXPECTED);
  });
});
