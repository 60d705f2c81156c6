/**
 * Site-level timeliness vetoes from column statuses (docs/RULES.md): 栏目不更新 when ≥ 5 stale
 * 动态要闻 + 通知公告/政策文件 columns, or ≥ 10 stale columns of any type, or ≥ 5 blank columns;
 * 首页不更新 from the home page's status. Pure: the caller passes each column once (browsed and
 * crawled statuses merged by URL), and lib/verdict/index.ts folds the reasons into the verdict.
 */
import type { ColumnStatus } from '../types';
import limits from '../data/freshness-thresholds.json';

export interface ColumnCounts {
  columns: number;
  /** stale, plus columns whose items show no date at all (an undated item counts as not updated) */
  stale: number;
  /** stale 动态要闻 + 通知公告 + 政策文件 columns */
  keyStale: number;
  blank: number;
}

export interface ColumnVerdict {
  counts: ColumnCounts;
  /** 栏目不更新 (veto) */
  columnsStale: boolean;
  /** 首页不更新 (veto) */
  homeStale: boolean;
  /** Chinese reasons, one per veto, for VerdictOptions.vetoReasons */
  reasons: string[];
}

const KEY_TYPES = new Set(['动态要闻', '通知公告', '政策文件']);
const V = limits.verdict;

const isStale = (c: ColumnStatus) => c.status === 'stale' || (c.status === 'no-date' && c.itemCount > 0);

export function columnVerdict(columns: ColumnStatus[], home?: ColumnStatus): ColumnVerdict {
  const stale = columns.filter(isStale);
  const counts: ColumnCounts = {
    columns: columns.length,
    stale: stale.length,
    keyStale: stale.filter((c) => KEY_TYPES.has(c.columnType)).length,
    blank: columns.filter((c) => c.status === 'blank').length,
  };
  const why: string[] = [];
  if (counts.keyStale >= V.keyStale) why.push(`${counts.keyStale} 个动态要闻、通知公告、政策文件类栏目未及时更新`);
  if (counts.stale >= V.anyStale) why.push(`${counts.stale} 个栏目未及时更新`);
  if (counts.blank >= V.blank) why.push(`${counts.blank} 个栏目为空白栏目`);
  const columnsStale = why.length > 0;
  const homeStale = !!home && home.status === 'stale';
  const reasons: string[] = [];
  if (columnsStale) reasons.push(`栏目不更新：${why.join('；')}`);
  if (homeStale) reasons.push(`首页不更新：首页最新信息发布于 ${home!.newestDate}，已 ${home!.ageDays} 天未更新`);
  return { counts, columnsStale, homeStale, reasons };
}
