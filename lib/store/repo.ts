/** Repository functions over GovCheckDB; the db is passed in so tests use their own. */
import type { Finding, FindingStatus, RoundRecord, ScanReport, ScreenshotRecord, SiteRecord } from '../types';
import { normaliseUrl } from '../fingerprint';
import type { GovCheckDB } from './db';
import { roundsSeen } from '../rounds/compare';

type Incoming = ScanReport['findings'][number];

function homeUrlOf(url: string): string {
  try {
    return new URL(url).origin + '/';
  } catch {
    return '';
  }
}

function withRound(list: string[] | undefined, round: string | undefined): string[] | undefined {
  if (!round) return list;
  return list?.includes(round) ? list : [...(list ?? []), round];
}

/**
 * A finding marked 已整改 that a scan sees again was not fixed (or came back): it is reopened and
 * flagged with reopenedAt, so the inspector sees it and the 通报 does not call it fixed.
 */
export function seenAgain(prev: Finding, round: string | undefined, now: number): Finding {
  const next: Finding = { ...prev, lastSeen: now, seenIn: withRound(prev.seenIn ?? (prev.round ? [prev.round] : undefined), round) };
  if (prev.status === 'fixed') {
    next.status = 'open';
    next.reopenedAt = now;
    next.updatedAt = now;
  }
  return next;
}

/** A finding stored for the first time: open, first seen now, in `round` when there is one. */
export function newFinding(f: Incoming, round: string | undefined, now: number): Finding {
  return { ...f, round, seenIn: round ? [round] : undefined, status: 'open', createdAt: now, lastSeen: now, updatedAt: now };
}

/** A new finding, or a rescan of a stored one: the user's decisions survive, content refreshes. */
function merge(prev: Finding | undefined, f: Incoming, now: number, round?: string): Finding {
  if (!prev) return newFinding(f, f.round ?? round, now);
  return {
    ...seenAgain(prev, round, now),
    // an inspector's re-grade outlives the rule's grade; the rule's wording still refreshes
    severity: prev.regraded ? prev.severity : f.severity,
    category: prev.regraded ? prev.category : f.category,
    message: f.message,
    evidence: f.evidence,
    suggestion: f.suggestion,
    anchor: f.anchor,
    quote: f.quote,
    inspector: prev.inspector ?? f.inspector,
    round: prev.round ?? f.round ?? round,
    // updatedAt tracks the inspector's last edit (and reopenings), not the scanner's visits
  };
}

/**
 * Stores one page scan atomically: site, page and findings. Returns the stored findings
 * of this scan with their (possibly user-set) statuses. `round` (the active round's id) is given
 * to new findings and recorded on the page and on every finding seen, for re-inspection.
 */
export async function saveScan(db: GovCheckDB, report: ScanReport, now = Date.now(), round?: string): Promise<Finding[]> {
  const pageUrl = normaliseUrl(report.page.url);
  const site = report.page.site.toLowerCase();
  round = (round ?? report.round)?.trim() || undefined;
  // one entry per id: a duplicate id in one report would otherwise be written twice
  const incoming = new Map<string, Incoming>();
  for (const f of report.findings) incoming.set(f.id, { ...f, url: normaliseUrl(f.url) });

  return db.transaction('rw', [db.sites, db.pages, db.findings, db.rounds], async () => {
    if (round) await ensureRound(db, round, now);
    const prevPage = await db.pages.get(pageUrl);
    const prevSite = await db.sites.get(site);
    const siteRec: SiteRecord = {
      site,
      // the first non-empty name/code wins: a later page with a worse title must not replace it
      name: prevSite?.name || report.siteName || '',
      siteCode: prevSite?.siteCode || report.siteCode || '',
      homeUrl: homeUrlOf(pageUrl) || prevSite?.homeUrl || '',
      firstSeen: prevSite?.firstSeen ?? now,
      lastSeen: now,
    };
    await db.sites.put(siteRec);

    await db.pages.put({
      ...report.page,
      url: pageUrl,
      site,
      lastScanned: now,
      findingCount: incoming.size,
      rounds: withRound(prevPage?.rounds, round),
    });

    const ids = [...incoming.keys()];
    const prev = await db.findings.bulkGet(ids);
    const stored = ids.map((id, i) => merge(prev[i], incoming.get(id)!, now, round));
    // manual findings are not produced by rules: the content script re-found their quotes
    const manualIds = (report.manualSeen ?? []).filter((id) => !incoming.has(id));
    const manual = (await db.findings.bulkGet(manualIds)).filter((f): f is Finding => !!f && f.url === pageUrl);
    await db.findings.bulkPut([...stored, ...manual.map((f) => seenAgain(f, round, now))]);
    return stored;
  });
}

/** Sets a finding's status (and note when given). Returns the updated finding, or undefined. */
export async function setStatus(
  db: GovCheckDB,
  id: string,
  status: FindingStatus,
  note?: string,
  now = Date.now(),
): Promise<Finding | undefined> {
  return db.transaction('rw', db.findings, async () => {
    const f = await db.findings.get(id);
    if (!f) return undefined;
    const next: Finding = { ...f, status, updatedAt: now, ...(note !== undefined ? { note } : {}) };
    await db.findings.put(next);
    return next;
  });
}

export function findingsForPage(db: GovCheckDB, url: string): Promise<Finding[]> {
  return db.findings.where('url').equals(normaliseUrl(url)).toArray();
}

export function findingsForSite(db: GovCheckDB, site: string): Promise<Finding[]> {
  return db.findings.where('site').equals(site.toLowerCase()).toArray();
}

