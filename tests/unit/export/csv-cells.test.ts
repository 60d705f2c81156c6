// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, FORMULA_START, csvCell, findingsToCsv } from '../../../lib/export/csv';
import type { Finding, SiteRecord } from '../../../lib/types';

/** The CSV writer's cells against papaparse itself, with the options the export used to pass it. */
const papaCell = (v: unknown) => Papa.unparse([[v]], { header: false, newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });

const NASTY = [
  '',
  'plain 文字',
  ' leading',
  'trailing ',
  ' ',
  'a,b',
  'say "hi"',
  '"',
  'line1\nline2',
  'cr\rhere',
  'crlf\r\nx',
  '\uFEFFbom',
  'mid\uFEFFbom',
  '=SUM(A1)',
  '=x\ny',
  '+1',
  '-2',
  '@cmd',
  '\tTab',
  '\rCR',
  '="quoted"',
  "'already",
  'https://www.yichun.gov.cn/a?b=1&c=2',
  '中华人民共和国，国务院',
  '全角“引号”',
];

describe('csvCell', () => {
  it('writes every cell exactly as papaparse does', () => {
    for (const s of NASTY) expect(csvCell(s), JSON.stringify(s)).toBe(papaCell(s));
    // random cells built from the characters that matter
    const alphabet = ['a', '中', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '\uFEFF', "'"];
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 12) % n);
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd(7) }, () => alphabet[rnd(alphabet.length)]).join('');
      expect(csvCell(s), JSON.stringify(s)).toBe(papaCell(s));
    }
    // values that are not strings: Papa writes their text and does not neutralise them
    for (const v of [undefined, null, -5, 0, 12.5]) expect(csvCell(v)).toBe(papaCell(v));
  });

  it('makes findingsToCsv equal to papaparse over whole rows', () => {
    const site: SiteRecord = { site: 's.gov.cn', name: ' 名称,带逗号', siteCode: '=1', homeUrl: 'https://s.gov.cn/', firstSeen: 0, lastSeen: 0 };
    const rows = NASTY.map((s, i) => ({
      site,
      finding: {
        id: `f${i}`,
        ruleId: 'typo.known',
        severity: 'deduct',
        category: 'typo',
        message: s,
        evidence: NASTY[(i + 3) % NASTY.length]!,
        suggestion: NASTY[(i + 7) % NASTY.length],
        note: NASTY[(i + 11) % NASTY.length],
        url: `https://s.gov.cn/${String(i).padStart(2, '0')}.html`,
        site: 's.gov.cn',
        anchor: 'text',
        status: 'open',
        source: 'auto',
        createdAt: 0,
        lastSeen: 0,
        updatedAt: 0,
      } as Finding,
    }));
    const csv = findingsToCsv(rows);
    // re-serialise what Papa parses back: Papa's own writer must produce the same bytes
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    const cells = parsed.slice(1).map((r) => r.map((c) => (c.startsWith("'") && FORMULA_START.test(c.slice(1)) ? c.slice(1) : c)));
    const papa = '\uFEFF' + Papa.unparse({ fields: [...CSV_HEADERS], data: cells }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
    expect(csv).toBe(papa);
    expect(parsed).toHaveLength(NASTY.length + 1);
  });
});
