/**
 * The date a page shows as its own publish date, as ISO `YYYY-MM-DD`, or null.
 *
 * Order: the `PubDate` meta (then common alternates), unless an article shows a different labelled
 * date (that one wins; meta.pubdate-mismatch reports the disagreement) → a date labelled 发布时间/发布日期, then 日期,
 * then 成文日期/发文日期/生成日期 (信息公开 tables) → for list pages (column, home) the newest dated
 * item → for article and other pages the first dated mention near the top. Footer and copyright dates and
 * header clock widgets never count.
 */
import type { DateMention, PageModel } from '../types';
import { isoDate, normaliseDigits } from '../text/dates';
import { contentDates } from '../timeliness/list-items';
import { pubDateRank } from '../text/date-labels';

type PubDateInput = Pick<PageModel, 'meta' | 'dates' | 'pageType' | 'text'> & { main?: PageModel['main'] };

/** Meta names after `PubDate`, compared case-insensitively, highest priority first. */
const ALT_META = ['pubdate', 'publishdate', 'article:published_time'];


/** An article's date sits near the top: within this share of the text (or the first chars). */
const ARTICLE_HEAD_SHARE = 0.2;
const ARTICLE_HEAD_MIN = 1000;

const META_DATE = /^\s*(\d{4})\s*[-/.年\u2010-\u2015\u2212]\s*(\d{1,2})\s*[-/.月\u2010-\u2015\u2212]\s*(\d{1,2})(?!\d)/;

/** Parse a meta date value: 2022-07-27 15:43, 2022/07/27, 2022–07–27, 2022年7月27日, ISO. */
export function parseMetaDate(value: string): string | null {
  const m = META_DATE.exec(normaliseDigits(value));
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function fromMeta(meta: Record<string, string>): string | null {
  const exact = meta['PubDate'];
  if (exact !== undefined) {
    const d = parseMetaDate(exact);
    if (d) return d;
  }
  const keys = Object.keys(meta);
  for (const name of ALT_META) {
    for (const key of keys) {
      if (key.toLowerCase() !== name || key === 'PubDate') continue;
      const d = parseMetaDate(meta[key] ?? '');
      if (d) return d;
    }
  }
  return null;
}

const newest = (dates: readonly DateMention[]): string | null =>
  dates.reduce<string | null>((best, d) => (best === null || d.date > best ? d.date : best), null);

function fromLabel(dates: DateMention[], list: boolean): string | null {
  let rank = Infinity;
  let group: DateMention[] = [];
  for (const d of dates) {
    if (d.inFooter || d.label === undefined) continue;
    const r = pubDateRank(d.label);
    if (r === undefined) continue;
    if (r < rank) {
      rank = r;
      group = [d];
    } else if (r === rank) group.push(d);
  }
  if (group.length === 0) return null;
  // A list page may label every item; its own date is the newest of them.
  return list ? newest(group) : group[0]!.date;
}

export interface PubDatePick {
  date: string | null;
  source: PageModel['pubDateSource'];
  /** the meta's date, whether it won or not */
  meta: string | null;
}

/**
 * The date an article shows with a label that dates the page (发布日期, 日期, 发文日期, 生成日期 …,
 * by rank): inside the main content when one was found (a related-news list after the article
 * labels its own items), else anywhere outside the footer.
 */
function shownDate(page: PubDateInput): string | null {
  const main = page.main;
  if (main) {
    const inMain = fromLabel(page.dates.filter((d) => d.start >= main.start && d.start < main.end), false);
    if (inMain) return inMain;
  }
  return fromLabel(page.dates, false);
}

export function pickPubDateWithSource(page: PubDateInput): PubDatePick {
  const meta = fromMeta(page.meta);
  const list = page.pageType === 'column' || page.pageType === 'home';
  if (meta) {
    // an article's visible date wins over a meta that disagrees: CMSs stamp PubDate with the
    // page's generation time (wanzai 2015 bulletin: meta 2022-04-24, shown 发布日期 2017-05-15;
    // yichun 2022: meta 2023-05-16, 信息公开 table 发文日期 2023-04-18)
    const shown = page.pageType === 'article' ? shownDate(page) : null;
    if (shown && shown !== meta) return { date: shown, source: 'label', meta };
    return { date: meta, source: 'meta', meta };
  }

  const labelled = fromLabel(page.dates, list);
  if (labelled) return { date: labelled, source: 'label', meta };

  // content dates only: no footer/copyright dates, no header clock widget
  const content = contentDates(page);
  if (list) {
    const n = newest(content);
    return { date: n, source: n ? 'list' : null, meta };
  }
  // article pages, and pages of unknown type (often articles the type guess missed)
  const head = Math.max(page.text.length * ARTICLE_HEAD_SHARE, ARTICLE_HEAD_MIN);
  const first = content.find((d) => d.start < head && !d.inferredYear);
  return { date: first ? first.date : null, source: first ? 'text' : null, meta };
}

export function pickPubDate(page: PubDateInput): string | null {
  return pickPubDateWithSource(page).date;
}
