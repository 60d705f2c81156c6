/**
 * The import's merge rules over plain records, free of the store: the dashboard's import
 * (backup.ts importBackup) runs them against IndexedDB, the CLI's `npm run merge` against an
 * in-memory copy. Per finding the newer `updatedAt` wins the inspector's fields while round lists,
 * screenshot links and times are combined (mergeFinding); rounds and screenshots are added when new.
 */
import type { Finding, PageRecord, RoundRecord, SiteRecord } from '../types';
import type { ProbeRecord, WatchRecord } from '../watch/types';
import { emptyWatchSummary, planWatchMerge, probeKey, type WatchSummary } from './backup-watch';
import { mergeRecords } from './merge-records';

export interface ImportSummary extends WatchSummary {
  findings: { added: number; updated: number; skipped: number; skippedOlder: number; skippedSame: number; duplicates: number };
  sites: { added: number; updated: number };
  pages: { added: number; updated: number; skipped: number };
  rounds: { added: number; skipped: number };
  screenshots: { added: number; skipped: number };
}

export const emptySummary = (): ImportSummary => ({
  findings: { added: 0, updated: 0, skipped: 0, skippedOlder: 0, skippedSame: 0, duplicates: 0 },
  sites: { added: 0, updated: 0 },
  pages: { added: 0, updated: 0, skipped: 0 },
  rounds: { added: 0, skipped: 0 },
  screenshots: { added: 0, skipped: 0 },
  ...emptyWatchSummary(),
});

export function mergeSite(prev: SiteRecord, inc: SiteRecord): SiteRecord {
  return {
    ...inc,
    ...prev,
    name: prev.name || inc.name,
    siteCode: prev.siteCode || inc.siteCode,
    homeUrl: prev.homeUrl || inc.homeUrl,
    firstSeen: Math.min(prev.firstSeen, inc.firstSeen),
    lastSeen: Math.max(prev.lastSeen, inc.lastSeen),
  };
}

const sameSite = (a: SiteRecord, b: SiteRecord) =>
  a.name === b.name && a.siteCode === b.siteCode && a.homeUrl === b.homeUrl && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen;

/** Round ids of both lists, `first`'s order first; undefined when neither has any. */
function unionRounds(first: string[] | undefined, second: string[] | undefined): string[] | undefined {
  if (!first?.length && !second?.length) return first ?? second;
  return [...new Set([...(first ?? []), ...(second ?? [])])];
}

// older records may have a round but no seenIn (see lib/store/repo.ts seenAgain)
const roundsOf = (f: Finding) => f.seenIn ?? (f.round ? [f.round] : undefined);

/**
 * One finding from both sides. The newer `updatedAt` wins the inspector's fields (status, note,
 * severity…); what the scans recorded is combined, never dropped: the rounds it was seen in
 * (复查 depends on them), the screenshot link, the latest reopening, first and last seen.
 */
export function mergeFinding(prev: Finding, inc: Finding): Finding {
  const [win, lose] = inc.updatedAt > prev.updatedAt ? [inc, prev] : [prev, inc];
  // the earlier-created copy holds the finding's own round, which leads seenIn
  const [first, second] = inc.createdAt < prev.createdAt ? [inc, prev] : [prev, inc];
  const out: Finding = {
    ...win,
    createdAt: Math.min(prev.createdAt, inc.createdAt),
    lastSeen: Math.max(prev.lastSeen, inc.lastSeen),
  };
  const round = first.round ?? second.round;
  if (round !== undefined) out.round = round;
  const seenIn = unionRounds(roundsOf(first), roundsOf(second));
  if (seenIn !== undefined) out.seenIn = seenIn;
  const screenshotId = win.screenshotId ?? lose.screenshotId;
  if (screenshotId !== undefined) out.screenshotId = screenshotId;
  const reopened = [prev.reopenedAt, inc.reopenedAt].filter((t): t is number => t !== undefined);
  if (reopened.length) out.reopenedAt = Math.max(...reopened);
  return out;
}