export function allFindings(db: GovCheckDB): Promise<Finding[]> {
  return db.findings.toArray();
}

/** All sites, most recently visited first. */
export function listSites(db: GovCheckDB): Promise<SiteRecord[]> {
  return db.sites.orderBy('lastSeen').reverse().toArray();
}

export function getSite(db: GovCheckDB, site: string): Promise<SiteRecord | undefined> {
  return db.sites.get(site.toLowerCase());
}

/** Wipes every table (the user's explicit "clear all data"). */
export async function deleteAll(db: GovCheckDB): Promise<void> {
  await db.transaction('rw', [db.sites, db.pages, db.findings, db.screenshots, db.rounds, db.watches, db.probes, db.linkChecks, db.pageLinks], async () => {
    await Promise.all([db.sites.clear(), db.pages.clear(), db.findings.clear(), db.screenshots.clear(), db.rounds.clear(), db.watches.clear(), db.probes.clear(), db.linkChecks.clear(), db.pageLinks.clear()]);
  });
}

/** Sets the status (and the note when given) of several findings at once; returns how many changed. */
export async function setStatusMany(
  db: GovCheckDB,
  ids: string[],
  status: FindingStatus,
  note?: string,
  now = Date.now(),
): Promise<number> {
  return db.transaction('rw', db.findings, async () => {
    const found = (await db.findings.bulkGet(ids)).filter((f): f is Finding => !!f);
    await db.findings.bulkPut(found.map((f) => ({ ...f, status, updatedAt: now, ...(note !== undefined ? { note } : {}) })));
    return found.length;
  });
}

/** Sets a finding's note (an empty string clears it). */
export async function setNote(db: GovCheckDB, id: string, note: string, now = Date.now()): Promise<Finding | undefined> {
  return db.transaction('rw', db.findings, async () => {
    const f = await db.findings.get(id);
    if (!f) return undefined;
    const next: Finding = { ...f, note: note || undefined, updatedAt: now };
    await db.findings.put(next);
    return next;
  });
}

/** An inspector's severity/category for a stored finding; flagged when they differ from what is stored. */
export function regrade(prev: Finding, to: Pick<Finding, 'severity' | 'category'>): Pick<Finding, 'severity' | 'category' | 'regraded'> {
  const changed = to.severity !== prev.severity || to.category !== prev.category;
  return { severity: to.severity, category: to.category, ...(prev.regraded || changed ? { regraded: true } : {}) };
}

/**
 * Stores a capture: the finding (new manual one, or an existing one with the inspector's note,
 * severity and category) and its screenshot, in one transaction. The finding's screenshotId
 * points at the newest screenshot; older ones stay in the table (the ZIP names them by finding).
 */
export async function saveCapture(
  db: GovCheckDB,
  finding: Finding,
  screenshot?: Omit<ScreenshotRecord, 'id' | 'findingId' | 'createdAt'> & { createdAt?: number },
  now = Date.now(),
): Promise<Finding> {
  return db.transaction('rw', [db.findings, db.screenshots, db.rounds], async () => {
    const prev = await db.findings.get(finding.id);
    let next: Finding = prev
      ? { ...prev, ...regrade(prev, finding), note: finding.note, status: finding.status, updatedAt: now }
      : { ...finding, createdAt: now, lastSeen: now, updatedAt: now, seenIn: finding.round ? [finding.round] : undefined };
    if (screenshot) {
      const id = `${finding.id}-${now.toString(36)}`;
      await db.screenshots.put({ ...screenshot, createdAt: screenshot.createdAt ?? now, id, findingId: finding.id });
      next = { ...next, screenshotId: id };
    }
    if (next.round && !(await db.rounds.get(next.round))) await db.rounds.put({ id: next.round, name: next.round, createdAt: now });
    await db.findings.put(next);
    return next;
  });
}

/** Every screenshot of these findings (a finding may have several), oldest first. */
export async function screenshotsForFindings(db: GovCheckDB, ids: string[]): Promise<ScreenshotRecord[]> {
  if (!ids.length) return [];
  const list = await db.screenshots.where('findingId').anyOf(ids).toArray();
  return list.sort((a, b) => a.createdAt - b.createdAt);
}

export function getScreenshot(db: GovCheckDB, id: string): Promise<ScreenshotRecord | undefined> {
  return db.screenshots.get(id);
}

/**
 * The findings that belong to a round: first found in it, or seen again by a scan in it
 * (a finding carried over from an earlier round and still present is part of this round's report).
 */
export async function findingsForRound(db: GovCheckDB, round: string, site?: string): Promise<Finding[]> {
  const base = site ? db.findings.where('site').equals(site.toLowerCase()) : db.findings.toCollection();
  return base.filter((f) => roundsSeen(f).includes(round)).toArray();
}

/** All rounds, newest first. */
export function listRounds(db: GovCheckDB): Promise<RoundRecord[]> {
  return db.rounds.orderBy('createdAt').reverse().toArray();
}

/** Creates a round by name (the trimmed name is its id); an existing one is returned unchanged. */
export async function ensureRound(db: GovCheckDB, name: string, now = Date.now()): Promise<RoundRecord> {
  const id = name.trim();
  if (!id) throw new Error('检查批次名称不能为空');
  return db.transaction('rw', db.rounds, async () => {
    const prev = await db.rounds.get(id);
    if (prev) return prev;
    const rec = { id, name: id, createdAt: now };
    await db.rounds.put(rec);
    return rec;
  });
}
