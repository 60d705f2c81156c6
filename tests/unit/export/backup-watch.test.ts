// @vitest-environment node
/** The availability watch in JSON backups: exported, restored, merged without duplicates, validated. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GovCheckDB } from '../../../lib/store/db';
import { addProbe, putWatch } from '../../../lib/store/probes';
import { BackupError, exportBackup, exportSiteBackup, importBackup, parseBackup, summaryText } from '../../../lib/export/backup';
import { mergeWatch, planWatchMerge } from '../../../lib/export/backup-watch';
import { mergeBackupTexts } from '../../../cli/merge';
import type { ProbeRecord, WatchRecord } from '../../../lib/watch/types';
import { freshDbFactory } from '../../helpers/fresh-db';

const freshDb = freshDbFactory('govcheck-backup-watch');

const A = 'www.yichun.gov.cn';
const B = 'www.yzq.gov.cn';
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

async function watched(): Promise<GovCheckDB> {
  const db = freshDb();
  await putWatch(db, { site: A, homeUrl: `https://${A}/`, startedAt: T0, endsAt: T0 + 30 * 24 * HOUR });
  await putWatch(db, { site: B, homeUrl: `https://${B}/`, startedAt: T0, endsAt: T0 + 30 * 24 * HOUR, stoppedAt: T0 + 5 * HOUR });
  await addProbe(db, { site: A, at: T0 + HOUR, ok: true, status: 200, ms: 320 });
  await addProbe(db, { site: A, at: T0 + 2 * HOUR, ok: false, error: 'timeout', ms: 10000 });
  await addProbe(db, { site: B, at: T0 + HOUR, ok: false, status: 503, ms: 80 });
  return db;
}

const rows = async (db: GovCheckDB) => ({
  watches: (await db.watches.toArray()).sort((x, y) => x.site.localeCompare(y.site)),
  probes: (await db.probes.toArray()).map(({ id: _id, ...p }) => p).sort((x, y) => x.site.localeCompare(y.site) || x.at - y.at),
});

describe('availability watch in backups', () => {
  it('restores the watches and their probes into an empty store, and a second import adds nothing', async () => {
    const db = await watched();
    const text = JSON.stringify(await exportBackup(db));
    const other = freshDb();
    const first = await importBackup(other, parseBackup(text));
    expect(first.watches).toEqual({ added: 2, updated: 0 });
    expect(first.probes).toEqual({ added: 3, skipped: 0 });
    expect(summaryText(first)).toContain('探测记录：新增 3 条');
    expect(await rows(other)).toEqual(await rows(db));
    const again = await importBackup(other, parseBackup(text));
    expect(again.watches).toEqual({ added: 0, updated: 0 });
    expect(again.probes).toEqual({ added: 0, skipped: 3 });
    expect(await other.probes.count()).toBe(3);
  });

  it('a site backup holds that site’s watch and probes only', async () => {
    const b = await exportSiteBackup(await watched(), A);
    expect(b.watches.map((w) => w.site)).toEqual([A]);
    expect(b.probes.map((p) => [p.site, p.at])).toEqual([[A, T0 + HOUR], [A, T0 + 2 * HOUR]]);
    expect(b.probes.every((p) => p.id === undefined)).toBe(true);
  });

  it('reads a backup made before watches were kept (no watches or probes lists)', async () => {
    const b = JSON.parse(JSON.stringify(await exportBackup(await watched())));
    delete b.watches;
    delete b.probes;
    const other = freshDb();
    const sum = await importBackup(other, parseBackup(JSON.stringify(b)));
    expect(sum.probes).toEqual({ added: 0, skipped: 0 });
    expect(await other.watches.count()).toBe(0);
    expect(summaryText(sum)).not.toContain('探测记录');
  });

  it('rejects a malformed watch or probe with a Chinese error and changes nothing', async () => {
    const db = await watched();
    const good = JSON.stringify(await exportBackup(db));
    const before = await rows(db);
    const bad: [string, RegExp][] = [
      [good.replace('"ok":true', '"ok":"yes"'), /第 1 条探测记录：结果（ok）不是布尔值/],
      [good.replace(/"startedAt":\d+/, '"startedAt":"today"'), /第 1 个可用性监测：时间字段 startedAt/],
      [good.replace(/"probes":\[/, '"probes":[1,'), /第 1 条探测记录：不是对象/],
    ];
    for (const [text, msg] of bad) {
      expect(() => parseBackup(text)).toThrow(BackupError);
      expect(() => parseBackup(text)).toThrow(msg);
    }
    expect(await rows(db)).toEqual(before);
  });

  it('merge: the later-started watch wins; the same watch keeps its earlier stop; probes keyed by site and time', () => {
    const w: WatchRecord = { site: A, homeUrl: 'u', startedAt: 10, endsAt: 100 };
    expect(mergeWatch(w, { ...w, startedAt: 20, endsAt: 200 })).toMatchObject({ startedAt: 20, endsAt: 200 });
    expect(mergeWatch({ ...w, startedAt: 20 }, w)).toMatchObject({ startedAt: 20 });
    expect(mergeWatch({ ...w, stoppedAt: 50 }, { ...w, stoppedAt: 40 }).stoppedAt).toBe(40);
    expect(mergeWatch(w, { ...w, stoppedAt: 40 }).stoppedAt).toBe(40);
    const p: ProbeRecord = { site: A, at: 5, ok: true, ms: 1 };
    const plan = planWatchMerge({ watches: [w, { ...w, stoppedAt: 30 }], probes: [p, { ...p, id: 9 }, { ...p, at: 6 }] }, { watch: () => w, probe: (k) => k === `${A}\u00005` });
    expect(plan.watches).toEqual([{ ...w, stoppedAt: 30 }]);
    expect(plan.summary).toEqual({ watches: { added: 0, updated: 1 }, probes: { added: 1, skipped: 2 } });
    expect(plan.probes).toEqual([{ ...p, at: 6 }]);
  });

  it('npm run merge combines the shards’ watches and probes without duplicates', async () => {
    const one = await watched();
    const two = freshDb();
    await putWatch(two, { site: A, homeUrl: `https://${A}/`, startedAt: T0, endsAt: T0 + 30 * 24 * HOUR });
    await addProbe(two, { site: A, at: T0 + HOUR, ok: true, status: 200, ms: 320 });
    await addProbe(two, { site: A, at: T0 + 3 * HOUR, ok: true, status: 200, ms: 300 });
    const { backup } = mergeBackupTexts([
      { name: 'one.json', text: JSON.stringify(await exportBackup(one)) },
      { name: 'two.json', text: JSON.stringify(await exportBackup(two)) },
    ]);
    expect(backup.watches.map((w) => w.site).sort()).toEqual([A, B]);
    expect(backup.probes.filter((p) => p.site === A).map((p) => p.at).sort()).toEqual([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
  });
});
