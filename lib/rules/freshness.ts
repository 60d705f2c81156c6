/**
 * freshness.* — timeliness of home and column pages, missing and impossible publish dates
 * (docs/RULES.md). Page type and list items come from lib/timeliness, whose column page must really
 * be a list: an article with a related-news list is never judged as a column.
 */
import type { PageModel, Settings } from '../types';
import { defineRule, type DefinedRule, type Detection, type RuleDefinition } from './define';
import { todayIso } from '../settings';
import { labelRole, labelSet } from '../text/date-labels';
import { analyse } from '../timeliness/analyse';
import { contentDates } from '../timeliness/list-items';
import { ownDocNumber, signedYears } from '../text/doc-number';
import { hasNonSpace } from '../text/space';

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

const freshnessRule = (def: Omit<RuleDefinition, 'family' | 'category'>) => defineRule({ ...def, family: 'freshness', category: 'freshness' });

/** A column (list) page of the examples: a 通知公告 list with the given item dates. */
const listPage = (column: string, items: string) => ({
  url: 'https://www.example.gov.cn/tzgg/index.html',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${column}_示例市人民政府</title><meta name="ColumnName" content="${column}"></head><body>
<div class="crumb">当前位置：首页 &gt; ${column}</div><h1>${column}</h1>${items}
<div class="footer"><p>主办单位：示例市人民政府办公室 网站标识码：3609990002</p></div></body></html>`,
});
const items = (...dates: string[]) =>
  `<ul class="list">${dates.map((d, i) => `<li><a href="/tzgg/${i}.html">关于做好第${i + 1}批重点项目申报工作的通知</a><span>${d}</span></li>`).join('')}</ul>`;

/** An article page of the examples: title, optional date line and 发文字号 table, body. */
const article = (head: string, body = '<p>近日，市政府召开冬季安全生产工作部署会，要求各地各部门压实责任，全面排查隐患，确保人民群众生命财产安全。</p>', meta = '') => ({
  url: 'https://www.example.gov.cn/xwdt/2026/art_1.html',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例市召开冬季安全生产工作部署会_示例市人民政府</title><meta name="ArticleTitle" content="示例市召开冬季安全生产工作部署会"><meta name="ColumnName" content="工作动态">${meta}</head><body>
<div class="crumb">当前位置：首页 &gt; 工作动态</div><h1>示例市召开冬季安全生产工作部署会</h1>${head}${body}
<div class="footer"><p>版权所有 © 2026 示例市人民政府</p></div></body></html>`,
});

