/**
 * The date a page shows as its own publish date, as ISO `YYYY-MM-DD`, or null.
 *
 * Order: the `PubDate` meta (then common alternates) → a date labelled 发布时间/发布日期, then 日期,
 * then 成文日期/发文日期/生成日期 (信息公开 tables) → for list pages (column, home) the newest dated
 * item → for article and other pages the first dated mention near the top. Footer and copyright dates and
 * header clock widgets never count.
 */
import type { DateMention, PageModel } from '../types';
import { isClockDate, isoDate, normaliseDigits } from '../text/dates';

type PubDateInput = Pick<PageModel, 'meta' | 'dates' | 'pageType' | 'text'>;

/** Meta names after `PubDate`, compared case-insensitively, highest priority first. */
const ALT_META = ['pubdate', 'publishdate', 'article:published_time'];

/** Label priority for the publish date; 更新时间 and bare 时间 are not publish dates. */
const LABEL_RANK: Record<string, number> = {
  发布时间: 0,
  发布日期: 0,
  日期: 1,
  成文日期: 2,
  发文日期: 2,
  生成日期: 2,
};

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

const newest = (dates: DateMention[]): string | null =>
  dates.reduce<string | null>((best, d) => (best === null || d.date > best ? d.date : best), null);

function fromLabel(dates: DateMention[], list: boolean): string | null {
  let rank = Infinity;
  let group: DateMention[] = [];
  for (const d of dates) {
    if (d.inFooter || d.label === undefined) continue;
    const r = LABEL_RANK[d.label];
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

export function pickPubDate(page: PubDateInput): string | null {
  const meta = fromMeta(page.meta);
  if (meta) return meta;

  const list = page.pageType === 'column' || page.pageType === 'home';
  const labelled = fromLabel(page.dates, list);
  if (labelled) return labelled;

  // content dates only: no footer/copyright dates, no header clock widget
  const content = page.dates.filter((d) => !d.inFooter && !isClockDate(page.text, d));
  if (list) return newest(content);
  // article pages, and pages of unknown type (often articles the type guess missed)
  const head = Math.max(page.text.length * ARTICLE_HEAD_SHARE, ARTICLE_HEAD_MIN);
  const first = content.find((d) => d.start < head && !d.inferredYear);
  return first ? first.date : null;
}
