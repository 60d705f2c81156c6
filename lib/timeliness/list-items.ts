/**
 * The items of a list page, read from the flattened text: one item per line that carries a date at
 * its edge (`标题 2025-01-08`, `[11-20] 标题`, or a table cell holding only the date), plus link
 * lines without any date between them. Footer dates, copyright lines, header clocks and page-level
 * 更新时间 stamps are not items.
 */
import type { DateMention, PageModel } from '../types';
import { isClockDate } from '../text/dates';
import { labelSet } from '../text/date-labels';
import table from '../data/column-types.json';
import { needleFinder } from '../text/page-needles';
import { isSpaceCode } from '../text/space';
import { linesOf, type LineBounds } from '../text/lines';

export interface ListItem {
  /** the newest date on the item's line */
  date: string;
  mention: DateMention;
  lineStart: number;
  lineEnd: number;
}

export interface ListScan {
  items: ListItem[];
  /** list-looking link lines with no date */
  undated: number;
  /** a 暂无信息-style marker outside the footer */
  blankMarker: { start: number; end: number; raw: string } | null;
}

/** A list item's line is short; article sentences are long. */
const MAX_ITEM_LINE = 120;
/** What may sit between a date and its line's edge: white space (\s) and these. */
const EDGE_MARKS = new Set(Array.from('[]【】()（）|·•-–—:：', (c) => c.charCodeAt(0)));
/** text[from, to) holds only edge characters (a loop: this runs for every date of the page). */
function onlyEdge(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && !EDGE_MARKS.has(c)) return false;
  }
  return true;
}
/** Labels that stamp the page, not an item. */
const PAGE_LABELS = labelSet('pageStamp');
const MIN_LINK_TITLE = 8;


/** The last answer per dates array: the page type, the list scan, the publish date and several rules ask. */
const content = new WeakMap<DateMention[], { text: string; dates: readonly DateMention[] }>();

/** Content dates: not footer, not copyright, not a header clock. */
export function contentDates(page: Pick<PageModel, 'dates' | 'text'>): readonly DateMention[] {
  const hit = content.get(page.dates);
  if (hit && hit.text === page.text) return hit.dates;
  const dates = page.dates.filter((d) => !d.inFooter && !isClockDate(page.text, d));
  content.set(page.dates, { text: page.text, dates });
  return dates;
}

/** True when the date sits at the start or end of a short line: the shape of a list item. */
export function isItemDate(text: string, d: DateMention, lines: LineBounds = linesOf(text)): boolean {
  if (d.label && PAGE_LABELS.has(d.label)) return false;
  const s = lines.startOf(d.start);
  const e = lines.endOf(d.start);
  if (e - s > MAX_ITEM_LINE) return false;
  // a labelled date alone in its cell (成文日期：| 2018年12月18日) is a field of a document's
  // 信息公开 table, not a list item; list items carry their label on their own line, if at all
  if (d.label && !text.slice(s, d.start).includes(d.label)) return false;
  return onlyEdge(text, s, d.start) || onlyEdge(text, d.end, e);
}

function mainEnd(page: Pick<PageModel, 'footer' | 'text'>): number {
  return page.footer ? page.footer.start : page.text.length;
}

/** The markers, found in the page's one needle pass (eight indexOf calls read a long page eight times). */
const blankMarkers = needleFinder(table.blankMarkers);

export function findBlankMarker(page: Pick<PageModel, 'footer' | 'text'>): ListScan['blankMarker'] {
  const end = mainEnd(page);
  const found = blankMarkers.positions(page.text);
  // the first marker of the list that occurs wholly before the footer, at its first place
  for (const [k, raw] of table.blankMarkers.entries()) {
    const i = found[k]![0];
    if (i !== undefined && i + raw.length <= end) return { start: i, end: i + raw.length, raw };
  }
  return null;
}

type ListedPage = Pick<PageModel, 'dates' | 'text' | 'footer' | 'links'>;

/**
 * The last scan per dates array: the page context (refining the type) and analyse() (the
 * freshness rules) scan the same page; a copy of the model ({ ...page }) shares its arrays.
 */
const scans = new WeakMap<DateMention[], { page: ListedPage; scan: ListScan }>();

export function scanList(page: ListedPage): ListScan {
  const hit = scans.get(page.dates);
  if (hit && hit.page.text === page.text && hit.page.footer === page.footer && hit.page.links === page.links) return hit.scan;
  const scan = scanListUncached(page);
  scans.set(page.dates, { page: { dates: page.dates, text: page.text, footer: page.footer, links: page.links }, scan });
  return scan;
}

function scanListUncached(page: ListedPage): ListScan {
  const byLine = new Map<number, ListItem>();
  const lines = linesOf(page.text);
  for (const d of contentDates(page)) {
    if (!isItemDate(page.text, d, lines)) continue;
    const lineStart = lines.startOf(d.start);
    const prev = byLine.get(lineStart);
    if (!prev || d.date > prev.date) byLine.set(lineStart, { date: d.date, mention: d, lineStart, lineEnd: lines.endOf(d.start) });
  }
  const items = [...byLine.values()].sort((a, b) => a.lineStart - b.lineStart);
  return { items, undated: countUndated(page, items), blankMarker: findBlankMarker(page) };
}

/**
 * Link lines inside the dated list that carry no date of their own and are not the title half of
 * an item whose date sits on the next line (table rows).
 */
function countUndated(page: Pick<PageModel, 'text' | 'links' | 'footer'>, items: ListItem[]): number {
  if (items.length === 1) return 0;
  // no dated item at all: every title-length link line of the main text may be an undated item
  const from = items.length ? items[0]!.lineStart : 0;
  const to = items.length ? items[items.length - 1]!.lineEnd : mainEnd(page);
  const titles = new Set(page.links.filter((l) => !l.inFooter && l.text.length >= MIN_LINK_TITLE).map((l) => l.text));
  if (titles.size === 0) return 0;
  const text = page.text;
  // a line is compared (sliced, trimmed) only when its trimmed length and first character fit a title
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const t of titles) {
    lengths.add(t.length);
    firsts.add(t.charCodeAt(0));
  }
  const mayBeTitle = (a: number, b: number) => {
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    return lengths.has(b - a) && firsts.has(text.charCodeAt(a));
  };
  const dated = new Set(items.map((i) => i.lineStart));
  let undated = 0;
  // line by line without splitting the range; a line shorter than any title cannot be one
  const lines = linesOf(text);
  for (let pos = from; pos <= to; ) {
    const nl = lines.endOf(pos);
    const end = nl > to ? to : nl;
    const nextStart = end + 1;
    if (end - pos >= MIN_LINK_TITLE && !dated.has(pos) && mayBeTitle(pos, end) && titles.has(text.slice(pos, end).trim()) && !dated.has(nextStart)) undated++;
    pos = nextStart;
  }
  return undated;
}
