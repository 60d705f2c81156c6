/**
 * freshness.* — timeliness of home and column pages, missing and impossible publish dates
 * (RULES.md §3). Page type and list items come from lib/timeliness, whose column page must really
 * be a list: an article with a related-news list is never judged as a column.
 */
import type { PageModel, Rule, RuleFinding, Settings } from '../types';
import { todayIso } from '../settings';
import { labelRole, labelSet } from '../text/date-labels';
import { analyse } from '../timeliness/analyse';
import { contentDates } from '../timeliness/list-items';
import { ownDocNumber } from '../text/doc-number';

/** An article shows its date near the top: within this share of the main text (or the first chars). */
const HEAD_SHARE = 0.5;
const HEAD_MIN = 1000;
/** Labels that show a page's date wherever they sit. */
const PUBLISH_LABELS = labelSet('shownDate');
/** Less main text than this is no article to judge (not rendered, or a frame shell). */
const MIN_ARTICLE_CHARS = 40;
/** A declared column with this many undated title links and no date is treated as stale. */
const MIN_UNDATED_ITEMS = 3;

/** 183 → 6 个月, 365 → 12 个月, 14 → 14 天. */
function months(days: number): string {
  const m = Math.round(days / 30.4);
  return days >= 28 && Math.abs(m * 30.4 - days) <= 3 ? `${m} 个月` : `${days} 天`;
}

function newestMention(page: PageModel, settings: Settings) {
  const { scan, status } = analyse(page, settings);
  return scan.items.find((i) => i.date === status.newestDate)?.mention;
}

const homeStale: Rule = {
  id: 'freshness.home-stale',
  title: '首页长期未更新',
  category: 'freshness',
  severity: 'veto',
  check(page, settings) {
    const { pageType, status } = analyse(page, settings);
    if (pageType !== 'home' || status.status !== 'stale') return [];
    const m = newestMention(page, settings);
    return [
      {
        ruleId: this.id,
        severity: 'veto',
        category: 'freshness',
        message: `首页最新信息发布于 ${status.newestDate}，已 ${status.ageDays} 天未更新（超过 ${status.thresholdDays} 天）`,
        evidence: m?.raw ?? status.newestDate ?? '',
        suggestion: '首页栏目信息应及时更新（超过 2 周未更新属单项否决）',
        ...(m ? { start: m.start, end: m.end } : {}),
      },
    ];
  },
};

const columnStale: Rule = {
  id: 'freshness.column-stale',
  title: '栏目更新不及时',
  category: 'freshness',
  severity: 'deduct',
  check(page, settings) {
    const { pageType, status, scan } = analyse(page, settings);
    if (pageType !== 'column') return [];
    // other column types have no fixed duty to update: a hint only
    const severity = status.columnClass === 'other' ? 'hint' : 'deduct';
    const label = `「${status.columnName || status.columnType}」栏目（${status.columnType}）`;
    if (status.status === 'stale') {
      const m = newestMention(page, settings);
      return [
        {
          ruleId: this.id,
          severity,
          category: 'freshness',
          message: `${label}最新信息发布于 ${status.newestDate}，已 ${status.ageDays} 天未更新（该类栏目应在 ${months(status.thresholdDays)}内更新）`,
          evidence: m?.raw ?? status.newestDate ?? '',
          suggestion: '及时更新栏目内容，或将长期不更新的栏目归并、关闭',
          ...(m ? { start: m.start, end: m.end } : {}),
        },
      ];
    }
    if (status.status === 'no-date' && scan.items.length === 0 && status.undatedCount >= MIN_UNDATED_ITEMS) {
      return [
        {
          ruleId: this.id,
          severity,
          category: 'freshness',
          message: `${label}的 ${status.undatedCount} 条信息均未标注日期，无法判断更新情况，视为未更新`,
          evidence: `${status.undatedCount} 条无日期信息`,
          suggestion: '栏目列表中的每条信息应标注发布日期',
        },
      ];
    }
    return [];
  },
};

const blankColumn: Rule = {
  id: 'freshness.blank-column',
  title: '空白栏目',
  category: 'freshness',
  severity: 'deduct',
  check(page, settings) {
    const { pageType, status, scan } = analyse(page, settings);
    if (pageType !== 'column' || status.status !== 'blank') return [];
    const m = scan.blankMarker;
    return [
      {
        ruleId: this.id,
        severity: 'deduct',
        category: 'freshness',
        message: `「${status.columnName || status.columnType}」栏目没有任何信息${m ? `（显示“${m.raw}”）` : ''}`,
        evidence: m?.raw ?? '栏目无信息',
        suggestion: '补充栏目内容，或将空白栏目归并、关闭',
        ...(m ? { start: m.start, end: m.end } : {}),
      },
    ];
  },
};

