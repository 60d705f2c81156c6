import type { ColumnClass, FreshnessThresholds, Settings } from '../types';
import defaults from '../data/freshness-thresholds.json';

export const DEFAULT_THRESHOLDS: FreshnessThresholds = {
  homeDays: defaults.homeDays,
  newsDays: defaults.newsDays,
  noticeDays: defaults.noticeDays,
  personnelDays: defaults.personnelDays,
  otherDays: defaults.otherDays,
};

/** The thresholds in force: the user's settings over the shipped defaults; bad values fall back. */
export function thresholds(settings: Pick<Settings, 'freshness'>): FreshnessThresholds {
  const out: FreshnessThresholds = { ...DEFAULT_THRESHOLDS };
  const user = settings.freshness ?? {};
  for (const key of Object.keys(out) as (keyof FreshnessThresholds)[]) {
    const v = user[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = Math.round(v);
  }
  return out;
}

export function thresholdFor(cls: ColumnClass, t: FreshnessThresholds): number {
  switch (cls) {
    case 'news':
      return t.newsDays;
    case 'notice':
      return t.noticeDays;
    case 'personnel':
      return t.personnelDays;
    default:
      return t.otherDays;
  }
}
