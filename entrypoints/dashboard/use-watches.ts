import type { GovCheckDB } from '@/lib/store/db';
import { watchProbes } from '@/lib/store/probes';
import type { ProbeRecord, WatchRecord } from '@/lib/watch/types';
import { useLiveQuery } from '@/components/use-live-query';

export interface Watched {
  watches: WatchRecord[];
  probes: Map<string, ProbeRecord[]>;
}

/** Every watch and its window's probes, live (a new probe repaints the timeline). */
export function useWatches(db: GovCheckDB): Watched {
  return useLiveQuery(() => db.transaction('r', [db.watches, db.probes], () => watchProbes(db)), [db], { watches: [], probes: new Map() });
}
