import { describe, expect, it } from 'vitest';
import { dateRules } from '../../../lib/rules/dates';
import { findDates } from '../../../lib/text/dates';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel, Settings } from '../../../lib/types';
import { fakePage as basePage } from '../../helpers/fake-page';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2024-01-31', freshDays: 14, staleDays: 183 };

function fakePage(text: string, footerStart?: number): PageModel {
  return basePage(text, { url: 'https://www.example.gov.cn/list.html', pageType: 'column', dates: findDates(text, { today: settings.today!, footerStart }) }, footerStart);
}

const rule = dateRules[0]!;

describe('date.age', () => {
  it('is a paint-only hint rule', () => {
    expect(dateRules.map((r) => [r.id, r.category, r.severity, r.title])).toEqual([
      ['date.age', 'freshness', 'hint', '日期时效'],
    ]);
  });

  it('paints each content date by age, with the thresholds as limits', () => {
    const text = '发布时间：2024-01-30\n通知A 2024-01-18\n通知B 2024-01-17\n通知C 2023-08-01\n通知D 2023-07-31';
    const fs = rule.check(fakePage(text), settings);
    expect(fs.map((f) => [f.evidence, f.paint])).toEqual([
      ['2024-01-30', 'fresh'], // 1 day
      ['2024-01-18', 'fresh'], // 13 days < 14
      ['2024-01-17', 'ageing'], // 14 days
      ['2023-08-01', 'ageing'], // 183 days
      ['2023-07-31', 'stale'], // 184 days > 183
    ]);
    for (const f of fs) {
      expect(f).toMatchObject({ ruleId: 'date.age', severity: 'hint', category: 'freshness' });
      expect(text.slice(f.start, f.end)).toBe(f.evidence);
    }
    expect(fs[0]!.message).toBe('发布于 2024-01-30，距今 1 天');
    expect(fs[2]!.message).toBe('日期 2024-01-17，距今 14 天');
  });

  it('skips footer, copyright and header-clock dates', () => {
    const text = '2024年1月31日 星期三\n通知A [01-20]\n版权所有 2024-01-01\n主办单位 2023-01-01';
    const fs = rule.check(fakePage(text, text.indexOf('主办')), settings);
    expect(fs.map((f) => [f.evidence, f.paint, f.message])).toEqual([
      ['01-20', 'fresh', '日期 2024-01-20（年份按当前日期推定），距今 11 天'],
    ]);
  });

  it('words a repeated date by each mention: its own label and inferred year', () => {
    const text = '发布时间：2024-01-20\n通知A 2024-01-20\n通知B [01-20]\n更新时间：2024-01-20\n通知C 2024-01-20';
    expect(rule.check(fakePage(text), settings).map((f) => f.message)).toEqual([
      '发布于 2024-01-20，距今 11 天',
      '日期 2024-01-20，距今 11 天',
      '日期 2024-01-20（年份按当前日期推定），距今 11 天',
      '更新于 2024-01-20，距今 11 天',
      '日期 2024-01-20，距今 11 天',
    ]);
  });

  it('says so when a date is later than today', () => {
    const [f] = rule.check(fakePage('发布日期：2024-02-10'), settings);
    expect(f).toMatchObject({ paint: 'fresh', message: '发布于 2024-02-10，晚于今天 10 天' });
  });

  it('paints by the threshold of the column type: 动态要闻 14 days, 通知公告 6 months', () => {
    const text = '当前位置：首页 > 工作动态\n动态A 2024-01-30\n动态B 2024-01-20\n动态C 2024-01-10';
    expect(rule.check(fakePage(text), settings).map((f) => [f.evidence, f.paint])).toEqual([
      ['2024-01-30', 'fresh'], // 1 day
      ['2024-01-20', 'ageing'], // 11 days: second half of 14
      ['2024-01-10', 'stale'], // 21 days > 14
    ]);
    const notice = '当前位置：首页 > 通知公告\n通知A 2024-01-10\n通知B 2023-10-01\n通知C 2023-07-01';
    expect(rule.check(fakePage(notice), settings).map((f) => [f.evidence, f.paint])).toEqual([
      ['2024-01-10', 'fresh'], // 21 days
      ['2023-10-01', 'ageing'], // 122 days > 91.5
      ['2023-07-01', 'stale'], // 214 days > 183
    ]);
  });

  it('paints nothing when painting is off', () => {
    expect(rule.check(fakePage('通知A 2024-01-20'), { ...settings, paintDates: false })).toEqual([]);
  });
});
