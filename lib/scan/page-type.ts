import type { DateMention, PageType } from '../types';
import { pubDateRank } from '../text/date-labels';

const HOME_PATH = /^\/(index\.(s?html?|jsp|php|aspx?)|default\.(s?html?|aspx?))?$/i;

/**
 * A first guess at the page's type from its URL, meta and dates; the timeliness work refines it.
 * Article pages carry ArticleTitle/PubDate meta or a 发布时间 line; list pages carry many dates.
 */
export function guessPageType(url: string, meta: Record<string, string>, dates: DateMention[]): PageType {
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep '/' */
  }
  if (HOME_PATH.test(path)) return 'home';
  if (meta.ArticleTitle || meta.PubDate) return 'article';
  const content = dates.filter((d) => !d.inFooter);
  if (content.length >= 5) return 'column';
  if (meta.ColumnName || meta.ColumnType) return 'column';
  // a label that dates the page (发布日期, 成文日期, 日期 …; not 更新时间 or bare 时间)
  if (content.some((d) => pubDateRank(d.label) !== undefined)) return 'article';
  return 'other';
}
