/**
 * How one column stands: its type, newest item date, age and status against the threshold for
 * its type. Used per page by the freshness rules and per crawled list page by the site crawl.
 * Pure: the same PageModel and settings give the same answer.
 */
import type { ColumnStatus, PageModel, Settings } from '../types';
import { daysBetween, todayIso } from '../settings';
import { detectColumnType } from './column-type';
import { scanList, type ListScan } from './list-items';
import { thresholdFor, thresholds } from './thresholds';

export type { ColumnStatus } from '../types';

/** Home pages are judged as a whole against homeDays, under this type name. */
export const HOME_TYPE = '首页';

export function columnStatus(page: PageModel, settings: Settings): ColumnStatus {
  return columnStatusFrom(page, settings, scanList(page));
}

export function columnStatusFrom(page: Pick<PageModel, 'meta' | 'text' | 'title' | 'pageType'>, settings: Settings, scan: ListScan): ColumnStatus {
  const today = todayIso(settings);
  const t = thresholds(settings);
  const detected = detectColumnType(page);
  const home = page.pageType === 'home';
  const kind = home ? { ...detected, columnType: HOME_TYPE, columnClass: 'news' as const } : detected;
  const thresholdDays = home ? t.homeDays : thresholdFor(kind.columnClass, t);
  // a future date is its own finding (freshness.future-date); it must not make a column look fresh
  const past = scan.items.filter((i) => i.date <= today);
  const newestDate = past.reduce<string | null>((b, i) => (b === null || i.date > b ? i.date : b), null);
  const ageDays = newestDate ? daysBetween(newestDate, today) : null;
  const itemCount = scan.items.length + scan.undated;
  let status: ColumnStatus['status'];
  if (newestDate !== null && ageDays !== null) status = ageDays > thresholdDays ? 'stale' : 'fresh';
  else if (scan.items.length > 0) status = 'no-date'; // only future-dated items
  else if (scan.blankMarker || scan.undated === 0) status = 'blank';
  else status = 'no-date';
  return { ...kind, newestDate, ageDays, itemCount, undatedCount: scan.undated, status, thresholdDays };
}
