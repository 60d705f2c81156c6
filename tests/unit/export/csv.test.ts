// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, csvFileName, findingsToCsv, formatTime } from '../../../lib/export/csv';
import type { Finding, SiteRecord } from '../../../lib/types';

const T1 = new Date(2026, 10, 23, 9, 5).getTime();
const T2 = new Date(2026, 10, 24, 18, 30).getTime();

const site: SiteRecord = {
  site: 'www.yichun.gov.cn',
  name: '宜春市人民政府',
  siteCode: '3609000001',
  homeUrl: 'https://www.yichun.gov.cn/',
  firstSeen: T1,
  lastSeen: T2,
};

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'f1',
    ruleId: 'typo.known',
    severity: 'deduct',
    category: 'typo',
    message: '疑似错别字',
    evidence: '即然',
    suggestion: '既然',
    url: 'https://www.yichun.gov.cn/art/1.html',
    site: 'www.yichun.gov.cn',
    anchor: 'text',
    status: 'open',
    source: 'auto',
    createdAt: T1,
    lastSeen: T2,
    updatedAt: T1,
    ...over,
  };
}

/** Parses the CSV back (BOM stripped) into rows of cells. */
function parse(csv: string): string[][] {
  const r = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('findingsToCsv', () => {
  it('starts with a BOM and has the exact header row', () => {
    const csv = findingsToCsv([{ finding: finding(), site }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      '网站名称,网站标识码,首页网址,页面地址,问题类别,规则,严重程度,问题描述,证据,建议,状态,来源,备注,截图,发现时间,最后确认时间,检查人,检查批次',
    );
    expect(parse(csv)[0]).toEqual([...CSV_HEADERS]);
  });

  it('gives only the header for an empty list', () => {
    const csv = findingsToCsv([]);
    expect(csv).toBe('\uFEFF' + CSV_HEADERS.join(','));
  });

  it('uses CRLF between records', () => {
    const csv = findingsToCsv([{ finding: finding(), site }, { finding: finding({ id: 'f2' }), site }]);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes Chinese labels, site data and local times', () => {
    const rows = parse(
      findingsToCsv(
        [{ finding: finding({ severity: 'veto', category: 'expression', status: 'dismissed', source: 'manual', note: '已核实' }), site }],
        { inspector: '张三', round: '2026年第四季度' },
      ),
    );
    expect(rows[1]).toEqual([
      '宜春市人民政府',
      '3609000001',
      'https://www.yichun.gov.cn/',
      'https://www.yichun.gov.cn/art/1.html',
      '严重表述错误',
      'typo.known',
      '单项否决',
      '疑似错别字',
      '即然',
      '既然',
      '已忽略',
      '人工',
      '已核实',
      '',
      '2026-11-23 09:05',
      '2026-11-24 18:30',
      '张三',
      '2026年第四季度',
    ]);
  });

  it('maps every status and severity', () => {
    const csv = findingsToCsv(
      (['open', 'confirmed', 'dismissed', 'fixed'] as const).map((status, i) => ({
        finding: finding({ id: `s${i}`, status, severity: (['veto', 'deduct', 'hint', 'hint'] as const)[i] }),
      })),
    );
    for (const label of ['待处理', '已确认', '已忽略', '已整改', '单项否决', '扣分', '待复核', '错别字', '自动']) {
      expect(csv).toContain(label);
    }
  });

  it("prefers a finding's own inspector and round over the options", () => {
    const rows = parse(findingsToCsv([{ finding: finding({ inspector: '李四', round: 'R1' }) }], { inspector: '张三', round: 'R2' }));
    expect(rows[1]!.slice(-2)).toEqual(['李四', 'R1']);
  });

  it('falls back to the origin as home url without a site record', () => {
    const rows = parse(findingsToCsv([{ finding: finding() }]));
    expect(rows[1]!.slice(0, 3)).toEqual(['', '', 'https://www.yichun.gov.cn/']);
  });

  it('round-trips a field with a comma, a quote and a newline', () => {
    const tricky = '他说："你好，世界", 然后\r\n换行\n再换行';
    const rows = parse(findingsToCsv([{ finding: finding({ evidence: tricky, message: 'a,b' }), site }]));
    expect(rows).toHaveLength(2);
    expect(rows[1]![8]).toBe(tricky);
    expect(rows[1]![7]).toBe('a,b');
  });

  it('neutralises formula cells starting with = + - @ tab or CR', () => {
    const evil = ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1\n=2'];
    const rows = parse(findingsToCsv(evil.map((evidence, i) => ({ finding: finding({ id: `e${i}`, evidence }), site }))));
    const cells = rows.slice(1).map((r) => r[8]);
    expect(cells.sort()).toEqual(evil.map((e) => "'" + e).sort());
    // a safe value is left alone
    expect(parse(findingsToCsv([{ finding: finding({ evidence: '1+1=2' }), site }]))[1]![8]).toBe('1+1=2');
  });

  it('sorts by site, url, then severity (veto first)', () => {
    const rows = parse(
      findingsToCsv([
        { finding: finding({ id: 'a', site: 'b.gov.cn', url: 'https://b.gov.cn/', severity: 'veto' }) },
        { finding: finding({ id: 'b', url: 'https://www.yichun.gov.cn/z.html', severity: 'veto' }) },
        { finding: finding({ id: 'c', url: 'https://www.yichun.gov.cn/a.html', severity: 'hint' }) },
        { finding: finding({ id: 'd', url: 'https://www.yichun.gov.cn/a.html', severity: 'veto' }) },
        { finding: finding({ id: 'e', url: 'https://www.yichun.gov.cn/a.html', severity: 'deduct' }) },
      ]),
    );
    expect(rows.slice(1).map((r) => `${r[3]} ${r[6]}`)).toEqual([
      'https://b.gov.cn/ 单项否决',
      'https://www.yichun.gov.cn/a.html 单项否决',
      'https://www.yichun.gov.cn/a.html 扣分',
      'https://www.yichun.gov.cn/a.html 待复核',
      'https://www.yichun.gov.cn/z.html 单项否决',
    ]);
  });
});

describe('formatTime / csvFileName', () => {
  it('formats local times and empty for missing', () => {
    expect(formatTime(T1)).toBe('2026-11-23 09:05');
    expect(formatTime(undefined)).toBe('');
  });

  it('names the file by scope and local date', () => {
    expect(csvFileName('www.yichun.gov.cn', new Date(2026, 10, 23, 23, 59))).toBe(
      'govcheck-findings-www.yichun.gov.cn-20261123.csv',
    );
    expect(csvFileName('a/b: c', new Date(2026, 0, 2))).toBe('govcheck-findings-a_b_c-20260102.csv');
  });
});
