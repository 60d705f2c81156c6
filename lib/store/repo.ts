/** Repository functions over GovCheckDB; the db is passed in so tests use their own. */
import type { Finding, FindingStatus, ScanReport, SiteRecord } from '../types';
import { normaliseUrl } from '../fingerprint';
import type { GovCheckDB } from './db';

type Incoming = ScanReport['findings'][number];

function homeUrlOf(url: string): string {
  try {
    return new URL(url).origin + '/';
  } catch {
    return '';
  }
}

/** A new finding, or a rescan of a stored one: the user's decisions survive, content refreshes. */
function merge(prev: Finding | undefined, f: Incoming, now: number): Finding {
  if (!prev) {
    return { ...f, status: 'open', createdAt: now, lastSeen: now, updatedAt: now };
  }
  return {
    ...prev,
    severity: f.severity,
    category: f.category,
    message: f.message,
    evidence: f.evidence,
    suggestion: f.suggestion,
    anchor: f.anchor,
    quote: f.quote,
    inspector: prev.inspector ?? f.inspector,
    round: prev.round ?? f.round,
    lastSeen: now,
    // updatedAt tracks the inspector's last edit, not the scanner's visits
  };
}

/**
 * Stores one page scan atomically: site, page and findings. Returns the stored findings
 * of this scan with their (possibly user-set) statuses.
 */
export async function saveScan(db: GovCheckDB, report: ScanReport, now = Date.now()): Promise<Finding[]> {
  const pageUrl = normaliseUrl(report.page.url);
  const site = report.page.site.toLowerCase();
  // one entry per id: a duplicate id in one report would otherwise be written twice
  const incoming = new Map<string, Incoming>();
  for (const f of report.findings) incoming.set(f.id, { ...f, url: normaliseUrl(f.url) });

  return db.transaction('rw', db.sites, db.pages, db.findings, async () => {
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
    });

    const ids = [...incoming.keys()];
    const prev = await db.findings.bulkGet(ids);
    const stored = ids.map((id, i) => merge(prev[i], incoming.get(id)!, now));
    await db.findings.bulkPut(stored);
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
  await db.transaction('rw', db.sites, db.pages, db.findings, async () => {
    await Promise.all([db.sites.clear(), db.pages.clear(), db.findings.clear()]);
  });
}
