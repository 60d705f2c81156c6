import { describe, expect, it } from 'vitest';
import { siteVerdict, verdictFromCounts, verdictCounts, type VerdictFinding } from '../../../lib/verdict/index';
import { DEFAULT_WEIGHTS, siteScore, counts, validateWeights, type ScoreWeights } from '../../../lib/verdict/score';
import { columnVetoReasons } from '../../../lib/verdict/site-columns';
import type { PageRecord } from '../../../lib/types';

type F = VerdictFinding & { ruleId: string };
const f = (ruleId: string, severity: VerdictFinding['severity'], status: VerdictFinding['status'] = 'open', category?: VerdictFinding['category']): F => ({
  ruleId,
  severity,
  status,
  category,
});
const times = (n: number, x: F): F[] => Array.from({ length: n }, () => ({ ...x }));

const W: ScoreWeights = {
  fullScore: 100,
  passScore: 60,
  default: { deduct: { points: 2, cap: 10 }, hint: { points: 1, cap: 5 } },
  rules: { 'typo.known': { points: 1, cap: 10 }, 'footer.icp': { points: 5, cap: 5 } },
};

describe('deduction score', () => {
  it('costs each counted finding its rule points, capped per rule', () => {
    // 3 typos = 3; 40 ICP findings (one per page) = capped at 5; 2 unknown deduct rules = 2 × 2
    const list = [...times(3, f('typo.known', 'deduct')), ...times(40, f('footer.icp', 'deduct')), ...times(2, f('x.other', 'deduct'))];
    const r = siteScore(list, W);
    expect(r.score).toBe(100 - 3 - 5 - 4);
    expect(r.deductions.find((d) => d.ruleId === 'footer.icp')).toEqual({ ruleId: 'footer.icp', count: 40, points: 5 });
    // 30 typos hit the typo cap of 10
    expect(siteScore(times(30, f('typo.known', 'deduct')), W).score).toBe(90);
  });

  it('never counts dismissed or fixed findings, vetoes, or unconfirmed hints', () => {
    expect(counts(f('typo.known', 'deduct', 'dismissed'))).toBe(false);
    expect(counts(f('typo.known', 'deduct', 'fixed'))).toBe(false);
    expect(counts(f('expression.political', 'veto', 'confirmed'))).toBe(false);
    expect(counts(f('meta.missing', 'hint', 'open'))).toBe(false);
    expect(counts(f('meta.missing', 'hint', 'confirmed'))).toBe(true);
    expect(counts(f('typo.known', 'deduct', 'open'))).toBe(true);
    expect(siteScore([f('a', 'hint', 'open'), f('b', 'hint', 'confirmed')], W).score).toBe(99);
  });

  it('does not go below zero and rounds to two decimals', () => {
    const many = Array.from({ length: 80 }, (_, i) => f(`rule.${i}`, 'deduct'));
    expect(siteScore(many, W).score).toBe(0);
    const w = { ...W, rules: { r: { points: 1 / 3, cap: 10 } } };
    expect(siteScore([f('r', 'deduct')], w).score).toBe(99.67);
  });

  it('ships default weights that validate, and rejects bad edits in Chinese', () => {
    expect(validateWeights(DEFAULT_WEIGHTS)).toBeNull();
    expect(validateWeights({ ...W, passScore: 120 })).toMatch(/合格分数线/);
    expect(validateWeights({ ...W, rules: { 'typo.known': { points: -1, cap: 3 } } })).toMatch(/typo\.known/);
    expect(validateWeights(null)).toMatch(/格式/);
  });
});

