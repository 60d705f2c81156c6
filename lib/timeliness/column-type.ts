/**
 * Which kind of column a page belongs to, from the ColumnType/ColumnName meta, the breadcrumb
 * (当前位置 …> 通知公告) or the page title, matched against lib/data/column-types.json.
 */
import type { ColumnClass, PageModel } from '../types';
import table from '../data/column-types.json';

export interface ColumnType {
  columnType: string;
  columnClass: ColumnClass;
  columnName: string;
}

const SEPARATORS = new RegExp(table.nameSeparators);
const CRUMB_SEP = new RegExp(table.breadcrumbSeparators);
const CRUMB_LINE = new RegExp(`(?:${table.breadcrumbLabels.join('|')})\\s*[:：]?(.*)`);

/** Match one name: an exact alias wins, else the longest alias the name contains. */
export function matchColumnType(name: string): { columnType: string; columnClass: ColumnClass } | null {
  const n = name.replace(/\s+/g, '');
  if (!n) return null;
  let best: { type: string; cls: string; len: number } | null = null;
  for (const t of table.types) {
    for (const a of t.aliases) {
      if (n === a) return { columnType: t.type, columnClass: t.class as ColumnClass };
      if (n.includes(a) && (!best || a.length > best.len)) best = { type: t.type, cls: t.class, len: a.length };
    }
  }
  return best ? { columnType: best.type, columnClass: best.cls as ColumnClass } : null;
}

/** The last segment of the 当前位置 breadcrumb, or ''. Only the first such line counts. */
export function breadcrumbName(text: string): string {
  const m = CRUMB_LINE.exec(text.slice(0, 20000));
  if (!m) return '';
  const line = (m[1] ?? '').split('\n')[0] ?? '';
  const parts = line.split(CRUMB_SEP).map((p) => p.trim()).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  return last.length <= 20 ? last : '';
}

/** The title's first part: 通知公告_示范县人民政府 → 通知公告. */
export function titleHead(title: string): string {
  const head = (title.split(SEPARATORS)[0] ?? '').trim();
  return head.length <= 20 ? head : '';
}

export function detectColumnType(page: Pick<PageModel, 'meta' | 'text' | 'title'>): ColumnType {
  const crumb = breadcrumbName(page.text);
  const head = titleHead(page.title);
  const metaType = (page.meta.ColumnType ?? '').trim();
  const metaName = (page.meta.ColumnName ?? '').trim();
  const columnName = metaName || crumb || head || metaType;
  for (const candidate of [metaType, metaName, crumb, head]) {
    const hit = candidate ? matchColumnType(candidate) : null;
    if (hit) return { ...hit, columnName: columnName || candidate };
  }
  return { columnType: table.other.type, columnClass: table.other.class as ColumnClass, columnName };
}
