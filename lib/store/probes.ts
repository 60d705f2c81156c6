/** Repository functions for the availability watch (tables watches, probes: lib/store/db.ts v5). */
import type { GovCheckDB } from './db';
import type { ProbeRecord, WatchRecord } from '../watch/types';

export function getWatch(db: GovCheckDB, site: string): Promise<WatchRecord | undefined> {
  return db.watches.get(site);
}

export function listWatches(db: GovCheckDB): Promise<WatchRecord[]> {
  return db.watches.toArray();
}

/** Stores the watch; a site never scanned gets its site row, so the dashboard lists it. */
export async function putWatch(db: GovCheckDB, w: WatchRecord): Promise<void> {
  await db.transaction('rw', [db.watches, db.sites], async () => {
    await db.watches.put(w);
    if (!(await db.sites.get(w.site))) await db.sites.put({ site: w.site, name: '', siteCode: '', homeUrl: w.homeUrl, firstSeen: w.startedAt, lastSeen: w.startedAt });
  });
}

export async function addProbe(db: GovCheckDB, p: ProbeRecord): Promise<void> {
  const { id: _drop, ...row } = p;
  await db.probes.add(row);
}

/** A site's probes in time order, from `since` to `until` (both included). */
export function probesOf(db: GovCheckDB, site: string, since = 0, until = Infinity): Promise<ProbeRecord[]> {
  return db.probes.where('[site+at]').between([site, since], [site, until], true, true).toArray();
}

export async function lastProbeAt(db: GovCheckDB, site: string): Promise<number | undefined> {
  const last = await db.probes.where('[site+at]').between([site, 0], [site, Infinity], true, true).last();
  return last?.at;
}

/** Every watched site's probes in its current window, keyed by site (the dashboard, the site verdict). */
export async function watchProbes(db: GovCheckDB): Promise<{ watches: WatchRecord[]; probes: Map<string, ProbeRecord[]> }> {
  const watches = await db.watches.toArray();
  const lists = await Promise.all(watches.map((w) => probesOf(db, w.site, w.startedAt)));
  return { watches, probes: new Map(watches.map((w, i) => [w.site, lists[i]!])) };
}
