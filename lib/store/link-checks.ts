/**
 * The link checker's cache in IndexedDB (table linkChecks, schema v6): the LinkCache the
 * background's LinkChecker reads and writes, and the clear behind 重新检查链接.
 */
import type { LinkCache, LinkResult } from '../links/index';
import { linkKey } from '../links/url';
import { normaliseUrl } from '../fingerprint';
import type { PageLinkTarget } from '../rules/links-check';
import type { Finding, ScanReport } from '../types';
import type { GovCheckDB } from './db';
import { ensureRound, newFinding, seenAgain } from './repo';

/** The links a crawled page had (its normalised URL, its site), for 检查全站链接. */
export interface PageLinksRecord {
  url: string;
  site: string;
  targets: PageLinkTarget[];
  at: number;
}

export async function savePageLinks(db: GovCheckDB, url: string, site: string, targets: PageLinkTarget[], now = Date.now()): Promise<void> {
  await db.pageLinks.put({ url: normaliseUrl(url), site: site.toLowerCase(), targets, at: now });
}

export function pageLinksOfSite(db: GovCheckDB, site: string): Promise<PageLinksRecord[]> {
  return db.pageLinks.where('site').equals(site.toLowerCase()).toArray();
}

/**
 * Stores link findings found outside a page scan (the whole-site check): new ones open in `round`
 * (the active 检查批次), known ones refreshed and recorded as seen in it; the inspector's status
 * and notes stay. The page record is left alone.
 */
export async function upsertLinkFindings(db: GovCheckDB, findings: ScanReport['findings'], round?: string, now = Date.now()): Promise<Finding[]> {
  return db.transaction('rw', [db.findings, db.rounds], async () => {
    if (round) await ensureRound(db, round, now);
    const prev = await db.findings.bulkGet(findings.map((f) => f.id));
    const rows: Finding[] = findings.map((f, i) => {
      const p = prev[i];
      // seen again: recorded in this round, and a link marked 已整改 that is still dead is reopened
      return p
        ? { ...seenAgain(p, round, now), message: f.message, evidence: f.evidence, suggestion: f.suggestion, severity: p.regraded ? p.severity : f.severity }
        : newFinding(f, round, now);
    });
    await db.findings.bulkPut(rows);
    return rows;
  });
}

/** A stored result: the result itself, keyed by its normalised URL (LinkResult.url is that key). */
export type LinkCheckRecord = LinkResult;

export class DexieLinkCache implements LinkCache {
  constructor(private readonly db: GovCheckDB) {}
  get(key: string): Promise<LinkResult | undefined> {
    return this.db.linkChecks.get(key);
  }
  async set(key: string, result: LinkResult): Promise<void> {
    await this.db.linkChecks.put({ ...result, url: key });
  }
}

/** The stored results of these URLs (any age), by normalised URL. */
export async function storedLinkChecks(db: GovCheckDB, urls: readonly string[]): Promise<Map<string, LinkResult>> {
  const keys = [...new Set(urls.map(linkKey))];
  const rows = await db.linkChecks.bulkGet(keys);
  return new Map(rows.filter((r): r is LinkResult => !!r).map((r) => [r.url, r]));
}

/** 重新检查链接: forgets these URLs' results, so the next check fetches them again. Answers how many were cached. */
export async function clearLinkChecks(db: GovCheckDB, urls: readonly string[]): Promise<number> {
  const keys = [...new Set(urls.map(linkKey))];
  return db.transaction('rw', db.linkChecks, async () => {
    const had = (await db.linkChecks.bulkGet(keys)).filter(Boolean).length;
    await db.linkChecks.bulkDelete(keys);
    return had;
  });
}

/** Drops results older than `before` (epoch ms); answers how many. */
export function pruneLinkChecks(db: GovCheckDB, before: number): Promise<number> {
  return db.linkChecks.where('checkedAt').below(before).delete();
}