const sameList = (a: string[] | undefined, b: string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');

const sameFinding = (a: Finding, b: Finding) =>
  a.createdAt === b.createdAt &&
  a.lastSeen === b.lastSeen &&
  a.round === b.round &&
  sameList(a.seenIn, b.seenIn) &&
  a.screenshotId === b.screenshotId &&
  a.reopenedAt === b.reopenedAt;

/** What a backup brings, duplicates inside it already combined; keyed as the store keys its tables. */
export interface Incoming<S extends { id: string }> {
  sites: Map<string, SiteRecord>;
  pages: Map<string, PageRecord>;
  findings: Map<string, Finding>;
  rounds: RoundRecord[];
  screenshots: S[];
  duplicates: number;
}

export function collapseIncoming<S extends { id: string }>(b: { sites: SiteRecord[]; pages: PageRecord[]; findings: Finding[]; rounds: RoundRecord[]; screenshots: S[] }): Incoming<S> {
  // duplicates inside the file: the newer one's decisions stay, combined as with the store; counted
  let duplicates = 0;
  const findings = new Map<string, Finding>();
  for (const f of b.findings) {
    const prev = findings.get(f.id);
    if (prev) duplicates++;
    findings.set(f.id, prev ? mergeFinding(prev, f) : f);
  }
  const sites = new Map<string, SiteRecord>();
  for (const s of b.sites) sites.set(s.site, sites.has(s.site) ? mergeSite(sites.get(s.site)!, s) : s);
  const pages = new Map<string, PageRecord>();
  for (const p of b.pages) {
    const q = pages.get(p.url);
    if (!q) pages.set(p.url, p);
    else {
      const rounds = unionRounds(q.rounds, p.rounds);
      const newer = p.lastScanned > q.lastScanned ? p : q;
      pages.set(p.url, rounds === undefined ? newer : { ...newer, rounds });
    }
  }
  return { sites, pages, findings, rounds: b.rounds, screenshots: b.screenshots, duplicates };
}

/** The stored records under the incoming keys, in the order of the Incoming maps' keys and lists. */
export interface Stored {
  sites: (SiteRecord | undefined)[];
  pages: (PageRecord | undefined)[];
  findings: (Finding | undefined)[];
  rounds: (RoundRecord | undefined)[];
  screenshots: (unknown | undefined)[];
}

/** The records to write (put) into the store, and the summary the dashboard shows. */
export interface MergePlan<S> {
  summary: ImportSummary;
  sites: SiteRecord[];
  pages: PageRecord[];
  findings: Finding[];
  rounds: RoundRecord[];
  screenshots: S[];
}

export function planMerge<S extends { id: string }>(inc: Incoming<S>, stored: Stored): MergePlan<S> {
  const sum = emptySummary();
  sum.findings.duplicates = inc.duplicates;

  const sites = mergeRecords(inc.sites.values(), (_, i) => stored.sites[i], mergeSite, sameSite, sum.sites);

  const pages: PageRecord[] = [];
  [...inc.pages.values()].forEach((p, i) => {
    const prev = stored.pages[i];
    if (!prev) {
      sum.pages.added++;
      return void pages.push(p);
    }
    // the newer scan's facts win; the rounds the page was scanned in are combined (复查)
    const rounds = unionRounds(prev.rounds, p.rounds);
    if (p.lastScanned > prev.lastScanned) {
      sum.pages.updated++;
      pages.push(rounds === undefined ? p : { ...p, rounds });
      return;
    }
    sum.pages.skipped++;
    if (!sameList(rounds, prev.rounds)) pages.push({ ...prev, rounds });
  });

  const findings: Finding[] = [];
  [...inc.findings.values()].forEach((f, i) => {
    const prev = stored.findings[i];
    if (!prev) {
      sum.findings.added++;
      findings.push(f);
      return;
    }
    const merged = mergeFinding(prev, f);
    if (f.updatedAt > prev.updatedAt) {
      sum.findings.updated++;
      findings.push(merged);
      return;
    }
    // the local decision stays; rounds, screenshot and first/last seen still combine both sides
    sum.findings.skipped++;
    if (f.updatedAt < prev.updatedAt) sum.findings.skippedOlder++;
    else sum.findings.skippedSame++;
    if (!sameFinding(merged, prev)) findings.push(merged);
  });

  const rounds = inc.rounds.filter((_, i) => !stored.rounds[i]);
  sum.rounds.added = rounds.length;
  sum.rounds.skipped = inc.rounds.length - rounds.length;
  const screenshots = inc.screenshots.filter((_, i) => !stored.screenshots[i]);
  sum.screenshots.added = screenshots.length;
  sum.screenshots.skipped = inc.screenshots.length - screenshots.length;
  return { summary: sum, sites, pages, findings, rounds, screenshots };
}

/** The tables of a backup as plain records (screenshots in whatever form the caller keeps them). */
export interface BackupTables<S extends { id: string }> {
  sites: SiteRecord[];
  pages: PageRecord[];
  findings: Finding[];
  rounds: RoundRecord[];
  screenshots: S[];
  /** the availability watch (absent from older backups) */
  watches?: WatchRecord[];
  probes?: ProbeRecord[];
}

/**
 * Several backups merged in memory, in order, each imported as the dashboard would import it into
 * a store holding the ones before (`npm run merge`: shards of one batch run).
 */
export function mergeTables<S extends { id: string }>(list: BackupTables<S>[]): { tables: Required<BackupTables<S>>; summaries: ImportSummary[] } {
  const store = {
    sites: new Map<string, SiteRecord>(),
    pages: new Map<string, PageRecord>(),
    findings: new Map<string, Finding>(),
    rounds: new Map<string, RoundRecord>(),
    screenshots: new Map<string, S>(),
    watches: new Map<string, WatchRecord>(),
    probes: new Map<string, ProbeRecord>(),
  };
  const summaries = list.map((b) => {
    const inc = collapseIncoming(b);
    const plan = planMerge(inc, {
      sites: [...inc.sites.keys()].map((k) => store.sites.get(k)),
      pages: [...inc.pages.keys()].map((k) => store.pages.get(k)),
      findings: [...inc.findings.keys()].map((k) => store.findings.get(k)),
      rounds: inc.rounds.map((r) => store.rounds.get(r.id)),
      screenshots: inc.screenshots.map((s) => store.screenshots.get(s.id)),
    });
    for (const s of plan.sites) store.sites.set(s.site, s);
    for (const p of plan.pages) store.pages.set(p.url, p);
    for (const f of plan.findings) store.findings.set(f.id, f);
    for (const r of plan.rounds) store.rounds.set(r.id, r);
    for (const s of plan.screenshots) store.screenshots.set(s.id, s);
    const watch = planWatchMerge({ watches: b.watches ?? [], probes: b.probes ?? [] }, { watch: (site) => store.watches.get(site), probe: (key) => store.probes.has(key) });
    for (const w of watch.watches) store.watches.set(w.site, w);
    for (const p of watch.probes) store.probes.set(probeKey(p), p);
    return { ...plan.summary, ...watch.summary };
  });
  return {
    tables: {
      sites: [...store.sites.values()],
      pages: [...store.pages.values()],
      findings: [...store.findings.values()],
      rounds: [...store.rounds.values()],
      screenshots: [...store.screenshots.values()],
      watches: [...store.watches.values()],
      probes: [...store.probes.values()],
    },
    summaries,
  };
}
