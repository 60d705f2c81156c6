import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { isWorkday, workdaysBetween } from '../../../lib/timeliness/workdays';

describe('isWorkday (chinese-days tables, read without its module)', () => {
  it('agrees with chinese-days itself on every day of the years its tables cover', () => {
    const disagree: string[] = [];
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (isWorkday(iso) !== chineseDays.isWorkday(iso)) disagree.push(iso);
    }
    expect(disagree).toEqual([]);
  });

  it('counts a 调休 Sunday as a working day and a 国庆 weekday as none', () => {
    expect(isWorkday('2024-09-29')).toBe(true); // Sunday, worked for 国庆
    expect(isWorkday('2024-10-01')).toBe(false); // Tuesday, 国庆节
    expect(isWorkday('2024-10-12')).toBe(true); // Saturday, worked for 国庆
    // 2024-09-30 (Mon) → 2024-10-12 (Sat): 9-30, 10-8, 10-9, 10-10, 10-11, 10-12
    expect(workdaysBetween('2024-09-29', '2024-10-12')).toBe(6);
  });
});
