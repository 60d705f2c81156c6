// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { scoreRows, problemRows, scoreCsv, problemCsv, annexDocument, serializeDocument, SCORE_HEADERS, PROBLEM_HEADERS, type AnnexSite } from '../../../lib/export/annex';
import { siteVerdict, type VerdictFinding } from '../../../lib/verdict/index';
import type { SiteRecord } from '../../../lib/types';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan } from '../../../lib/store/repo';
import { siteStats } from '../../../lib/store/stats';
import { makeFinding, makeReport } from '../store/fixtures';

const site = (code: string, name: string, host = `s${code}.gov.cn`): SiteRecord => ({
  site: host,
  name,
  siteCode: code,
  homeUrl: `http://${host}/`,
  firstSeen: 0,
  lastSeen: 0,
});
const deducts = (n: number): VerdictFinding[] => Array.from({ length: n }, (_, i) => ({ ruleId: `r.${i}`, severity: 'deduct', status: 'open' }));

const SITES: AnnexSite[] = [
  { site: site('3411000003', '滁州市农业农村局'), verdict: siteVerdict(deducts(3)) }, // 94
  { site: site('3411000059', '滁州市供销合作社联合社'), verdict: siteVerdict(deducts(1)) }, // 98
  { site: site('3411000002', '滁州市教育体育局'), verdict: siteVerdict(deducts(3)) }, // 94, lower code → first of the tie
  { site: site('3411030026', '滁州市南谯区人民政府', 'www.cznq.gov.cn'), verdict: siteVerdict([{ ruleId: 'expression.political', severity: 'veto', status: 'confirmed' }]) },
  { site: site('3411000013', '=HYPERLINK("http://x")'), verdict: siteVerdict(deducts(25)) }, // 50 → 不合格 by score
  { site: site('3411000099', '滁州市待确认局'), verdict: siteVerdict([{ ruleId: 'links.hidden', severity: 'veto', status: 'open' }]) },
];

describe('附件1 评分结果', () => {
  it('ranks scored sites best first with 2-decimal scores; ties in code order; vetoed sites left out', () => {
    const rows = scoreRows(SITES);
    expect(rows.map((r) => r.siteCode)).toEqual(['3411000099', '3411000059', '3411000002', '3411000003', '3411000013']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.score)).toEqual(['100.00', '98.00', '94.00', '94.00', '50.00']);
    expect(rows.some((r) => r.siteCode === '3411030026')).toBe(false);
  });

  it('is a BOM CSV with the seed columns and formula-safe cells', () => {
    const csv = scoreCsv(SITES);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const data = Papa.parse<string[]>(csv.slice(1)).data;
    expect(data[0]).toEqual([...SCORE_HEADERS]);
    expect(data[0]).toEqual(['排名', '网站标识码', '网站名称', '得分']);
    expect(data).toHaveLength(6);
    const evil = data.find((r) => r[1] === '3411000013')!;
    expect(evil[2]!.startsWith("'=")).toBe(true);
  });
});

describe('附件2 存在突出问题的政府网站名单', () => {
  it('lists the 不合格 sites with their outstanding problems, not the 疑似 ones', () => {
    expect(problemRows(SITES)).toEqual([
      { index: 1, name: '=HYPERLINK("http://x")', siteCode: '3411000013', homeUrl: 'http://s3411000013.gov.cn/', result: '不合格', problems: '检查得分低于60分（50.00分）' },
      { index: 2, name: '滁州市南谯区人民政府', siteCode: '3411030026', homeUrl: 'http://www.cznq.gov.cn/', result: '不合格', problems: '存在严重表述错误' },
    ]);
    const data = Papa.parse<string[]>(problemCsv(SITES).slice(1)).data;
    expect(data[0]).toEqual(['序号', '网站名称', '网站标识码', '首页网址', '结果', '存在的突出问题']);
    expect(data[0]).toEqual([...PROBLEM_HEADERS]);
    expect(data[2]).toEqual(['2', '滁州市南谯区人民政府', '3411030026', 'http://www.cznq.gov.cn/', '不合格', '存在严重表述错误']);
  });
});

describe('printable annex page', () => {
  it('holds both tables as text, never markup from site names', () => {
    const hostile: AnnexSite = { site: site('3411000077', '<img src=x onerror=alert(1)>局'), verdict: siteVerdict([]) };
    const doc = annexDocument(document.implementation, [...SITES, hostile], { period: '2026年第四季度' });
    const html = serializeDocument(doc);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;局');
    const back = new DOMParser().parseFromString(html, 'text/html');
    expect(back.querySelectorAll('img').length).toBe(0);
    expect(back.querySelector('h1')!.textContent).toBe('2026年第四季度政府网站检查评分结果');
    const scores = back.querySelector('[data-testid="annex-scores"]')!;
    expect([...scores.querySelectorAll('th')].map((t) => t.textContent)).toEqual([...SCORE_HEADERS]);
    expect(scores.querySelectorAll('tbody tr').length).toBe(6);
    const first = [...scores.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((t) => t.textContent);
    expect(first).toEqual(['1', '3411000077', '<img src=x onerror=alert(1)>局', '100.00']);
    const problems = back.querySelector('[data-testid="annex-problems"]')!;
    expect([...problems.querySelectorAll('th')].map((t) => t.textContent)).toEqual([...PROBLEM_HEADERS]);
    expect(problems.querySelectorAll('tbody tr').length).toBe(2);
    expect(back.body.textContent).toContain('被单项否决的网站不参与评分');
  });
});

describe('附件1 of a round, from the store', () => {
  it('lists a clean site scanned in the round with full score; a site not inspected in the round is left out', async () => {
    const db = new GovCheckDB(`govcheck-annex-${crypto.randomUUID()}`);
    const ROUND = '2026年第四季度';
    try {
      const typoSite = 'https://www.yichun.gov.cn/';
      const cleanSite = 'https://www.clean.gov.cn/';
      const otherRound = 'https://www.other.gov.cn/';
      await saveScan(db, makeReport(typoSite, [makeFinding({ url: typoSite, site: 'www.yichun.gov.cn' })], { siteCode: '3609000001' }), 1000, ROUND);
      // the clean site: two pages scanned in the round, no finding at all
      await saveScan(db, makeReport(cleanSite, [], { siteName: '清洁县人民政府', siteCode: '3609000002' }), 1100, ROUND);
      await saveScan(db, makeReport(`${cleanSite}xxgk/`, [], { siteName: '清洁县人民政府', siteCode: '3609000002' }), 1200, ROUND);
      await saveScan(db, makeReport(otherRound, [], { siteName: '别的县', siteCode: '3609000003' }), 1300, '2026年第三季度');

      const stats = await siteStats(db, { round: ROUND });
      expect(stats.map((s) => s.site.site).sort()).toEqual(['www.clean.gov.cn', 'www.yichun.gov.cn']);
      const clean = stats.find((s) => s.site.site === 'www.clean.gov.cn')!;
      expect(clean.verdict).toMatchObject({ verdict: '合格', score: 100, scored: true });
      expect(clean.pages).toBe(2);
      expect(scoreRows(stats)).toEqual([
        { rank: 1, siteCode: '3609000002', name: '清洁县人民政府', score: '100.00' },
        { rank: 2, siteCode: '3609000001', name: '宜春市人民政府', score: '99.00' },
      ]);
      expect(problemRows(stats)).toEqual([]);
      // the other round lists only its own site
      expect((await siteStats(db, { round: '2026年第三季度' })).map((s) => s.site.site)).toEqual(['www.other.gov.cn']);
    } finally {
      await db.delete();
    }
  });
});
