// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GovCheckDB } from '../../../lib/store/db';
import { saveScan, setStatus } from '../../../lib/store/repo';
import { exportBackup, importBackup, parseBackup, BackupError, summaryText, bytesToBase64, base64ToBytes, BACKUP_FORMAT, BACKUP_VERSION } from '../../../lib/export/backup';
import { isCategory, isSeverity, isSource, isStatus } from '../../../lib/store/validate';
import type { Finding, PageRecord } from '../../../lib/types';
import { makeFinding, makeReport } from '../store/fixtures';
import { freshDbFactory } from '../../helpers/fresh-db';

const freshDb = freshDbFactory('govcheck-backup');

const HOME = 'https://www.yichun.gov.cn/';
const SITE = 'www.yichun.gov.cn';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 255]);

async function seeded(): Promise<{ db: GovCheckDB; ids: string[] }> {
  const db = freshDb();
  const a = makeFinding({ url: HOME, site: SITE });
  const b = makeFinding({ url: HOME, site: SITE, ruleId: 'expression.political', severity: 'veto', category: 'expression', evidence: '党十九大' });
  await saveScan(db, makeReport(HOME, [a, b]), 1000);
  await db.screenshots.put({ id: 'shot-1', findingId: a.id, blob: new Blob([PNG], { type: 'image/png' }), width: 10, height: 5, createdAt: 1500 });
  await db.rounds.put({ id: '2026年第四季度', name: '2026年第四季度', createdAt: 900 });
  return { db, ids: [a.id, b.id] };
}

async function snapshot(db: GovCheckDB) {
  const shots = await db.screenshots.toArray();
  return {
    sites: await db.sites.toArray(),
    pages: await db.pages.toArray(),
    findings: await db.findings.orderBy('id').toArray(),
    rounds: await db.rounds.toArray(),
    shots: await Promise.all(shots.map(async ({ blob, ...r }) => ({ ...r, type: blob.type, bytes: [...new Uint8Array(await blob.arrayBuffer())] }))),
  };
}

