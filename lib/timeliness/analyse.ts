/**
 * One timeliness analysis per page, shared by the freshness rules and the date painter: the
 * refined page type, the list scan and the column status. Cached per PageModel and settings so
 * six rules do not scan the list six times.
 */
import type { ColumnStatus, PageModel, PageType, Settings } from '../types';
import { scanList, type ListScan } from './list-items';
import { refinePageType } from './page-type';
import { columnStatusFrom } from './column';

export interface Timeliness {
  pageType: PageType;
  scan: ListScan;
  status: ColumnStatus;
}

const cache = new WeakMap<PageModel, WeakMap<Settings, Timeliness>>();

export function analyse(page: PageModel, settings: Settings): Timeliness {
  let perSettings = cache.get(page);
  const hit = perSettings?.get(settings);
  if (hit) return hit;
  const scan = scanList(page);
  // the page context carries the refined type (lib/scan/page-model.ts); refining is idempotent,
  // so a hand-made model in a test gets the same answer
  const pageType = refinePageType(page, scan);
  // the fields the column status reads, not a spread copy of the model (which would also read its
  // lazily folded text)
  const status = columnStatusFrom({ meta: page.meta, text: page.text, title: page.title, pageType }, settings, scan);
  const result = { pageType, scan, status };
  if (!perSettings) cache.set(page, (perSettings = new WeakMap()));
  perSettings.set(settings, result);
  return result;
}
