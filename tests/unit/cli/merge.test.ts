// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GovCheckDB } from '../../../lib/store/db';
import { saveScan, setStatus } from '../../../lib/store/repo';
import { exportBackup, importBackup, parseBackup, validateBackup } from '../../../lib/export/backup';
import { mergeBackupTexts } from '../../../cli/merge';
import { makeFinding, makeReport } from '../store/fixtures';
import { freshDbFactory } from '../../helpers/fresh-db';

const freshDb = freshDbFactory('govcheck-merge');

const A = 'https://www.yichun.gov.cn/';
const B = 'https://www.yzq.gov.cn/';
const ROUND = '2026年第四季度';

/** Two shards' stores: a site each, plus one page of A scanned on both (a site listed twice). */
async function shards() {
  const one = freshDb();
  const two = freshDb();
  const fa = makeFinding({ url: A, site: 'www.yichun.gov.cn' });
  const fb = makeFinding({ url: B, site: 'www.yzq.gov.cn', ruleId: 'expression.political', severity: 'veto', category: 'expression', evidence: '党十九大' });
  await saveScan(one, makeReport(A, [fa]), 1000, ROUND);
  await saveScan(two, makeReport(B, [fb], { siteName: '袁州区人民政府', siteCode: '3609020001' }), 1100, ROUND);
  // the same finding seen on shard two later, and confirmed there
  await saveScan(two, makeReport(A, [fa]), 2000, '2027年第一季度');
  await setStatus(two, fa.id, 'confirmed', undefined, 2500);
  return { one, two, fa, fb };
}

const text = async (db: GovCheckDB) => JSON.stringify(await exportBackup(db, 9));
const byKey = <T>(list: T[], key: (x: T) => string) => [...list].sort((x, y) => key(x).localeCompare(key(y)));

describe('npm run merge (backups merged with the dashboard import rules)', () => {
  it('equals importing the backups one after the other into an empty dashboard', async () => {
    const { one, two } = await shards();
    const files = [
      { name: 'shard-0.json', text: await text(one) },
      { name: 'shard-1.json', text: await text(two) },
    ];
    const { backup, lines } = mergeBackupTexts(files, 9);
    expect(() => validateBackup(JSON.parse(JSON.stringify(backup)))).not.toThrow();

    const dashboard = freshDb();
    const sums = [];
    for (const f of files) sums.push(await importBackup(dashboard, parseBackup(f.text)));
    const imported = await exportBackup(dashboard, 9);
    expect(byKey(backup.sites, (s) => s.site)).toEqual(byKey(imported.sites, (s) => s.site));
    expect(byKey(backup.pages, (p) => p.url)).toEqual(byKey(imported.pages, (p) => p.url));
    expect(byKey(backup.findings, (f) => f.id)).toEqual(byKey(imported.findings, (f) => f.id));
    expect(byKey(backup.rounds, (r) => r.id)).toEqual(byKey(imported.rounds, (r) => r.id));
    // the summaries the CLI prints are the dashboard's
    expect(lines[1]).toContain('问题记录：新增 1 条，更新 1 条');
    expect(sums[1]!.findings).toMatchObject({ added: 1, updated: 1 });
  });

  it('a finding on both shards: the newer decision wins and the rounds of both are kept', async () => {
    const { one, two, fa } = await shards();
    const { backup } = mergeBackupTexts([
      { name: 'a', text: await text(one) },
      { name: 'b', text: await text(two) },
    ]);
    const f = backup.findings.find((x) => x.id === fa.id)!;
    expect(f.status).toBe('confirmed');
    expect(f.seenIn).toEqual([ROUND, '2027年第一季度']);
    expect(f.createdAt).toBe(1000);
    // order does not change the outcome
    const { backup: reversed } = mergeBackupTexts([
      { name: 'b', text: await text(two) },
      { name: 'a', text: await text(one) },
    ]);
    expect(reversed.findings.find((x) => x.id === fa.id)).toEqual(f);
    expect(backup.sites.map((s) => s.site).sort()).toEqual(['www.yichun.gov.cn', 'www.yzq.gov.cn']);
  });

  it('a file that fails validation names the file and merges nothing', () => {
    expect(() => mergeBackupTexts([{ name: 'shard-3.json', text: '{"format":"other"}' }])).toThrow(/^shard-3\.json：这不是 GovCheck 的备份文件/);
  });
});
