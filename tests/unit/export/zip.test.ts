// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { buildZip } from '../../../lib/export/zip';
import type { Finding, SiteRecord } from '../../../lib/types';

const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id,
  ruleId: 'manual.capture',
  severity: 'deduct',
  category: 'typo',
  message: '错别字',
  evidence: '烈土',
  url: 'http://www.demo-county.gov.cn/a.html',
  site: 'www.demo-county.gov.cn',
  anchor: 'text',
  status: 'open',
  source: 'manual',
  createdAt: 1,
  lastSeen: 1,
  updatedAt: 1,
  ...over,
});
const site: SiteRecord = { site: 'www.demo-county.gov.cn', name: '示范县人民政府', siteCode: '3609990001', homeUrl: 'http://www.demo-county.gov.cn/', firstSeen: 0, lastSeen: 0 };
const png = (n: number) => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, n])], { type: 'image/png' });

describe('ZIP export', () => {
  it('holds the CSV and every screenshot named by its finding, and the CSV points at the files', async () => {
    const fs = [finding('aaaa000000000001'), finding('bbbb000000000002', { ruleId: 'typo.known', source: 'auto' })];
    const zip = await buildZip({
      csvName: 'findings.csv',
      findings: fs,
      sites: new Map([[site.site, site]]),
      screenshots: [
        { id: 's1', findingId: 'aaaa000000000001', blob: png(1), width: 1, height: 1, createdAt: 1 },
        { id: 's2', findingId: 'aaaa000000000001', blob: png(2), width: 1, height: 1, createdAt: 2 },
      ],
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'findings.csv',
      'screenshots/www.demo-county.gov.cn/manual.capture-aaaa000000000001-2.png',
      'screenshots/www.demo-county.gov.cn/manual.capture-aaaa000000000001.png',
    ]);
    expect([...files['screenshots/www.demo-county.gov.cn/manual.capture-aaaa000000000001-2.png']!]).toEqual([0x89, 0x50, 0x4e, 0x47, 2]);
    // ignoreBOM: keep the BOM so the test can see it (TextDecoder strips it by default)
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['findings.csv']!);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    const col = rows[0]!.indexOf('截图');
    const row = rows.find((r) => r[5] === 'manual.capture')!;
    expect(row[0]).toBe('示范县人民政府');
    expect(row[col]).toBe('screenshots/www.demo-county.gov.cn/manual.capture-aaaa000000000001.png screenshots/www.demo-county.gov.cn/manual.capture-aaaa000000000001-2.png');
    expect(rows.find((r) => r[5] === 'typo.known')![col]).toBe('');
  });
});

describe('CSV in parts', () => {
  it('concatenates, site by site, to exactly the one-piece CSV', async () => {
    const { findingsToCsv, csvHeaderPart, csvRowsPart, compareSites } = await import('../../../lib/export/csv');
    const fs = [
      finding('a1', { site: 'b.gov.cn', url: 'http://b.gov.cn/2', evidence: '=1+1' }),
      finding('a2', { site: 'a.gov.cn', url: 'http://a.gov.cn/', evidence: '多行\n文字, "引号"' }),
      finding('a3', { site: 'b.gov.cn', url: 'http://b.gov.cn/1', severity: 'veto' }),
      finding('a4', { site: 'c.gov.cn', url: 'http://c.gov.cn/' }),
    ];
    const rows = fs.map((f) => ({ finding: f, site: f.site === 'a.gov.cn' ? site : undefined }));
    const sites = [...new Set(fs.map((f) => f.site))].sort(compareSites);
    const parts = [csvHeaderPart(), ...sites.map((s) => csvRowsPart(rows.filter((r) => r.finding.site === s)))];
    expect(parts.join('')).toBe(findingsToCsv(rows));
    expect(csvHeaderPart()).toBe(findingsToCsv([]));
  });
});
