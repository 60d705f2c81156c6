/**
 * Paint-only date hints: every content date on the page, classed by age (fresh / ageing / stale)
 * against the threshold of the page's column type (14 days for 动态要闻 and the home page, 6 months
 * for 通知公告/政策文件, 12 months for 人事/规划): stale beyond it, ageing in its second half. Pages of
 * no known type use the settings' freshDays/staleDays.
 * These findings are never stored (the scanner skips ruleId `date.age`); they only colour dates.
 */
import type { Rule, RuleFinding } from '../types';
import { daysBetween, todayIso } from '../settings';
import { isClockDate } from '../text/dates';
import { labelRole } from '../text/date-labels';
import { analyse } from '../timeliness/analyse';

const RULE_ID = 'date.age';

function lead(label: string | undefined): string {
  const role = labelRole(label);
  if (role === 'publish') return '发布于';
  if (role === 'update') return '更新于';
  if (role === 'written') return '成文于';
  return '日期';
}

export const dateAgeRule: Rule = {
  id: RULE_ID,
  title: '日期时效',
  category: 'freshness',
  severity: 'hint',
  check(page, settings): RuleFinding[] {
    if (!settings.paintDates) return [];
    const today = todayIso(settings);
    const out: RuleFinding[] = [];
    // a page of a known column type (or the home page) is painted against that type's limit;
    // other pages keep the general fresh/stale days of the settings
    const { status } = analyse(page, settings);
    const limit = status.columnClass === 'other' ? 0 : status.thresholdDays;
    for (const d of page.dates) {
      // footer/copyright dates and header clocks are not content dates
      if (d.inFooter || isClockDate(page.text, d)) continue;
      const age = daysBetween(d.date, today);
      const paint = limit
        ? age > limit ? 'stale' : age > limit / 2 ? 'ageing' : 'fresh'
        : age < settings.freshDays ? 'fresh' : age > settings.staleDays ? 'stale' : 'ageing';
      const when = age < 0 ? `晚于今天 ${-age} 天` : age === 0 ? '即今天' : `距今 ${age} 天`;
      const inferred = d.inferredYear ? '（年份按当前日期推定）' : '';
      out.push({
        ruleId: RULE_ID,
        severity: 'hint',
        category: 'freshness',
        message: `${lead(d.label)} ${d.date}${inferred}，${when}`,
        evidence: d.raw,
        start: d.start,
        end: d.end,
        paint,
      });
    }
    return out;
  },
};

export const dateRules: Rule[] = [dateAgeRule];
