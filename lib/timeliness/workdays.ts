/** Working days by the official calendar (public holidays and 调休 make-up days), via chinese-days. */
import chineseDays from 'chinese-days';

/**
 * Working days after `from` up to and including `to` (ISO dates); 0 when `to` is not after `from`.
 * Counting stops once it passes `stopAfter`: callers only ask "more than N?".
 */
export function workdaysBetween(from: string, to: string, stopAfter = Infinity): number {
  let n = 0;
  const end = Date.parse(to + 'T00:00:00Z');
  for (let t = Date.parse(from + 'T00:00:00Z') + 86_400_000; t <= end; t += 86_400_000) {
    if (chineseDays.isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
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
