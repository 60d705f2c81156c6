/**
 * The dashboard's last aggregates, kept in the page origin's localStorage so the next visit paints
 * at once (stale-while-revalidate): the live read of the aggregates replaces them when ready.
 * Verdicts are not cached: they are recomputed from the counts with the current weights.
 */
import type { SiteRecord, Severity, FindingStatus } from '../types';
import type { SiteStats } from './stats';
import { verdictFromCounts, type VetoReason } from '../verdict/index';

const PREFIX = 'govcheck-site-stats:';
const VERSION = 1;

interface CachedSite {
  site: SiteRecord;
  pages: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  byStatus: Record<FindingStatus, number>;
  vetoReasons: VetoReason[];
  c: { cv: number; ov: number; cp: string[]; op: string[]; r: [string, number, Severity][] };
}

interface CacheFile {
  v: number;
  at: number;
  sites: CachedSite[];
}

type KV = Pick<Storage, 'getItem' | 'setItem'>;
const store = (): KV | undefined => (typeof localStorage !== 'undefined' ? localStorage : undefined);

export function saveStatsCache(key: string, stats: SiteStats[], kv: KV | undefined = store(), now = Date.now()): void {
  if (!kv) return;
  const file: CacheFile = {
    v: VERSION,
    at: now,
    sites: stats.map((s) => ({
      site: s.site,
      pages: s.pages,
      findings: s.findings,
      bySeverity: s.bySeverity,
      byStatus: s.byStatus,
      vetoReasons: s.vetoReasons,
      c: {
        cv: s.counts.confirmedVetoes,
        ov: s.counts.openVetoes,
        cp: s.counts.confirmedPhrases,
        op: s.counts.openPhrases,
        r: [...s.counts.perRule].map(([id, e]) => [id, e.count, e.severity]),
      },
    })),
  };
  try {
    kv.setItem(PREFIX + key, JSON.stringify(file));
  } catch {
    // full or disabled storage: the dashboard is only slower to first paint
  }
}

/** Whether a cache exists for this key (without parsing it). */
export function hasStatsCache(key: string, kv: KV | undefined = store()): boolean {
  try {
    return !!kv?.getItem(PREFIX + key);
  } catch {
    return false;
  }
}

/** The cached aggregates and when they were computed, or null (none, old format, unreadable). */
export function loadStatsCache(key: string, kv: KV | undefined = store()): { at: number; stats: SiteStats[] } | null {
  try {
    const raw = kv?.getItem(PREFIX + key);
    if (!raw) return null;
    const file = JSON.parse(raw) as CacheFile;
    if (file.v !== VERSION || !Array.isArray(file.sites)) return null;
    const stats = file.sites.map(({ c, ...s }): SiteStats => {
      const counts = {
        confirmedVetoes: c.cv,
        openVetoes: c.ov,
        confirmedPhrases: c.cp,
        openPhrases: c.op,
        perRule: new Map(c.r.map(([id, count, severity]) => [id, { count, severity }])),
      };
      return { ...s, counts, verdict: verdictFromCounts(counts, { vetoReasons: s.vetoReasons }) };
    });
    return { at: file.at, stats };
  } catch {
    return null;
  }
}
