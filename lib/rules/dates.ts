/**
 * Paint-only date hints: every content date on the page, classed by age (fresh / ageing / stale)
 * against the threshold of the page's column type (14 days for 动态要闻 and the home page, 6 months
 * for 通知公告/政策文件, 12 months for 人事/规划): stale beyond it, ageing in its second half. Pages of
 * no known type use the settings' freshDays/staleDays.
 * These findings are never stored (the scanner skips ruleId `date.age`); they only colour dates.
 */
import type { Detection, DefinedRule } from './define';
import { defineRule } from './define';
import { todayIso } from '../settings';
import { isoDayNumber } from '../text/dates';
import { contentDates } from '../timeliness/list-items';
import { labelRole } from '../text/date-labels';
import { analyse } from '../timeliness/analyse';

function lead(label: string | undefined): string {
  const role = labelRole(label);
  if (role === 'publish') return '发布于';
  if (role === 'update') return '更新于';
  if (role === 'written') return '成文于';
  return '日期';
}

export const dateAgeRule: DefinedRule = defineRule({
  id: 'date.age',
  family: 'dates',
  title: '日期时效',
  category: 'freshness',
  severities: ['hint'],
  indicator: { kind: 'outside', note: '巡检提示：按栏目类型给页面上的日期着色，不计入报告' },
  paintOnly: true,
  examples: {
    fires: ['<p>发布时间：2026-11-18</p><p>正文内容。</p>'],
    silent: ['<p>正文内容，没有任何日期。</p>'],
  },
  check(page, settings): Detection[] {
    if (!settings.paintDates) return [];
    const today = todayIso(settings);
    const out: Detection[] = [];
    // a page of a known column type (or the home page) is painted against that type's limit;
    // other pages keep the general fresh/stale days of the settings
    const { status } = analyse(page, settings);
    const limit = status.columnClass === 'other' ? 0 : status.thresholdDays;
    const todayDay = isoDayNumber(today);
    // footer/copyright dates and header clocks are not content dates
    for (const d of contentDates(page)) {
      const age = Math.round(todayDay - isoDayNumber(d.date));
      const paint = limit
        ? age > limit ? 'stale' : age > limit / 2 ? 'ageing' : 'fresh'
        : age < settings.freshDays ? 'fresh' : age > settings.staleDays ? 'stale' : 'ageing';
      const when = age < 0 ? `晚于今天 ${-age} 天` : age === 0 ? '即今天' : `距今 ${age} 天`;
      const inferred = d.inferredYear ? '（年份按当前日期推定）' : '';
      out.push({
        message: `${lead(d.label)} ${d.date}${inferred}，${when}`,
        evidence: d.raw,
        start: d.start,
        end: d.end,
        paint,
      });
    }
    return out;
  },
});

export const dateRules: DefinedRule[] = [dateAgeRule];