const noDate: Rule = {
  id: 'freshness.no-date',
  title: '文章未标注发布日期',
  category: 'freshness',
  severity: 'deduct',
  check(page, settings) {
    const { pageType } = analyse(page, settings);
    if (pageType !== 'article') return [];
    // what the reader sees counts: a labelled publish date anywhere in the main text, or any
    // content date in its first half (navigation can push the title far down a short page)
    const mainEnd = page.footer?.start ?? page.text.length;
    if (page.text.slice(0, mainEnd).replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) return [];
    const head = Math.max(mainEnd * HEAD_SHARE, HEAD_MIN);
    // the article region (page context) counts too: a long navigation can push its date line past `head`
    const main = page.main;
    const inArticleHead = (pos: number) => !!main && pos >= main.start && pos < Math.min(main.end, main.start + HEAD_MIN);
    const shown = contentDates(page).some(
      (d) => (d.label !== undefined && PUBLISH_LABELS.has(d.label)) || d.start < head || inArticleHead(d.start),
    );
    if (shown) return [];
    return [
      {
        ruleId: this.id,
        severity: 'deduct',
        category: 'freshness',
        message: '文章页面未显示发布日期',
        evidence: page.title || page.url,
        suggestion: '在文章标题下方标注发布时间（发布时间：YYYY-MM-DD）',
      },
    ];
  },
};

const futureDate: Rule = {
  id: 'freshness.future-date',
  title: '发布日期晚于今天',
  category: 'freshness',
  severity: 'hint',
  check(page, settings) {
    const today = todayIso(settings);
    const { pageType, scan } = analyse(page, settings);
    const out: RuleFinding[] = [];
    const hit = (date: string, raw: string, start?: number, end?: number): RuleFinding => ({
      ruleId: this.id,
      severity: 'hint',
      category: 'freshness',
      message: `发布日期 ${date} 晚于今天（${today}），请核实是否伪造发稿日期`,
      evidence: raw,
      suggestion: '按信息的实际发布日期标注',
      ...(start !== undefined ? { start, end } : {}),
    });
    if (pageType === 'column' || pageType === 'home') {
      // list items only: body text may name a future date for good reason (自2027年1月1日起施行)
      for (const i of scan.items) if (i.date > today) out.push(hit(i.date, i.mention.raw, i.mention.start, i.mention.end));
      return out;
    }
    if (pageType !== 'article' || !page.pubDate || page.pubDate <= today) return [];
    const m = contentDates(page).find((d) => d.date === page.pubDate);
    return [hit(page.pubDate, m?.raw ?? page.pubDate, m?.start, m?.end)];
  },
};

/** More than this many years between a 文号's year and the publish date means re-dated. */
const REDATED_YEARS = 1;

const redated: Rule = {
  id: 'freshness.redated',
  title: '旧文件重新标注日期',
  category: 'freshness',
  severity: 'hint',
  check(page, settings) {
    const { pageType } = analyse(page, settings);
    if (pageType !== 'article' || !page.pubDate) return [];
    const doc = ownDocNumber(page.text.slice(0, page.footer?.start ?? page.text.length));
    if (!doc) return [];
    const pubYear = Number(page.pubDate.slice(0, 4));
    if (pubYear - doc.year <= REDATED_YEARS) return [];
    // an old file posted late with its true 成文日期 shown (policy libraries) is honest: only a
    // page whose written date is as new as its publish date looks re-dated
    const written = contentDates(page).filter((d) => labelRole(d.label) === 'written');
    if (written.some((d) => Number(d.date.slice(0, 4)) - doc.year <= REDATED_YEARS)) return [];
    return [
      {
        ruleId: this.id,
        severity: 'hint',
        category: 'freshness',
        message: `文号 ${doc.raw} 为 ${doc.year} 年，发布日期却是 ${page.pubDate}，疑为旧文件重新标注日期发布`,
        evidence: doc.raw,
        suggestion: '核实文件的实际发布日期；旧文件应保留原发布日期',
        start: doc.start,
        end: doc.end,
      },
    ];
  },
};

export const freshnessRules: Rule[] = [homeStale, columnStale, blankColumn, noDate, futureDate, redated];
