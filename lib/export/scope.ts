/** What an export covers: one site, one round (检查批次), or everything; read from the store. */
import type { Finding, SiteRecord } from '../types';
import type { GovCheckDB } from '../store/db';

export type ExportScope = { kind: 'all' } | { kind: 'site'; site: string } | { kind: 'round'; round: string };

export function findingsInScope(db: GovCheckDB, scope: ExportScope): Promise<Finding[]> {
  if (scope.kind === 'site') return db.findings.where('site').equals(scope.site.toLowerCase()).toArray();
  if (scope.kind === 'round') return db.findings.where('round').equals(scope.round).toArray();
  return db.findings.toArray();
}

export async function sitesById(db: GovCheckDB): Promise<Map<string, SiteRecord>> {
  return new Map((await db.sites.toArray()).map((s) => [s.site, s]));
}

/** The part of a file name that says what was exported. */
export function scopeLabel(scope: ExportScope, roundName?: string): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'site' ? scope.site : `round-${roundName || scope.round}`;
}