/** A home page of the examples: a news box and a notice box with the given dates. */
const homePage = (news: string, notice: string) => ({
  url: 'https://www.example.gov.cn/',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例市人民政府</title></head><body>
<nav><a href="/">首页</a> <a href="/xwdt/">新闻动态</a> <a href="/tzgg/">通知公告</a></nav>
<section><h2>要闻动态 <a href="/xwdt/">更多</a></h2><ul class="list">
<li><a href="/xwdt/1.html">示例市晚稻收割基本完成 秸秆综合利用同步推进</a><span>${news}</span></li>
<li><a href="/xwdt/2.html">市人大常委会召开第二十三次会议</a><span>${news}</span></li></ul></section>
<section><h2>通知公告 <a href="/tzgg/">更多</a></h2><ul class="list">
<li><a href="/tzgg/1.html">关于做好秋冬季森林防火工作的通告</a><span>${notice}</span></li></ul></section>
<div class="footer"><p>主办单位：示例市人民政府办公室 网站标识码：3609990002</p></div></body></html>`,
});

function newestMention(page: PageModel, settings: Settings) {
  const { scan, status } = analyse(page, settings);
  return scan.items.find((i) => i.date === status.newestDate)?.mention;
}

const homeStale = freshnessRule({
  id: 'freshness.home-stale',
  title: '首页长期未更新',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '首页不更新', point: '监测 2 周，首页无信息更新' },
  vetoPhrase: '首页长期未更新',
  columnRule: true,
  examples: { fires: [homePage('2026-10-20', '2026-10-15')], silent: [homePage('2026-11-20', '2026-11-18')] },
  check(page, settings) {
    const { pageType, status } = analyse(page, settings);
    if (pageType !== 'home' || status.status !== 'stale') return [];
    const m = newestMention(page, settings);
    return [
      {
        message: `首页最新信息发布于 ${status.newestDate}，已 ${status.ageDays} 天未更新（超过 ${status.thresholdDays} 天）`,
        evidence: m?.raw ?? status.newestDate ?? '',
        suggestion: '首页栏目信息应及时更新（超过 2 周未更新属单项否决）',
        ...(m ? { start: m.start, end: m.end } : {}),
      },
    ];
  },
});

const columnStale = freshnessRule({
  id: 'freshness.column-stale',
  title: '栏目更新不及时',
  // a column of no known type has no fixed duty to update: hint
  severities: ['deduct', 'hint'],
  indicator: { kind: 'deduct', item: '信息更新情况', point: '栏目更新（累计超过 5 个重点栏目或 10 个栏目未更新属单项否决“栏目不更新”）' },
  weight: { points: 2, cap: 12 },
  columnRule: true,
  examples: {
    fires: [listPage('通知公告', items('2025-01-08', '2024-12-20', '2024-11-02')), listPage('领导之窗', items('2025-11-01', '2020-01-01', '2019-01-01'))],
    silent: [listPage('通知公告', items('2026-11-10', '2026-10-08', '2026-09-02'))],
  },
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
          severity,
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
          severity,
          message: `${label}的 ${status.undatedCount} 条信息均未标注日期，无法判断更新情况，视为未更新`,
          evidence: `${status.undatedCount} 条无日期信息`,
          suggestion: '栏目列表中的每条信息应标注发布日期',
        },
      ];
    }
    return [];
  },
});

const blankColumn = freshnessRule({
  id: 'freshness.blank-column',
  title: '空白栏目',
  severities: ['deduct'],
  indicator: { kind: 'deduct', item: '信息更新情况', point: '空白栏目（超过 5 个属单项否决“栏目不更新”）' },
  weight: { points: 2, cap: 10 },
  columnRule: true,
  examples: {
    fires: [listPage('政策文件', '<div class="empty">暂无信息</div>')],
    silent: [listPage('政策文件', items('2026-11-10', '2026-10-08'))],
  },
  check(page, settings) {
    const { pageType, status, scan } = analyse(page, settings);
    if (pageType !== 'column' || status.status !== 'blank') return [];
    const m = scan.blankMarker;
    return [
      {
        message: `「${status.columnName || status.columnType}」栏目没有任何信息${m ? `（显示“${m.raw}”）` : ''}`,
        evidence: m?.raw ?? '栏目无信息',
        suggestion: '补充栏目内容，或将空白栏目归并、关闭',
        ...(m ? { start: m.start, end: m.end } : {}),
      },
    ];
  },
});

const noDate = freshnessRule({
  id: 'freshness.no-date',
  title: '文章未标注发布日期',
  severities: ['deduct'],
  indicator: { kind: 'deduct', item: '信息更新情况', point: '未注明发布时间的信息视为未更新' },
  weight: { points: 0.5, cap: 3 },
  examples: {
    fires: [article('<p>来源：市应急管理局　浏览次数：128</p>')],
    silent: [article('<p>发布时间：2026-11-20　来源：市应急管理局</p>')],
  },
  check(page, settings) {
    const { pageType } = analyse(page, settings);
    if (pageType !== 'article') return [];
    // what the reader sees counts: a labelled publish date anywhere in the main text, or any
    // content date in its first half (navigation can push the title far down a short page)
    const mainEnd = page.footer?.start ?? page.text.length;
    if (!hasNonSpace(page.text, 0, mainEnd, MIN_ARTICLE_CHARS)) return [];
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
        message: '文章页面未显示发布日期',
        evidence: page.title || page.url,
        suggestion: '在文章标题下方标注发布时间（发布时间：YYYY-MM-DD）',
      },
    ];
  },
});

const futureDate = freshnessRule({
  id: 'freshness.future-date',
  title: '发布日期晚于今天',
  severities: ['hint'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '存在弄虚作假行为（如伪造发稿日期等）；待核实' },
  examples: {
    fires: [article('<p>发布时间：2026-12-05 10:00</p>', undefined, '<meta name="PubDate" content="2026-12-05 10:00">')],
    silent: [article('<p>发布时间：2026-11-20 10:00</p>', '<p>会议要求，自2027年1月1日起实行安全生产月报制度。</p>', '<meta name="PubDate" content="2026-11-20 10:00">')],
  },
  check(page, settings) {
    const today = todayIso(settings);
    const { pageType, scan } = analyse(page, settings);
    const out: Detection[] = [];
    const hit = (date: string, raw: string, start?: number, end?: number): Detection => ({
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
});

/** More than this many years between a 文号's year and the publish date means re-dated. */
const REDATED_YEARS = 1;

const redated = freshnessRule({
  id: 'freshness.redated',
  title: '旧文件重新标注日期',
  severities: ['hint'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '存在弄虚作假行为（如伪造发稿日期等）；待核实' },
  examples: {
    fires: [article('<table><tr><td>发文字号：</td><td>示府发〔2019〕12号</td></tr><tr><td>成文日期：</td><td>2026-10-10</td></tr><tr><td>发布日期：</td><td>2026-10-12</td></tr></table>', undefined, '<meta name="PubDate" content="2026-10-12 09:00">')],
    silent: [article('<table><tr><td>发文字号：</td><td>示府发〔2026〕12号</td></tr><tr><td>成文日期：</td><td>2026-10-10</td></tr><tr><td>发布日期：</td><td>2026-10-12</td></tr></table>', undefined, '<meta name="PubDate" content="2026-10-12 09:00">')],
  },
  check(page, settings) {
    const { pageType } = analyse(page, settings);
    if (pageType !== 'article' || !page.pubDate) return [];
    const main = page.text.slice(0, page.footer?.start ?? page.text.length);
    const doc = ownDocNumber(main);
    if (!doc) return [];
    const pubYear = Number(page.pubDate.slice(0, 4));
    if (pubYear - doc.year <= REDATED_YEARS) return [];
    // an old file posted late with its true 成文日期 shown (policy libraries) is honest: only a
    // page whose written date is as new as its publish date looks re-dated
    const written = contentDates(page).filter((d) => labelRole(d.label) === 'written');
    if (written.some((d) => Number(d.date.slice(0, 4)) - doc.year <= REDATED_YEARS)) return [];
    // so does the signing date alone on its line under the signature (2015年3月4日)
    if (signedYears(main, doc.end).some((y) => y - doc.year <= REDATED_YEARS)) return [];
    return [
      {
        message: `文号 ${doc.raw} 为 ${doc.year} 年，发布日期却是 ${page.pubDate}，疑为旧文件重新标注日期发布`,
        evidence: doc.raw,
        suggestion: '核实文件的实际发布日期；旧文件应保留原发布日期',
        start: doc.start,
        end: doc.end,
      },
    ];
  },
});

export const freshnessRules: DefinedRule[] = [homeStale, columnStale, blankColumn, noDate, futureDate, redated];
