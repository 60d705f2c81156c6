// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan, setStatus, setStatusMany, setNote, saveCapture, deleteAll } from '../../../lib/store/repo';
import { siteStats, recountSiteStats, type SiteStats } from '../../../lib/store/stats';
import { exportBackup, importBackup } from '../../../lib/export/backup';
import { aggregate, countPages } from '../../../lib/store/site-aggregates';
import type { Finding, FindingStatus, Severity } from '../../../lib/types';
import { makeFinding, makeReport } from './fixtures';

const opened: GovCheckDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const RULES: [string, Severity, Finding['category']][] = [
  ['typo.known', 'deduct', 'typo'],
  ['footer.icp', 'deduct', 'footer'],
  ['meta.missing', 'hint', 'meta'],
  ['expression.political', 'veto', 'expression'],
  ['links.dead', 'deduct', 'links'],
  ['freshness.column-stale', 'deduct', 'freshness'],
];
const STATUSES: FindingStatus[] = ['open', 'confirmed', 'dismissed', 'fixed'];
const SITES = ['www.a.gov.cn', 'www.b.gov.cn', 'www.c.gov.cn'];
const ROUNDS = [undefined, 'R1', 'R2'];

/** What the dashboard shows of a site, in a comparable shape. */
function shape(list: SiteStats[]) {
  return list
    .map((s) => ({
      site: s.site.site,
      pages: s.pages,
      findings: s.findings,
      bySeverity: s.bySeverity,
      byStatus: s.byStatus,
      vetoReasons: s.vetoReasons,
      vetoes: [s.counts.confirmedVetoes, s.counts.openVetoes, s.counts.confirmedPhrases, s.counts.openPhrases],
      perRule: [...s.counts.perRule].sort(([a], [b]) => (a < b ? -1 : 1)),
      verdict: s.verdict,
    }))
    .sort((a, b) => (a.site < b.site ? -1 : 1));
}

let vetoReasonsSeen = 0;
let carriedOverSeen = 0;

async function expectConsistent(db: GovCheckDB, step: string) {
  for (const round of [undefined, ...ROUNDS.slice(1)]) {
    const stats = await siteStats(db, { round }, {}, Date.UTC(2026, 10, 1));
    vetoReasonsSeen += stats.filter((s) => s.vetoReasons.length).length;
    const fast = shape(stats);
    const full = shape(await recountSiteStats(db, { round }, {}, Date.UTC(2026, 10, 1)));
    expect(fast, `${step} (round ${round ?? 'all'})`).toEqual(full);
  }
  // an independent per-round recount, by the stated rule: a finding belongs to round r when it
  // was first found in r or seen again in r; a round lists only the sites with a finding in it
  const all = await db.findings.toArray();
  // the dashboard lists sites with a site record (captures alone do not write one)
  const known = new Set(await db.sites.toCollection().primaryKeys());
  carriedOverSeen += all.filter((f) => (f.seenIn ?? []).some((r) => r !== f.round)).length;
  for (const round of ROUNDS.slice(1) as string[]) {
    const expected = new Map<string, number>();
    for (const f of all) if (known.has(f.site) && (f.round === round || f.seenIn?.includes(round))) expected.set(f.site, (expected.get(f.site) ?? 0) + 1);
    // a site with a page scanned in the round and no finding in it is in the round, with 0
    for (const p of await db.pages.toArray()) if (known.has(p.site) && p.rounds?.includes(round) && !expected.has(p.site)) expected.set(p.site, 0);
    const got = new Map((await siteStats(db, { round })).map((s) => [s.site.site, s.findings]));
    expect(got, `${step} (round ${round}, independent recount)`).toEqual(expected);
  }
  // the stored rows themselves equal a from-scratch aggregation
  const stored = (await db.siteStats.toArray()).sort((a, b) => (a.key < b.key ? -1 : 1));
  const fresh = aggregate(await db.findings.toArray()).sort((a, b) => (a.key < b.key ? -1 : 1));
  expect(stored, step).toEqual(fresh);
  const bySite = (a: { site: string }, b: { site: string }) => (a.site < b.site ? -1 : 1);
  expect((await db.sitePages.toArray()).sort(bySite), step).toEqual(countPages(await db.pages.toArray()).sort(bySite));
}

