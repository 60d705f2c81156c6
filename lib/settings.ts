import type { Settings } from './types';
import defaults from './data/settings-defaults.json';
import { isoDayNumber } from './text/dates';

export const DEFAULT_SETTINGS: Settings = { ...defaults };

/** Today as ISO `YYYY-MM-DD` in local time, or the pinned `settings.today`. */
export function todayIso(settings: Pick<Settings, 'today'>): string {
  if (settings.today) return settings.today;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Whole days from ISO date `a` to ISO date `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(isoDayNumber(b) - isoDayNumber(a));
}
