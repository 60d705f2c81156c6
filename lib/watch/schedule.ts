/**
 * When the next probe of a watched site runs. Intervals of intervalMinutes + up to jitterMinutes
 * (60–72 min: 20–24 probes a day) with a random part, so sites watched together drift apart.
 */
import cfg from '../data/watch.json';
import type { WatchRecord } from './types';

const MIN = 60_000;
export const WINDOW_MS = cfg.windowDays * 86_400_000;
export const ALARM_PREFIX = 'watch:';

export const alarmName = (site: string) => ALARM_PREFIX + site;
export const siteOfAlarm = (name: string) => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : '');

/** The longest gap between two probes the schedule makes; 24 h / this ≥ 20 probes a day. */
export const MAX_INTERVAL_MS = (cfg.intervalMinutes + cfg.jitterMinutes) * MIN;

/** The time of the probe after one that ran at `last`; `random` in [0, 1). */
export function nextProbeAt(last: number, random: () => number = Math.random): number {
  return last + cfg.intervalMinutes * MIN + Math.floor(random() * cfg.jitterMinutes * MIN);
}

/** A new watch of a site from `now`. */
export function newWatch(site: string, homeUrl: string, now: number): WatchRecord {
  return { site, homeUrl, startedAt: now, endsAt: now + WINDOW_MS };
}

export function isActive(w: WatchRecord, now: number): boolean {
  return !w.stoppedAt && now < w.endsAt;
}

/**
 * Where a restarted background puts a missing alarm: the next probe after the last one, or soon
 * when that time has passed while the browser was closed (the missed hours stay gaps).
 */
export function resumeAt(lastProbe: number | undefined, now: number, random: () => number = Math.random): number {
  const soon = now + cfg.firstProbeDelaySeconds * 1000;
  if (lastProbe === undefined) return soon;
  return Math.max(nextProbeAt(lastProbe, random), soon);
}
