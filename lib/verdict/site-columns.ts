/**
 * Site-level column vetoes (栏目不更新 / 首页不更新) from the stored pages, through
 * lib/verdict/columns.ts. A column whose freshness finding the inspector dismissed does not
 * count; the veto is confirmed only when it still holds over the columns whose finding the
 * inspector confirmed, else it is a 疑似 reason.
 */
import type { ColumnStatus, Finding, PageRecord } from '../types';
import { columnVerdict } from './columns';
import type { VetoReason } from './index';
import { RULES } from '../rules/index';

/** Rules whose findings feed the column vetoes (declared `columnRule` in their definitions). */
export const COLUMN_RULES = RULES.filter((r) => r.columnRule).map((r) => r.id);

function asStatus(p: PageRecord, today: number): ColumnStatus {
  const age = p.newestDate ? Math.floor((today - Date.parse(p.newestDate + 'T00:00:00Z')) / 86_400_000) : null;
  return {
    columnType: p.columnType ?? '其他',
    columnClass: 'other',
    columnName: p.columnName ?? p.title,
    newestDate: p.newestDate ?? null,
    ageDays: age,
    // a no-date column was recorded because its items showed no dates
    itemCount: p.columnStatus === 'blank' ? 0 : 1,
    undatedCount: p.columnStatus === 'no-date' ? 1 : 0,
    status: p.columnStatus!,
    thresholdDays: 0,
  };
}

/** Veto reasons of one site: `pages` of the site, `findings` of COLUMN_RULES on them. */
export function columnVetoReasons(pages: PageRecord[], findings: Pick<Finding, 'url' | 'status'>[], today = Date.now()): VetoReason[] {
  const byUrl = new Map<string, string[]>();
  for (const f of findings) (byUrl.get(f.url) ?? byUrl.set(f.url, []).get(f.url)!).push(f.status);
  const cols: { status: ColumnStatus; confirmed: boolean; home: boolean }[] = [];
  for (const p of pages) {
    if (!p.columnStatus) continue;
    const st = byUrl.get(p.url) ?? [];
    if (st.length && st.every((s) => s === 'dismissed' || s === 'fixed')) continue;
    cols.push({ status: asStatus(p, today), confirmed: st.includes('confirmed'), home: p.pageType === 'home' });
  }
  if (!cols.length) return [];
  const split = (list: typeof cols) => ({ columns: list.filter((c) => !c.home).map((c) => c.status), home: list.find((c) => c.home)?.status });
  const all = split(cols);
  const sure = split(cols.filter((c) => c.confirmed));
  const sureV = columnVerdict(sure.columns, sure.home);
  // the wording carries counts, so match by kind: 栏目不更新 / 首页不更新
  return columnVerdict(all.columns, all.home).reasons.map((reason) => ({
    reason,
    confirmed: reason.startsWith('首页') ? sureV.homeStale : sureV.columnsStale,
  }));
}
