/** The one list of date labels (lib/data/date-labels.json) as the date readers see it. */
import { describe, expect, it } from 'vitest';
import { FOUND_LABELS, labelRole, labelsOf, pubDateRank } from '../../../lib/text/date-labels';
import { findDates } from '../../../lib/text/dates';

describe('date labels by role', () => {
  it('gives each label its role and publish-date rank', () => {
    expect(labelRole('发布时间')).toBe('publish');
    expect(labelRole('发文日期')).toBe('written');
    expect(labelRole('更新时间')).toBe('update');
    expect(labelRole('留言时间')).toBe('question');
    expect(labelRole('截止日期')).toBeUndefined();
    expect([pubDateRank('发布日期'), pubDateRank('日期'), pubDateRank('成文日期'), pubDateRank('生成日期')]).toEqual([0, 1, 2, 2]);
    expect(pubDateRank('更新时间')).toBeUndefined();
    expect(pubDateRank('时间')).toBeUndefined();
  });

  it('findDates reads every found label, the longest first, and no 留言 label', () => {
    expect(FOUND_LABELS[FOUND_LABELS.length - 1]!.length).toBe(2);
    for (const label of FOUND_LABELS) {
      const [d] = findDates(`${label}：2026-11-02`, { today: '2026-11-23' });
      expect([label, d?.label]).toEqual([label, label]);
    }
    for (const label of labelsOf('question', 'reply')) expect(FOUND_LABELS).not.toContain(label);
    // a generic label at the tail of a longer word is no label: 截止日期 is not 日期
    expect(findDates('截止日期：2026-11-02', { today: '2026-11-23' })[0]?.label).toBeUndefined();
  });
});
