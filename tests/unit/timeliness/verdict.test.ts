import { describe, expect, it } from 'vitest';
import { columnVerdict } from '../../../lib/verdict/columns';
import type { ColumnStatus } from '../../../lib/types';

function col(columnType: string, status: ColumnStatus['status'], itemCount = 5): ColumnStatus {
  const cls = columnType === '动态要闻' ? 'news' : columnType === '通知公告' || columnType === '政策文件' ? 'notice' : 'other';
  return {
    columnType,
    columnClass: cls,
    columnName: columnType,
    newestDate: status === 'blank' ? null : '2025-01-01',
    ageDays: status === 'blank' ? null : 300,
    itemCount: status === 'blank' ? 0 : itemCount,
    undatedCount: 0,
    status,
    thresholdDays: 14,
  };
}
const many = (n: number, type: string, status: ColumnStatus['status']) => Array.from({ length: n }, () => col(type, status));

describe('columnVerdict', () => {
  it('passes a site with few stale columns', () => {
    const v = columnVerdict([...many(4, '动态要闻', 'stale'), ...many(5, '其他', 'stale'), ...many(4, '通知公告', 'blank'), ...many(20, '动态要闻', 'fresh')]);
    expect(v).toMatchObject({ columnsStale: false, homeStale: false, reasons: [] });
    expect(v.counts).toEqual({ columns: 33, stale: 9, keyStale: 4, blank: 4 });
  });

  it('≥ 5 stale 动态要闻 + 通知公告/政策文件 columns', () => {
    const v = columnVerdict([...many(2, '动态要闻', 'stale'), ...many(2, '通知公告', 'stale'), col('政策文件', 'stale')]);
    expect(v.columnsStale).toBe(true);
    expect(v.reasons).toEqual(['栏目不更新：5 个动态要闻、通知公告、政策文件类栏目未及时更新']);
  });

  it('≥ 10 stale columns of any type', () => {
    expect(columnVerdict(many(9, '人事', 'stale')).columnsStale).toBe(false);
    const v = columnVerdict(many(10, '人事', 'stale'));
    expect(v.reasons).toEqual(['栏目不更新：10 个栏目未及时更新']);
  });

  it('≥ 5 blank columns', () => {
    expect(columnVerdict(many(5, '其他', 'blank')).reasons).toEqual(['栏目不更新：5 个栏目为空白栏目']);
  });

  it('undated items count as not updated; an empty no-date column does not', () => {
    expect(columnVerdict(many(5, '动态要闻', 'no-date')).counts.keyStale).toBe(5);
    expect(columnVerdict([{ ...col('动态要闻', 'no-date'), itemCount: 0 }]).counts.stale).toBe(0);
  });

  it('首页不更新 from the home status', () => {
    const home = { ...col('首页', 'stale'), ageDays: 20, newestDate: '2026-11-03' };
    const v = columnVerdict([], home);
    expect(v).toMatchObject({ homeStale: true, columnsStale: false });
    expect(v.reasons).toEqual(['首页不更新：首页最新信息发布于 2026-11-03，已 20 天未更新']);
    expect(columnVerdict([], col('首页', 'fresh')).homeStale).toBe(false);
  });
});