describe('write-time site aggregates', () => {
  it('equal a full recount after random sequences of every kind of write', async () => {
    let seed = 11;
    // the high bits: an LCG's low bits cycle with a short period
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 12) % n);
    const pick = <T,>(xs: T[]) => xs[rnd(xs.length)]!;

    for (let run = 0; run < 3; run++) {
      const db = new GovCheckDB(`govcheck-agg-${crypto.randomUUID()}`);
      opened.push(db);
      const ids = () => db.findings.toCollection().primaryKeys();
      let now = 1000;
      for (let step = 0; step < 40; step++) {
        now += 10;
        const op = rnd(9);
        const site = pick(SITES);
        const url = `https://${site}/p${rnd(4)}.html`;
        const newFinding = (i: number) => {
          const [ruleId, severity, category] = pick(RULES);
          return makeFinding({ url, site, ruleId, severity, category, evidence: `e${rnd(6)}`, round: pick(ROUNDS) }, i);
        };
        let what = '';
        if (op <= 2) {
          what = 'saveScan';
          // some of the site's stored findings seen again (carried over when the round differs)
          const again = (await db.findings.where('site').equals(site).toArray()).filter(() => rnd(3) === 0);
          const report = makeReport(url, [...Array.from({ length: rnd(6) }, (_, i) => newFinding(i)), ...again]);
          // some pages are stale columns: the site verdict reads them (column vetoes)
          const columnStatus = pick([undefined, undefined, 'stale', 'fresh', 'blank'] as const);
          if (columnStatus) report.page = { ...report.page, pageType: pick(['column', 'home'] as const), columnStatus, columnType: '动态要闻', newestDate: '2020-01-01' };
          await saveScan(db, report, now, pick(ROUNDS));
        } else if (op === 3) {
          what = 'setStatus';
          const all = await ids();
          if (all.length) await setStatus(db, pick(all as string[]), pick(STATUSES), undefined, now);
        } else if (op === 4) {
          what = 'setStatusMany';
          const all = (await ids()) as string[];
          await setStatusMany(db, all.filter(() => rnd(3) === 0).concat('missing-id'), pick(STATUSES), 'n', now);
        } else if (op === 5) {
          what = 'saveCapture';
          const all = (await db.findings.toArray()) as Finding[];
          const prev = all.length && rnd(2) ? pick(all) : undefined;
          const [, severity, category] = pick(RULES);
          const base = prev ?? { ...newFinding(99), id: `manual-${step}`, source: 'manual' as const, status: 'open' as FindingStatus, createdAt: now, lastSeen: now, updatedAt: now };
          await saveCapture(db, { ...base, severity, category, status: pick(STATUSES), note: '截图' } as Finding, undefined, now);
        } else if (op === 6) {
          what = 'setNote';
          const all = (await ids()) as string[];
          if (all.length) await setNote(db, pick(all), 'x', now);
        } else if (op === 7) {
          what = 'import';
          const b = await exportBackup(db);
          // a colleague's copy: some decisions changed later, some rows new
          b.findings = b.findings.map((f) => (rnd(2) ? { ...f, status: pick(STATUSES), updatedAt: now } : f));
          b.findings.push({ ...newFinding(7), id: `imported-${step}`, status: 'confirmed', createdAt: now, lastSeen: now, updatedAt: now } as Finding);
          await importBackup(db, b);
        } else {
          what = 'direct writes in one transaction';
          const all = (await db.findings.toArray()) as Finding[];
          const pages = await db.pages.toArray();
          await db.transaction('rw', db.findings, db.pages, async () => {
            // a page removed, another moved to another site
            if (pages[0]) await db.pages.delete(pages[0].url);
            if (pages[1]) await db.pages.put({ ...pages[1], site: pick(SITES) });
            // parallel mutations of the same rows inside one transaction
            await Promise.all([
              db.findings.bulkPut(all.slice(0, 3).map((f) => ({ ...f, status: pick(STATUSES) }))),
              db.findings.bulkPut(all.slice(1, 4).map((f) => ({ ...f, severity: pick(RULES)[1] }))),
              all[5] ? db.findings.delete(all[5].id) : undefined,
              db.findings.where('ruleId').equals('links.dead').modify({ status: 'fixed' }),
            ]);
          });
          if (rnd(8) === 0) {
            what += ' + deleteAll';
            await deleteAll(db);
          }
        }
        await expectConsistent(db, `run ${run} step ${step}: ${what}`);
      }
    }
    // the column vetoes (read from the column pages only) were part of what was compared
    expect(vetoReasonsSeen).toBeGreaterThan(0);
    // and findings carried over from one round into another
    expect(carriedOverSeen).toBeGreaterThan(0);
  }, 30_000); // many random write sequences through fake-indexeddb: ~2 s alone, more on a busy machine

  it('count a finding carried over into a later round in that round, and leave out sites not inspected in it', async () => {
    const db = new GovCheckDB(`govcheck-agg-${crypto.randomUUID()}`);
    opened.push(db);
    const a = 'https://www.a.gov.cn/';
    const b = 'https://www.b.gov.cn/';
    const veto = makeFinding({ url: a, site: 'www.a.gov.cn', ruleId: 'expression.political', severity: 'veto', category: 'expression', evidence: '错误提法' });
    const [fa] = await saveScan(db, makeReport(a, [veto]), 1000, 'Q3');
    await setStatus(db, fa!.id, 'confirmed', undefined, 1001);
    await saveScan(db, makeReport(b, [makeFinding({ url: b, site: 'www.b.gov.cn' })]), 1002, 'Q3');
    // Q4: only site a is inspected, and its problem is still there
    await saveScan(db, makeReport(a, [veto]), 2000, 'Q4');
    const stored = await db.findings.get(fa!.id);
    expect(stored).toMatchObject({ round: 'Q3', seenIn: ['Q3', 'Q4'] });

    for (const stats of [await siteStats(db, { round: 'Q4' }), await recountSiteStats(db, { round: 'Q4' })]) {
      expect(stats.map((s) => s.site.site)).toEqual(['www.a.gov.cn']);
      expect(stats[0]).toMatchObject({ findings: 1, byStatus: { confirmed: 1 } });
      expect(stats[0]!.verdict.verdict).toBe('不合格');
    }
    // Q3 still has both sites; all rounds count the finding once
    expect((await siteStats(db, { round: 'Q3' })).map((s) => s.site.site).sort()).toEqual(['www.a.gov.cn', 'www.b.gov.cn']);
    const everything = await siteStats(db);
    expect(everything.map((s) => [s.site.site, s.findings]).sort()).toEqual([['www.a.gov.cn', 1], ['www.b.gov.cn', 1]]);
    await expectConsistent(db, 'carried over');
  });

  it('roll back with the transaction that wrote the findings', async () => {
    const db = new GovCheckDB(`govcheck-agg-${crypto.randomUUID()}`);
    opened.push(db);
    const site = 'www.a.gov.cn';
    const url = `https://${site}/`;
    const [f] = await saveScan(db, makeReport(url, [makeFinding({ url, site })]), 1);
    await expect(
      db.transaction('rw', db.findings, async () => {
        await db.findings.put({ ...f!, status: 'dismissed' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [st] = await siteStats(db);
    expect(st!.byStatus).toMatchObject({ open: 1, dismissed: 0 });
    await expectConsistent(db, 'after rollback');

    // clearing everything clears the aggregates too, and later writes start from zero
    await deleteAll(db);
    expect(await db.siteStats.count()).toBe(0);
    expect(await db.sitePages.count()).toBe(0);
    await saveScan(db, makeReport(url, [makeFinding({ url, site })]), 2);
    expect((await siteStats(db))[0]).toMatchObject({ findings: 1, pages: 1 });
    await expectConsistent(db, 'after deleteAll');
  });
});
