/** What an export covers: one site, one round (检查批次), or everything; read from the store. */
import type { Finding, SiteRecord } from '../types';
import { csvHeaderPart, csvRowsPart, compareSites, findingsToCsv, type CsvOptions } from './csv';
import type { GovCheckDB } from '../store/db';
import { findingsForRound } from '../store/repo';

export type ExportScope = { kind: 'all' } | { kind: 'site'; site: string } | { kind: 'round'; round: string };

/** A round covers the findings first found in it and those seen again in it (findingsForRound). */
export function findingsInScope(db: GovCheckDB, scope: ExportScope): Promise<Finding[]> {
  if (scope.kind === 'site') return db.findings.where('site').equals(scope.site.toLowerCase()).toArray();
  if (scope.kind === 'round') return findingsForRound(db, scope.round);
  return db.findings.toArray();
}

export async function sitesById(db: GovCheckDB): Promise<Map<string, SiteRecord>> {
  return new Map((await db.sites.toArray()).map((s) => [s.site, s]));
}

/** The part of a file name that says what was exported. */
export function scopeLabel(scope: ExportScope, roundName?: string): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'site' ? scope.site : `round-${roundName || scope.round}`;
}

/**
 * The CSV of a scope as Blob parts. Everything / a round is read site by site, all requests in
 * flight at once, each site converted while the store still reads the next (≈ half the time of
 * read-then-convert at 100k findings). Findings of a site with no site record (never written by
 * this extension, but possible in foreign data) fall back to the one-piece path.
 */
export async function csvParts(db: GovCheckDB, scope: ExportScope, opts: CsvOptions = {}): Promise<{ parts: string[]; count: number }> {
  const sites = await sitesById(db);
  const row = (finding: Finding) => ({ finding, site: sites.get(finding.site) });
  if (scope.kind === 'site') {
    const list = await findingsInScope(db, scope);
    return { parts: [csvHeaderPart(), csvRowsPart(list.map(row), opts)], count: list.length };
  }
  const keys = [...sites.keys()].sort(compareSites);
  // a round's count from its aggregate rows (the same membership rule), not a full read
  const total = scope.kind === 'all' ? db.findings.count() : db.siteStats.where('round').equals(scope.round).toArray().then((rows) => rows.reduce((n, r) => n + r.total, 0));
  const reads: (Promise<Finding[]> | undefined)[] = keys.map((s) => (scope.kind === 'all' ? db.findings.where('site').equals(s).toArray() : findingsForRound(db, scope.round, s)));
  const parts = [csvHeaderPart()];
  let count = 0;
  for (let i = 0; i < reads.length; i++) {
    const list = await reads[i]!;
    // drop the settled read: its findings are garbage once converted (peak heap)
    reads[i] = undefined;
    count += list.length;
    parts.push(csvRowsPart(list.map(row), opts));
  }
  if (count !== (await total)) {
    const list = await findingsInScope(db, scope);
    return { parts: [findingsToCsv(list.map(row), opts)], count: list.length };
  }
  return { parts, count };
}
