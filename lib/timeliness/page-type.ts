/**
 * Refines lib/scan's first guess at the page type with the list structure: a column page must
 * really be a list (dated item lines, or a declared column that is empty), and a page whose header
 * carries a labelled publish date is an article even when a related-news list follows it. A
 * 办事指南 is never a column.
 */
import type { PageModel, PageType } from '../types';
import { labelSet } from '../text/date-labels';
import { linesOf } from '../text/lines';
import { contentDates, isItemDate, scanList, type ListScan } from './list-items';
import { isGuidePage } from './guide';

/** Item lines that make a page a list without any column meta. */
const MIN_LIST_ITEMS = 3;
const PUBLISH_LABELS = labelSet('headerPublish');
/** A line this long with a full stop is prose; list titles and navigation carry no 。 */
const PROSE_LINE = 40;

function hasProse(page: Pick<PageModel, 'text' | 'footer'>): boolean {
  const main = page.text.slice(0, page.footer?.start ?? page.text.length);
  return main.split('\n').some((l) => l.trim().length >= PROSE_LINE && l.includes('。'));
}

export type TypedPage = Pick<PageModel, 'url' | 'meta' | 'dates' | 'text' | 'footer' | 'links' | 'pageType' | 'title'>;

export function refinePageType(page: TypedPage, scan: ListScan = scanList(page)): PageType {
  if (page.pageType === 'home' || page.pageType === 'article') return page.pageType;
  const content = contentDates(page);
  const firstItem = scan.items[0]?.lineStart ?? Infinity;
  const lines = linesOf(page.text);
  const headerDate = content.find(
    (d) => d.label !== undefined && PUBLISH_LABELS.has(d.label) && d.start < firstItem && !isItemDate(page.text, d, lines),
  );
  if (headerDate) return 'article';
  const declared = !!(page.meta.ColumnName || page.meta.ColumnType) && !page.meta.ArticleTitle && !page.meta.PubDate;
  if (scan.items.length >= MIN_LIST_ITEMS) return 'column';
  // a 办事指南 (often a table of labelled rows, undated, under a column template) is content:
  // service.guide-elements judges it, the column rules must not call it blank
  if (isGuidePage(page)) return 'other';
  if (declared && (scan.items.length > 0 || scan.blankMarker)) return 'column';
  // a declared column with no date at all is an empty or undated list, unless it reads as prose
  // (an article page whose template carries ColumnName but not ArticleTitle)
  if (declared && content.length === 0 && !hasProse(page)) return 'column';
  return page.pageType === 'column' ? 'other' : page.pageType;
}
