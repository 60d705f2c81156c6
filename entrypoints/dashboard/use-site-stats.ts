import { useEffect, useState } from 'preact/hooks';
import Dexie from 'dexie';
import type { GovCheckDB } from '@/lib/store/db';
import { siteStats, type SiteStats } from '@/lib/store/stats';

const DEBOUNCE_MS = 400;

let early: { db: GovCheckDB; stats: Promise<SiteStats[]> } | undefined;

/** Starts the first read before the first render (main.tsx): the page paints with data sooner. */
export function prefetchSiteStats(db: GovCheckDB): void {
  early = { db, stats: siteStats(db) };
  early.stats.catch(() => undefined);
}

/**
 * The per-site aggregates (write-time rows, lib/store/site-aggregates.ts), re-read (debounced)
 * whenever the store changes in any context.
 * Not a liveQuery on purpose: liveQuery records every primary key a query returns so it can
 * match later writes, which for 100k keys costs more than the reads themselves.
 */
export function useSiteStats(db: GovCheckDB, round: string): SiteStats[] | null {
  const [value, setValue] = useState<SiteStats[] | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    setValue(null);
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const pre = !round && early?.db === db ? early.stats : undefined;
        early = undefined;
        const s = await (pre ?? siteStats(db, { round: round || undefined }));
        if (alive) setValue(s);
      } catch (e) {
        console.error('GovCheck siteStats', e);
      } finally {
        running = false;
        if (again && alive) {
          again = false;
          schedule();
        }
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    };
    void run();
    Dexie.on('storagemutated', schedule);
    return () => {
      alive = false;
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(schedule);
    };
  }, [db, round]);
  return value;
}