describe('JSON backup and import', () => {
  it('base64 round-trips bytes', () => {
    const big = new Uint8Array(100_000).map((_, i) => i * 7);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });

  it('restores everything into an empty store, screenshots included', async () => {
    const { db } = await seeded();
    const text = JSON.stringify(await exportBackup(db));
    const other = freshDb();
    const sum = await importBackup(other, parseBackup(text));
    expect(sum.findings).toMatchObject({ added: 2, updated: 0, skipped: 0 });
    expect(sum.screenshots).toEqual({ added: 1, skipped: 0 });
    expect(await snapshot(other)).toEqual(await snapshot(db));
    expect(summaryText(sum)).toContain('新增 2 条');
  });

  it('merges: the newer updatedAt wins per finding, the rest is counted as skipped', async () => {
    const { db, ids } = await seeded();
    const mine = freshDb();
    await importBackup(mine, parseBackup(JSON.stringify(await exportBackup(db))));
    // colleague confirms finding 0 later; I dismissed finding 1 later than their copy
    await setStatus(db, ids[0]!, 'confirmed', '已核实', 5000);
    await setStatus(mine, ids[1]!, 'dismissed', '引用示例', 6000);
    // and they found a new problem
    const c = makeFinding({ url: HOME + 'a.html', site: SITE, evidence: '烈土' });
    await saveScan(db, makeReport(HOME + 'a.html', [c]), 7000);
    const sum = await importBackup(mine, parseBackup(JSON.stringify(await exportBackup(db))));
    expect(sum.findings).toMatchObject({ added: 1, updated: 1, skipped: 1, skippedOlder: 1, skippedSame: 0 });
    expect(sum.pages).toMatchObject({ added: 1, updated: 0, skipped: 1 });
    expect(sum.screenshots).toEqual({ added: 0, skipped: 1 });
    const got = await mine.findings.bulkGet([ids[0]!, ids[1]!, c.id]);
    expect(got[0]).toMatchObject({ status: 'confirmed', note: '已核实' });
    expect(got[1]).toMatchObject({ status: 'dismissed', note: '引用示例' });
    expect(got[2]).toBeDefined();
    // importing the same file again changes nothing
    const again = await importBackup(mine, parseBackup(JSON.stringify(await exportBackup(db))));
    expect(again.findings).toMatchObject({ added: 0, updated: 0 });
  });

  it('rejects corrupted or malformed files with a Chinese error and leaves the store unchanged', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const good = JSON.stringify(await exportBackup(db));
    const bad: [string, RegExp][] = [
      [good.slice(0, good.length / 2), /不是有效的 JSON/],
      ['{"hello":1}', /不是 GovCheck 的备份文件/],
      [good.replace('"severity":"veto"', '"severity":"fatal"'), /第 \d+ 条问题记录：严重程度 “fatal” 无法识别/],
      [good.replace(/"updatedAt":\d+/, '"updatedAt":"yesterday"'), /时间字段 updatedAt/],
      [good.replace(/"data":"[^"]+"/, '"data":"@@@notbase64"'), /不是有效的 base64/],
      [good.replace('"version":1', '"version":99'), /升级扩展/],
    ];
    for (const [text, msg] of bad) {
      let err: unknown;
      try {
        await importBackup(db, parseBackup(text));
      } catch (e) {
        err = e;
      }
      expect(err, msg.source).toBeInstanceOf(BackupError);
      expect((err as Error).message).toMatch(msg);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failure inside the write transaction rolls everything back', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const b = parseBackup(JSON.stringify(await exportBackup(db)));
    b.findings.push({ ...b.findings[0]!, id: 'new-one', updatedAt: 99 });
    // a site key IndexedDB cannot store (an object) passes our string check only if forced
    (b.screenshots as unknown[]).push({ ...b.screenshots[0]!, id: { bad: true } as unknown as string });
    await expect(importBackup(db, b)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});

/** A stored finding with every field the merge combines. */
function stored(over: Partial<Finding>): Finding {
  return {
    ...makeFinding({ url: HOME, site: SITE }),
    status: 'open',
    createdAt: 1000,
    lastSeen: 1000,
    updatedAt: 1000,
    ...over,
  };
}

function page(over: Partial<PageRecord>): PageRecord {
  return { url: HOME, site: SITE, title: '首页', pageType: 'home', pubDate: null, scanMs: 10, lastScanned: 1000, findingCount: 1, ...over };
}

/** A backup file holding just these records, through the same text parse a real import uses. */
function file(findings: Finding[], pages: PageRecord[] = []) {
  return parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 9000, sites: [], pages, findings, rounds: [], screenshots: [] }));
}

describe('import merge keeps what either side recorded', () => {
  it('file newer: its decisions win, the local rounds, screenshot and reopening stay', async () => {
    const db = freshDb();
    const local = stored({ round: 'R1', seenIn: ['R1', 'R2'], screenshotId: 'shot-local', reopenedAt: 4000, createdAt: 2000, lastSeen: 5000, updatedAt: 4000 });
    await db.findings.put(local);
    const theirs = stored({ round: 'R0', seenIn: ['R0', 'R3'], status: 'confirmed', note: '已核实', severity: 'veto', createdAt: 1500, lastSeen: 3000, updatedAt: 6000 });
    const sum = await importBackup(db, file([theirs]));
    expect(sum.findings).toMatchObject({ updated: 1, skipped: 0 });
    const got = (await db.findings.get(local.id))!;
    expect(got).toMatchObject({ status: 'confirmed', note: '已核实', severity: 'veto', updatedAt: 6000 });
    expect(got).toMatchObject({ screenshotId: 'shot-local', reopenedAt: 4000, createdAt: 1500, lastSeen: 5000, round: 'R0' });
    expect(got.seenIn).toEqual(['R0', 'R3', 'R1', 'R2']);
  });

  it("file newer with its own screenshot but an earlier reopening: the file's screenshot, the later reopening", async () => {
    const db = freshDb();
    const local = stored({ screenshotId: 'shot-local', reopenedAt: 5000, updatedAt: 5000 });
    await db.findings.put(local);
    await importBackup(db, file([stored({ screenshotId: 'shot-theirs', reopenedAt: 3000, status: 'confirmed', updatedAt: 6000 })]));
    expect(await db.findings.get(local.id)).toMatchObject({ status: 'confirmed', screenshotId: 'shot-theirs', reopenedAt: 5000 });
  });

  it("local newer: the local decisions stay and the file's rounds, screenshot and reopening are added", async () => {
    const db = freshDb();
    const local = stored({ round: 'R1', seenIn: ['R1'], status: 'dismissed', note: '引用示例', updatedAt: 6000 });
    await db.findings.put(local);
    const theirs = stored({ round: 'R1', seenIn: ['R1', 'R2'], status: 'confirmed', screenshotId: 'shot-theirs', reopenedAt: 3000, lastSeen: 3000, updatedAt: 3000 });
    const sum = await importBackup(db, file([theirs]));
    expect(sum.findings).toMatchObject({ updated: 0, skipped: 1, skippedOlder: 1 });
    const got = (await db.findings.get(local.id))!;
    expect(got).toMatchObject({ status: 'dismissed', note: '引用示例', updatedAt: 6000, lastSeen: 3000 });
    expect(got).toMatchObject({ screenshotId: 'shot-theirs', reopenedAt: 3000 });
    expect(got.seenIn).toEqual(['R1', 'R2']);
    // a second import of the same file finds nothing left to combine
    const before = await db.findings.get(local.id);
    await importBackup(db, file([theirs]));
    expect(await db.findings.get(local.id)).toEqual(before);
  });

  it('a record with a round but no seenIn (older data) still counts that round', async () => {
    const db = freshDb();
    const local = stored({ round: 'R1', updatedAt: 1000 });
    await db.findings.put(local);
    await importBackup(db, file([stored({ round: 'R1', seenIn: ['R1', 'R2'], updatedAt: 500 })]));
    expect((await db.findings.get(local.id))!.seenIn).toEqual(['R1', 'R2']);
  });

  it('duplicates inside the file are combined the same way', async () => {
    const db = freshDb();
    const a = stored({ round: 'R1', seenIn: ['R1'], screenshotId: 'shot-a', updatedAt: 1000 });
    const b = stored({ round: 'R1', seenIn: ['R1', 'R2'], status: 'confirmed', updatedAt: 2000 });
    const sum = await importBackup(db, file([a, b]));
    expect(sum.findings).toMatchObject({ added: 1, duplicates: 1 });
    expect(await db.findings.get(a.id)).toMatchObject({ status: 'confirmed', screenshotId: 'shot-a', seenIn: ['R1', 'R2'] });
  });

  it("a page replaced by the file's newer scan keeps the local rounds; an older one still adds its rounds", async () => {
    const db = freshDb();
    const other = HOME + 'b.html';
    await db.pages.bulkPut([page({ rounds: ['R1'], lastScanned: 1000 }), page({ url: other, rounds: ['R1'], lastScanned: 5000, title: '本地' })]);
    const sum = await importBackup(db, file([], [page({ rounds: ['R2'], lastScanned: 3000, title: '新标题' }), page({ url: other, rounds: ['R3'], lastScanned: 2000, title: '旧' })]));
    expect(sum.pages).toMatchObject({ updated: 1, skipped: 1 });
    expect(await db.pages.get(HOME)).toMatchObject({ title: '新标题', lastScanned: 3000, rounds: ['R1', 'R2'] });
    expect(await db.pages.get(other)).toMatchObject({ title: '本地', lastScanned: 5000, rounds: ['R1', 'R3'] });
  });

  it('rejects round lists that are not lists of text before anything is merged', () => {
    expect(() => file([stored({ seenIn: 'R1' as unknown as string[] })])).toThrow(/seenIn/);
    expect(() => file([stored({ reopenedAt: '昨天' as unknown as number })])).toThrow(/reopenedAt/);
    expect(() => file([], [page({ rounds: [1] as unknown as string[] })])).toThrow(/rounds/);
  });
});

describe('enum validation shared by import and capture', () => {
  it('accepts the known ids and rejects Object.prototype names', () => {
    expect(isSeverity('veto') && isStatus('fixed') && isSource('manual') && isCategory('typo')).toBe(true);
    for (const bad of ['constructor', 'toString', '__proto__', 'hasOwnProperty', '', 'fatal', 1, null, undefined]) {
      expect(isSeverity(bad), String(bad)).toBe(false);
      expect(isStatus(bad), String(bad)).toBe(false);
      expect(isSource(bad), String(bad)).toBe(false);
      expect(isCategory(bad), String(bad)).toBe(false);
    }
  });

  it("an imported finding with severity 'constructor' is rejected", () => {
    expect(() => file([stored({ severity: 'constructor' as Finding['severity'] })])).toThrow(/严重程度 “constructor” 无法识别/);
  });
});
