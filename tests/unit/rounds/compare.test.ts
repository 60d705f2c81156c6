// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GovCheckDB } from '../../../lib/store/db';
import { saveScan, setStatus, saveCapture, listRounds, findingsForRound } from '../../../lib/store/repo';
import { compareRounds, previousRound, recheckState } from '../../../lib/rounds/compare';
import { quarterRoundName, activeRoundId } from '../../../lib/rounds/active';
import type { Finding } from '../../../lib/types';
import { makeFinding, makeReport } from '../store/fixtures';
import { freshDbFactory } from '../../helpers/fresh-db';

const SITE = 'www.yichun.gov.cn';
const A = 'https://www.yichun.gov.cn/a.html';
const B = 'https://www.yichun.gov.cn/b.html';
const Q3 = '2026年第三季度';
const Q4 = '2026年第四季度';
const freshDb = freshDbFactory('govcheck-rounds');

const typo = (url: string, evidence: string) => makeFinding({ url, site: SITE, evidence, quote: { exact: evidence, prefix: '', suffix: '' } });

async function compare(db: GovCheckDB, prev: string, cur: string) {
  return compareRounds(await db.findings.toArray(), await db.pages.toArray(), prev, cur);
}

describe('rounds: active round', () => {
  it('defaults to the current quarter, else the chosen round', () => {
    expect(quarterRoundName('2026-11-23')).toBe('2026年第四季度');
    expect(quarterRoundName('2026-01-01')).toBe('2026年第一季度');
    expect(quarterRoundName('2026-06-30')).toBe('2026年第二季度');
    expect(activeRoundId({ today: '2026-08-01' })).toBe('2026年第三季度');
    expect(activeRoundId({ today: '2026-08-01', activeRound: ' 专项检查 ' })).toBe('专项检查');
  });
});

describe('saveScan with rounds', () => {
  it('gives new findings the active round, keeps it on rescans, records rounds seen and pages scanned', async () => {
    const db = freshDb();
    const [f] = await saveScan(db, makeReport(A, [typo(A, '即然')]), 1000, Q3);
    expect(f).toMatchObject({ round: Q3, seenIn: [Q3] });
    const [again] = await saveScan(db, makeReport(A, [typo(A, '即然')]), 2000, Q4);
    expect(again).toMatchObject({ round: Q3, seenIn: [Q3, Q4], lastSeen: 2000 });
    expect((await db.pages.get(A))?.rounds).toEqual([Q3, Q4]);
    expect((await listRounds(db)).map((r) => r.id).sort()).toEqual([Q3, Q4].sort());
  });

  it('findingsForRound: first found in the round, or seen again in it', async () => {
    const db = freshDb();
    await saveScan(db, makeReport(A, [typo(A, '即然'), typo(A, '己经')]), 1000, Q3);
    await saveScan(db, makeReport(A, [typo(A, '即然')]), 2000, Q4);
    await saveScan(db, makeReport(B, [typo(B, '按装')]), 2000, Q4);
    const ev = async (r: string, site?: string) => (await findingsForRound(db, r, site)).map((f) => f.evidence).sort();
    expect(await ev(Q3)).toEqual(['即然', '己经'].sort());
    expect(await ev(Q4)).toEqual(['即然', '按装'].sort());
    expect(await ev(Q4, 'www.example.gov.cn')).toEqual([]);
  });

  it('takes the round from the report when no round argument is given', async () => {
    const db = freshDb();
    const [f] = await saveScan(db, { ...makeReport(A, [typo(A, '即然')]), round: Q4 }, 1000);
    expect(f!.round).toBe(Q4);
  });

  it('reopens a finding marked 已整改 that a scan sees again, and flags it', async () => {
    const db = freshDb();
    const [f] = await saveScan(db, makeReport(A, [typo(A, '即然')]), 1000, Q3);
    await setStatus(db, f!.id, 'fixed', '已通知整改', 1500);
    const [seen] = await saveScan(db, makeReport(A, [typo(A, '即然')]), 2000, Q4);
    expect(seen).toMatchObject({ status: 'open', reopenedAt: 2000, updatedAt: 2000, note: '已通知整改' });
  });

  it('marks manual findings seen when the content script re-found their quote', async () => {
    const db = freshDb();
    const manual: Finding = { ...typo(A, '烈土'), id: 'm1', ruleId: 'manual.capture', source: 'manual', category: 'manual', status: 'open', round: Q3, createdAt: 0, lastSeen: 0, updatedAt: 0 };
    await saveCapture(db, manual, undefined, 500);
    await saveScan(db, { ...makeReport(A, []), manualSeen: ['m1', 'missing'] }, 2000, Q4);
    expect(await db.findings.get('m1')).toMatchObject({ seenIn: [Q3, Q4], lastSeen: 2000 });
  });
});

describe('compareRounds (re-inspection)', () => {
  it('sorts the previous round into 仍存在 / 已整改 / 未复查, and lists the new ones', async () => {
    const db = freshDb();
    // round Q3: page A has two typos, page B one
    await saveScan(db, makeReport(A, [typo(A, '即然'), typo(A, '己经')]), 1000, Q3);
    await saveScan(db, makeReport(B, [typo(B, '在次')]), 1000, Q3);
    // round Q4: page A rescanned: 即然 still there, 己经 fixed, a new 按装; page B not rescanned
    await saveScan(db, makeReport(A, [typo(A, '即然'), typo(A, '按装')]), 2000, Q4);
    const r = await compare(db, Q3, Q4);
    const state = Object.fromEntries(r.items.map((i) => [i.finding.evidence, i.state]));
    expect(state).toEqual({ 即然: 'still', 己经: 'fixed', 在次: 'pending' });
    expect(r.added.map((f) => f.evidence)).toEqual(['按装']);
    expect(r.counts).toEqual({ still: 1, fixed: 1, pending: 1, added: 1 });
  });

  it('confirms 已整改 after a rescan of a page the inspector marked fixed; leaves out dismissed ones', async () => {
    const db = freshDb();
    const [a, b] = await saveScan(db, makeReport(A, [typo(A, '即然'), typo(A, '己经')]), 1000, Q3);
    await setStatus(db, a!.id, 'fixed');
    await setStatus(db, b!.id, 'dismissed');
    expect((await compare(db, Q3, Q4)).items.map((i) => i.state)).toEqual(['pending']);
    await saveScan(db, makeReport(A, []), 2000, Q4);
    const r = await compare(db, Q3, Q4);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ state: 'fixed', finding: { status: 'fixed' } });
  });

  it('keeps manual findings without a quote pending until the inspector marks them fixed', () => {
    const f = { ...typo(A, '图片'), source: 'manual', quote: undefined, status: 'open', round: Q3 } as unknown as Finding;
    expect(recheckState(f, [Q3, Q4], Q4)).toBe('pending');
    expect(recheckState({ ...f, status: 'fixed' }, [Q3, Q4], Q4)).toBe('fixed');
    expect(recheckState({ ...f, status: 'fixed' }, [Q3], Q4)).toBe('pending');
  });

  it('finds the previous round by creation time', () => {
    const rounds = [
      { id: Q4, createdAt: 300 },
      { id: '专项', createdAt: 100 },
      { id: Q3, createdAt: 200 },
    ];
    expect(previousRound(rounds, Q4)?.id).toBe(Q3);
    expect(previousRound(rounds, '专项')).toBeUndefined();
  });
});
