/**
 * The availability watch in a backup: the watches (which sites, since when, stopped or not) and
 * their probes (the hourly results a 通报 cites for 首页无法访问). Merge rules, free of the store:
 * per site the watch started later wins (a new watch replaces an old one), the same watch keeps
 * the earlier stop; a probe is one site's result at one time, so a probe already stored under the
 * same site and time is skipped and every other one is added. Older backups have neither list.
 */
import type { ProbeRecord, WatchRecord } from '../watch/types';
import { mergeRecords } from './merge-records';

export interface WatchSummary {
  watches: { added: number; updated: number };
  probes: { added: number; skipped: number };
}

export const emptyWatchSummary = (): WatchSummary => ({ watches: { added: 0, updated: 0 }, probes: { added: 0, skipped: 0 } });

/** The key the store's [site+at] index gives a probe. */
export const probeKey = (p: Pick<ProbeRecord, 'site' | 'at'>) => `${p.site}\u0000${p.at}`;

export function mergeWatch(prev: WatchRecord, inc: WatchRecord): WatchRecord {
  if (inc.startedAt !== prev.startedAt) return inc.startedAt > prev.startedAt ? inc : prev;
  const stops = [prev.stoppedAt, inc.stoppedAt].filter((t): t is number => t !== undefined);
  const out: WatchRecord = { ...prev, endsAt: Math.max(prev.endsAt, inc.endsAt) };
  if (stops.length) out.stoppedAt = Math.min(...stops);
  return out;
}

const sameWatch = (a: WatchRecord, b: WatchRecord) =>
  a.homeUrl === b.homeUrl && a.startedAt === b.startedAt && a.endsAt === b.endsAt && a.stoppedAt === b.stoppedAt;

export interface WatchPlan {
  summary: WatchSummary;
  /** watches to put */
  watches: WatchRecord[];
  /** probes to add (no id: the store numbers them) */
  probes: ProbeRecord[];
}

/**
 * `stored(site)` is the stored watch of a site, `storedProbe(key)` whether a probe with that
 * probeKey is stored. Duplicates inside the incoming lists are combined first.
 */
export function planWatchMerge(
  inc: { watches: WatchRecord[]; probes: ProbeRecord[] },
  stored: { watch(site: string): WatchRecord | undefined; probe(key: string): boolean },
): WatchPlan {
  const summary = emptyWatchSummary();
  const incoming = new Map<string, WatchRecord>();
  for (const w of inc.watches) incoming.set(w.site, incoming.has(w.site) ? mergeWatch(incoming.get(w.site)!, w) : w);
  const watches = mergeRecords(incoming.values(), (w) => stored.watch(w.site), mergeWatch, sameWatch, summary.watches);
  const probes: ProbeRecord[] = [];
  const seen = new Set<string>();
  for (const { id: _drop, ...p } of inc.probes) {
    const key = probeKey(p);
    if (seen.has(key) || stored.probe(key)) {
      summary.probes.skipped++;
      continue;
    }
    seen.add(key);
    summary.probes.added++;
    probes.push(p);
  }
  return { summary, watches, probes };
}

/** The Chinese parts of the import summary for the watch, empty when the file had none. */
export function watchSummaryParts(s: WatchSummary): string[] {
  const parts: string[] = [];
  if (s.watches.added || s.watches.updated) parts.push(`可用性监测：新增 ${s.watches.added} 个，更新 ${s.watches.updated} 个`);
  if (s.probes.added || s.probes.skipped) parts.push(`探测记录：新增 ${s.probes.added} 条，跳过 ${s.probes.skipped} 条（已存在）`);
  return parts;
}
