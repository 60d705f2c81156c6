/**
 * Working days by the official calendar (public holidays and 调休 make-up days), from chinese-days'
 * published tables. Its tables alone, not its module: the module also carries the lunar calendar and
 * solar terms, 4.7 KB gzip the content script (on every page an inspector opens) does not need.
 */
import { holidays, workdays } from 'chinese-days/dist/chinese-days.json';

const HOLIDAYS: Record<string, string> = holidays;
const MAKE_UP_WORKDAYS: Record<string, string> = workdays;

/** A working day: a 调休 make-up day, or Monday to Friday and no public holiday (ISO date). */
export function isWorkday(iso: string): boolean {
  if (iso in MAKE_UP_WORKDAYS) return true;
  const weekday = new Date(iso + 'T00:00:00Z').getUTCDay();
  return weekday >= 1 && weekday <= 5 && !(iso in HOLIDAYS);
}

/**
 * Working days after `from` up to and including `to` (ISO dates); 0 when `to` is not after `from`.
 * Counting stops once it passes `stopAfter`: callers only ask "more than N?".
 */
export function workdaysBetween(from: string, to: string, stopAfter = Infinity): number {
  let n = 0;
  const end = Date.parse(to + 'T00:00:00Z');
  for (let t = Date.parse(from + 'T00:00:00Z') + 86_400_000; t <= end; t += 86_400_000) {
    if (isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
    if (n > stopAfter) break;
  }
  return n;
}

/** ISO date `months` calendar months after `iso` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
