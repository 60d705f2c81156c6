import type { Settings } from '../types';
import { todayIso } from '../settings';

const QUARTERS = ['一', '二', '三', '四'];

/** The quarter's round name of an ISO date, e.g. 2026-11-23 → 2026年第四季度 (inspections are quarterly). */
export function quarterRoundName(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${y}年第${QUARTERS[Math.floor(((m || 1) - 1) / 3)]}季度`;
}

/** The active round's id: the one the inspector chose, else the current quarter. */
export function activeRoundId(settings: Pick<Settings, 'activeRound' | 'today'>): string {
  return settings.activeRound?.trim() || quarterRoundName(todayIso(settings));
}
