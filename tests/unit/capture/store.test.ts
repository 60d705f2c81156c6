// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveScan, saveCapture, screenshotsForFindings, setStatusMany, setNote, ensureRound, listRounds, deleteAll, getScreenshot } from '../../../lib/store/repo';
import type { Finding } from '../../../lib/types';
import { makeFinding, makeReport } from '../store/fixtures';
import { freshDbFactory } from '../../helpers/fresh-db';

const URL_ = 'https://www.yichun.gov.cn/a.html';
const SITE = 'www.yichun.gov.cn';
const freshDb = freshDbFactory('govcheck-capture');

const png = (n: number) => ({ blob: new Blob([new Uint8Array(n)], { type: 'image/png' }), width: 10, height: 5 });

function manual(over: Partial<Finding> = {}): Finding {
  return {
    ...makeFinding({ url: URL_, site: SITE, ruleId: 'manual.capture', evidence: '标题', category: 'manual' }),
    source: 'manual',
    status: 'confirmed',
    note: '人工记录',
    round: '2026年第四季度',
    createdAt: 0,
    lastSeen: 0,
    updatedAt: 0,
    ...over,
  };
}

describe('captures in the store', () => {
  it('stores a new manual finding with its screenshot and round; screenshotsForFindings returns the Blob', async () => {
    const db = freshDb();
    const f = await saveCapture(db, manual(), png(300), 5000);
    expect(f).toMatchObject({ createdAt: 5000, updatedAt: 5000, seenIn: ['2026年第四季度'] });
    expect(f.screenshotId).toBeTruthy();
    const shots = await screenshotsForFindings(db, [f.id, 'nope']);
    expect(shots).toHaveLength(1);
    expect(shots[0]).toMatchObject({ id: f.screenshotId, findingId: f.id, width: 10, height: 5 });
    expect(shots[0]!.blob.size).toBe(300);
    expect((await listRounds(db)).map((r) => r.id)).toEqual(['2026年第四季度']);
    expect(await screenshotsForFindings(db, [])).toEqual([]);
  });

  it('attaches to an existing automatic finding: only severity, category, note and status change; a new screenshot becomes the current one', async () => {
    const db = freshDb();
    const [auto] = await saveScan(db, makeReport(URL_, [makeFinding({ url: URL_, site: SITE })]), 1000);
    const first = await saveCapture(db, { ...auto!, note: '第一次', status: 'confirmed', severity: 'veto', message: '被改的文字' }, png(10), 2000);
    expect(first).toMatchObject({ message: auto!.message, note: '第一次', status: 'confirmed', severity: 'veto', createdAt: 1000, updatedAt: 2000, source: 'auto' });
    const second = await saveCapture(db, { ...first, note: '第二次' }, png(20), 3000);
    expect(second.screenshotId).not.toBe(first.screenshotId);
    const shots = await screenshotsForFindings(db, [auto!.id]);
    expect(shots.map((s) => s.blob.size)).toEqual([10, 20]);
    expect((await getScreenshot(db, second.screenshotId!))?.blob.size).toBe(20);
  });

  it('keeps the finding when no screenshot could be taken', async () => {
    const db = freshDb();
    const f = await saveCapture(db, manual(), undefined, 1);
    expect(f.screenshotId).toBeUndefined();
    expect((await db.findings.get(f.id))?.note).toBe('人工记录');
  });

  it('sets statuses and notes in bulk, and single notes', async () => {
    const db = freshDb();
    const stored = await saveScan(db, makeReport(URL_, [makeFinding({ url: URL_, site: SITE }), makeFinding({ url: URL_, site: SITE, evidence: '己经' })]), 1000);
    expect(await setStatusMany(db, [...stored.map((f) => f.id), 'missing'], 'fixed', '已整改', 2000)).toBe(2);
    expect((await db.findings.toArray()).map((f) => [f.status, f.note, f.updatedAt])).toEqual([
      ['fixed', '已整改', 2000],
      ['fixed', '已整改', 2000],
    ]);
    await setNote(db, stored[0]!.id, '', 3000);
    expect((await db.findings.get(stored[0]!.id))?.note).toBeUndefined();
    expect(await setNote(db, 'missing', 'x')).toBeUndefined();
  });

  it('rounds: the trimmed name is the id, an empty one is refused; deleteAll clears screenshots and rounds', async () => {
    const db = freshDb();
    const r = await ensureRound(db, ' 2027年第一季度 ', 10);
    expect(r).toEqual({ id: '2027年第一季度', name: '2027年第一季度', createdAt: 10 });
    expect((await ensureRound(db, '2027年第一季度', 99)).createdAt).toBe(10);
    await expect(ensureRound(db, '  ')).rejects.toThrow('不能为空');
    await saveCapture(db, manual(), png(5), 1);
    await deleteAll(db);
    expect(await db.screenshots.count()).toBe(0);
    expect(await db.rounds.count()).toBe(0);
  });
});