describe('site verdict', () => {
  it('is 合格 with no veto and a score of at least the pass line', () => {
    const v = siteVerdict(times(5, f('typo.known', 'deduct')), { weights: W });
    expect(v).toMatchObject({ verdict: '合格', score: 95, scored: true, vetoCount: 0, reasons: [] });
  });

  it('is 不合格 for a confirmed veto, unscored, with the 附件2 wording', () => {
    const v = siteVerdict([f('expression.political', 'veto', 'confirmed', 'expression'), f('typo.known', 'deduct')], { weights: W });
    expect(v.verdict).toBe('不合格');
    expect(v.scored).toBe(false);
    expect(v.reasons).toEqual(['存在严重表述错误']);
  });

  it('is 疑似不合格 when the only vetoes are unconfirmed; dismissing them makes it 合格', () => {
    expect(siteVerdict([f('links.hidden', 'veto', 'open')], { weights: W })).toMatchObject({ verdict: '疑似不合格', vetoCount: 1, reasons: ['存在暗链'] });
    expect(siteVerdict([f('links.hidden', 'veto', 'dismissed')], { weights: W }).verdict).toBe('合格');
    expect(siteVerdict([f('links.hidden', 'veto', 'fixed')], { weights: W }).verdict).toBe('合格');
  });

  it('is 不合格 below the pass line, even with unconfirmed vetoes', () => {
    const low = Array.from({ length: 25 }, (_, i) => f(`rule.${i}`, 'deduct')); // 25 × 2 = 50 points lost
    const v = siteVerdict([...low, f('links.hidden', 'veto', 'open')], { weights: W });
    expect(v.verdict).toBe('不合格');
    expect(v.score).toBe(50);
    expect(v.reasons).toEqual(['检查得分低于60分（50.00分）']);
    // exactly on the line passes
    expect(siteVerdict(Array.from({ length: 20 }, (_, i) => f(`rule.${i}`, 'deduct')), { weights: W }).verdict).toBe('合格');
  });

  it('folds in site-level veto reasons: strings are unconfirmed, confirmed ones fail the site', () => {
    expect(siteVerdict([], { weights: W, vetoReasons: ['栏目不更新：12 个栏目未及时更新'] })).toMatchObject({ verdict: '疑似不合格' });
    const v = siteVerdict([], { weights: W, vetoReasons: [{ reason: '栏目不更新：12 个栏目未及时更新', confirmed: true }] });
    expect(v).toMatchObject({ verdict: '不合格', scored: false, reasons: ['栏目不更新：12 个栏目未及时更新'] });
  });

  it('keeps working for callers that pass only severity and status (cli/report.ts)', () => {
    const v = siteVerdict([{ severity: 'veto', status: 'open' }, { severity: 'veto', status: 'confirmed' }]);
    expect(v.verdict).toBe('不合格');
    expect(v.vetoCount).toBe(2);
  });

  it('gives the same answer from aggregated counts as from the findings', () => {
    const list = [...times(7, f('typo.known', 'deduct')), f('links.spam', 'veto', 'open', 'links'), f('meta.missing', 'hint', 'confirmed')];
    expect(verdictFromCounts(verdictCounts(list), { weights: W })).toEqual(siteVerdict(list, { weights: W }));
  });
});

describe('column vetoes from stored pages', () => {
  const page = (i: number, columnStatus: PageRecord['columnStatus'], pageType: PageRecord['pageType'] = 'column'): PageRecord => ({
    url: `https://a.gov.cn/c${i}/`,
    site: 'a.gov.cn',
    title: `栏目${i}`,
    pageType,
    pubDate: null,
    scanMs: 1,
    lastScanned: 1,
    findingCount: 1,
    columnType: '其他',
    columnName: `栏目${i}`,
    newestDate: '2025-01-01',
    columnStatus,
  });
  const pages = Array.from({ length: 10 }, (_, i) => page(i, 'stale'));

  it('reports ≥ 10 stale columns as 栏目不更新, unconfirmed until the findings are confirmed', () => {
    const open = pages.map((p) => ({ url: p.url, status: 'open' as const }));
    const r = columnVetoReasons(pages, open);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ confirmed: false });
    expect((r[0] as { reason: string }).reason).toMatch(/^栏目不更新：10 个栏目未及时更新/);
    const conf = pages.map((p) => ({ url: p.url, status: 'confirmed' as const }));
    expect(columnVetoReasons(pages, conf)[0]).toMatchObject({ confirmed: true });
  });

  it('drops columns whose finding was dismissed, and says nothing below the threshold', () => {
    const st = pages.map((p, i) => ({ url: p.url, status: i === 0 ? ('dismissed' as const) : ('open' as const) }));
    expect(columnVetoReasons(pages, st)).toEqual([]);
    expect(columnVetoReasons(pages.slice(0, 9), [])).toEqual([]);
  });
});
