// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan } from '../../../lib/store/repo';
import { csvParts, findingsInScope, sitesById } from '../../../lib/export/scope';
import { findingsToCsv } from '../../../lib/export/csv';
import { makeFinding, makeReport } from '../store/fixtures';

const opened: GovCheckDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function oneShot(db: GovCheckDB, scope: Parameters<typeof csvParts>[1]) {
  const sites = await sitesById(db);
  return findingsToCsv((await findingsInScope(db, scope)).map((finding) => ({ finding, site: sites.get(finding.site) })));
}

describe('CSV export by scope', () => {
  it('gives, site by site, the same file as the one-piece export for everything, a round and a site', async () => {
    const db = new GovCheckDB(`govcheck-scope-${crypto.randomUUID()}`);
    opened.push(db);
    for (const [host, round] of [['www.b.gov.cn', 'R1'], ['www.a.gov.cn', 'R2'], ['www.c.gov.cn', 'R1']] as const) {
      const url = `https://${host}/`;
      await saveScan(db, makeReport(url, [makeFinding({ url, site: host, round }), makeFinding({ url, site: host, round, evidence: '烈土', ruleId: 'typo.x' })]), 1000);
    }
    for (const scope of [{ kind: 'all' as const }, { kind: 'round' as const, round: 'R1' }, { kind: 'site' as const, site: 'www.a.gov.cn' }]) {
      const { parts, count } = await csvParts(db, scope);
      expect(parts.join('')).toBe(await oneShot(db, scope));
      expect(count).toBe((await findingsInScope(db, scope)).length);
    }
    expect((await csvParts(db, { kind: 'round', round: 'R1' })).count).toBe(4);
  });

  it('puts a finding carried over from an earlier round into the later round\'s CSV', async () => {
    const db = new GovCheckDB(`govcheck-scope-${crypto.randomUUID()}`);
    opened.push(db);
    const a = 'https://www.a.gov.cn/';
    const b = 'https://www.b.gov.cn/';
    const carried = makeFinding({ url: a, site: 'www.a.gov.cn', evidence: '烈土', ruleId: 'typo.x' });
    await saveScan(db, makeReport(a, [carried]), 1000, 'Q3');
    await saveScan(db, makeReport(b, [makeFinding({ url: b, site: 'www.b.gov.cn' })]), 1001, 'Q3');
    await saveScan(db, makeReport(a, [carried]), 2000, 'Q4');
    const q4 = { kind: 'round' as const, round: 'Q4' };
    expect((await findingsInScope(db, q4)).map((f) => f.id)).toEqual([carried.id]);
    const { parts, count } = await csvParts(db, q4);
    expect(count).toBe(1);
    const csv = parts.join('');
    expect(csv).toContain('烈土');
    expect(csv).not.toContain('www.b.gov.cn');
    expect(csv).toBe(await oneShot(db, q4));
    expect((await csvParts(db, { kind: 'round', round: 'Q3' })).count).toBe(2);
  });

  it('does not lose findings of a site that has no site record', async () => {
    const db = new GovCheckDB(`govcheck-scope-${crypto.randomUUID()}`);
    opened.push(db);
    const url = 'https://www.a.gov.cn/';
    await saveScan(db, makeReport(url, [makeFinding({ url, site: 'www.a.gov.cn' })]), 1000);
    const stray = makeFinding({ url: 'https://x.gov.cn/', site: 'x.gov.cn' });
    await db.findings.put({ ...stray, status: 'open', createdAt: 1, lastSeen: 1, updatedAt: 1 });
    const { parts, count } = await csvParts(db, { kind: 'all' });
    expect(count).toBe(2);
    expect(parts.join('')).toBe(await oneShot(db, { kind: 'all' }));
  });
});
