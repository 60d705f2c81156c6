import { describe, expect, it } from 'vitest';
import { freshnessRules } from '../../../lib/rules/freshness';
import { RULES } from '../../../lib/rules';
import { runRules } from '../../../lib/rules/run';
import { findDates } from '../../../lib/text/dates';
import { realPage } from '../../helpers/load-page';
import { foldText } from '../../../lib/text/normalise';
import type { PageModel, RuleFinding, Settings } from '../../../lib/types';
import { DEMO_PAGES, REAL_PAGES, SETTINGS, TODAY, demo, own } from '../timeliness/fixtures';

const run = (page: PageModel, settings: Settings = SETTINGS): RuleFinding[] => {
  const r = runRules(page, settings, freshnessRules);
  expect(r.errors).toEqual([]);
  return r.findings;
};
const ids = (fs: RuleFinding[]) => fs.map((f) => f.ruleId);

/** A page model straight from text, for cases a fixture file would only obscure. */
function textPage(text: string, over: Partial<PageModel> = {}, today = TODAY): PageModel {
  const footerStart = text.indexOf('版权所有');
  const dates = findDates(text, { today, footerStart: footerStart >= 0 ? footerStart : undefined });
  return {
    url: 'https://www.example.gov.cn/list/index.html',
    host: 'www.example.gov.cn',
    title: '',
    text,
    footer: footerStart >= 0 ? { start: footerStart, end: text.length, text: text.slice(footerStart) } : null,
    footerHtml: '',
    meta: {},
    links: [],
    scripts: [],
    images: [],
    dates,
    pubDate: null,
    pubDateSource: null,
    metaPubDate: null,
    pageType: 'column',
    folded: foldText(text),
    main: null,
    notes: [],
    ...over,
  };
}

describe('freshness rules are registered', () => {
  it('with their ids and severities', () => {
    expect(freshnessRules.map((r) => [r.id, r.severity])).toEqual([
      ['freshness.home-stale', 'veto'],
      ['freshness.column-stale', 'deduct'],
      ['freshness.blank-column', 'deduct'],
      ['freshness.no-date', 'deduct'],
      ['freshness.future-date', 'hint'],
      ['freshness.redated', 'hint'],
    ]);
    for (const r of freshnessRules) expect(RULES).toContain(r);
  });
});

describe('the demo site (today 2026-11-23)', () => {
  it('tzgg/index.html: column-stale at its newest date 2025-01-08', () => {
    const page = demo('tzgg/index.html');
    const fs = run(page);
    expect(ids(fs)).toEqual(['freshness.column-stale']);
    expect(fs[0]).toMatchObject({ severity: 'deduct', evidence: '2025-01-08' });
    expect(page.text.slice(fs[0]!.start, fs[0]!.end)).toBe('2025-01-08');
    expect(fs[0]!.message).toContain('684 天');
  });

  it('zcwj/index.html: blank-column at 暂无信息', () => {
    const page = demo('zcwj/index.html');
    const fs = run(page);
    expect(ids(fs)).toEqual(['freshness.blank-column']);
    expect(fs[0]).toMatchObject({ evidence: '暂无信息' });
    expect(page.text.slice(fs[0]!.start, fs[0]!.end)).toBe('暂无信息');
  });

  it('no freshness finding on any other page', () => {
    const other = DEMO_PAGES.filter((p) => p !== 'tzgg/index.html' && p !== 'zcwj/index.html');
    const found = other.map((p) => [p, ids(run(demo(p)))]);
    expect(found).toEqual(other.map((p) => [p, []]));
  });

  it('the home page turns stale (veto) once its newest item is older than 14 days', () => {
    const fs = run(demo('index.html'), { ...SETTINGS, today: '2026-12-05' });
    expect(ids(fs)).toEqual(['freshness.home-stale']);
    expect(fs[0]).toMatchObject({ severity: 'veto', evidence: '11-20' });
  });

  it('xwdt/index.html turns stale after 14 days, not before', () => {
    expect(ids(run(demo('xwdt/index.html'), { ...SETTINGS, today: '2026-12-04' }))).toEqual([]);
    expect(ids(run(demo('xwdt/index.html'), { ...SETTINGS, today: '2026-12-05' }))).toEqual(['freshness.column-stale']);
  });

  it('a longer notice threshold in the settings clears tzgg', () => {
    expect(ids(run(demo('tzgg/index.html'), { ...SETTINGS, freshness: { noticeDays: 800 } }))).toEqual([]);
  });
});

describe('precision on the 9 real pages (old articles)', () => {
  it.each(REAL_PAGES)('%s: no freshness finding', (file, host) => {
    expect(ids(run(realPage(file, host, TODAY).model))).toEqual([]);
  });
});

describe('column-stale', () => {
  const list = (dates: string[]) => `当前位置：首页 > 工作动态\n${dates.map((d, i) => `第${i + 1}条工作动态的标题 ${d}`).join('\n')}`;

  it('fresh and stale news columns', () => {
    expect(run(textPage(list(['2026-11-20', '2026-11-01', '2026-10-01'])))).toEqual([]);
    const fs = run(textPage(list(['2026-11-01', '2026-10-01', '2026-09-01'])));
    expect(fs.map((f) => [f.ruleId, f.severity, f.evidence])).toEqual([['freshness.column-stale', 'deduct', '2026-11-01']]);
  });

  it('other column types are only a hint, after 12 months', () => {
    const text = (d: string) => `当前位置：首页 > 领导之窗\n领导活动的第一条标题 ${d}\n领导活动的第二条标题 2020-01-01\n领导活动的第三条标题 2019-01-01`;
    expect(run(textPage(text('2026-01-01')))).toEqual([]);
    expect(run(textPage(text('2025-11-01'))).map((f) => [f.ruleId, f.severity])).toEqual([['freshness.column-stale', 'hint']]);
  });

  it('a list of undated items is treated as not updated', () => {
    const fs = run(own('list-undated.html'));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.column-stale', '4 条无日期信息']]);
  });

  it('a page that is not really a list is never a column (a few dates in prose)', () => {
    const text = '当前位置：首页 > 工作动态\n2020年3月5日，市政府召开会议，研究部署春季农业生产工作，要求各地抓好春耕备耕，确保粮食生产稳定。\n会议强调，2020年4月前完成全部准备工作。';
    expect(run(textPage(text, { pageType: 'other' }))).toEqual([]);
  });

  it('the header clock and footer dates never count', () => {
    const text = '今天是：2026年11月23日 星期一\n当前位置：首页 > 工作动态\n工作动态第一条标题 2025-01-02\n工作动态第二条标题 2025-01-01\n工作动态第三条标题 2024-12-31\n版权所有 2026-11-23 更新';
    const fs = run(textPage(text, { meta: { ColumnName: '工作动态' } }));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.column-stale', '2025-01-02']]);
  });
});

describe('blank-column', () => {
  it.each(['暂无信息', '栏目无信息', '没有记录', '暂无数据', '正在建设中'])('a declared column showing only %s', (marker) => {
    const fs = run(textPage(`当前位置：首页 > 通知公告\n通知公告\n${marker}`, { meta: { ColumnName: '通知公告' } }));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.blank-column', marker]]);
  });

  it('a declared column with no items and no dates at all is blank, not an error', () => {
    const fs = run(textPage('当前位置：首页 > 政策文件\n政策文件', { meta: { ColumnName: '政策文件' } }));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.blank-column', '栏目无信息']]);
  });

  it('a column with items is not blank even if 暂无 appears elsewhere', () => {
    const text = '当前位置：首页 > 通知公告\n通知公告第一条标题 2026-11-20\n通知公告第二条标题 2026-11-01\n通知公告第三条标题 2026-10-01\n附件：暂无数据';
    expect(run(textPage(text))).toEqual([]);
  });
});

describe('no-date', () => {
  it('an article that shows no date', () => {
    expect(ids(run(own('article-nodate.html')))).toEqual(['freshness.no-date']);
  });

  it('not when the date shows under a long navigation (cmse-like), nor on list pages', () => {
    const nav = Array.from({ length: 80 }, (_, i) => `导航栏目${i}`).join('\n');
    const page = textPage(`${nav}\n文章标题\n发布日期: 2012-06-24\n正文内容。`, { pageType: 'article' });
    expect(run(page)).toEqual([]);
    expect(ids(run(own('list-brackets.html')))).toEqual([]);
  });

  it('a page with only footer dates, typed as an article, has no date', () => {
    const body = '近日，市政府召开冬季安全生产工作部署会，要求各地各部门压实责任，全面排查整治各类隐患，确保安全。';
    const page = textPage(`文章标题\n${body}\n版权所有 2008-2026 示例市人民政府 2026-01-01`, { pageType: 'article' });
    expect(ids(run(page))).toEqual(['freshness.no-date']);
  });
});

describe('future-date', () => {
  it('an article published after today', () => {
    const fs = run(own('article-future.html'));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.future-date', '2026-12-05 10:00']]);
  });

  it('a list item dated after today, without making the column fresh', () => {
    const fs = run(own('list-future.html'));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.future-date', '2027-01-05']]);
  });

  it('future dates in article prose are not publish dates', () => {
    // article-related.html says 自2023年1月1日起 with today 2022-07-28
    expect(ids(run(own('article-related.html', '2022-07-28'), { ...SETTINGS, today: '2022-07-28' }))).toEqual([]);
  });
});

describe('redated', () => {
  it('an old 文号 published years later', () => {
    const fs = run(own('policy-redated.html'));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['freshness.redated', '示府发〔2019〕12号']]);
  });

  it('not for an old file posted late with its true 成文日期', () => {
    const text = '发文字号：\n国办发〔1996〕25号\n成文日期：\n1996年5月6日\n发布日期：\n2018年12月24日\n正文。';
    const page = textPage(text, { pageType: 'article', pubDate: '2018-12-24' });
    expect(run(page)).toEqual([]);
    // the same page with its written date moved to the publish year looks re-dated
    const redone = textPage(text.replace('1996年5月6日', '2018年12月20日'), { pageType: 'article', pubDate: '2018-12-24' });
    expect(ids(run(redone))).toEqual(['freshness.redated']);
  });

  it('not for a 文号 of the publish year, nor for one cited in the body', () => {
    expect(ids(run(own('notice-with-sections.html')))).toEqual([]);
    const page = textPage('发布日期：2026-10-12\n根据国发〔2015〕5号文件精神，提出如下意见。', { pageType: 'article', pubDate: '2026-10-12' });
    expect(run(page)).toEqual([]);
  });
});

describe('bad input', () => {
  it('an empty page, or one of only white space, gives no finding and no error', () => {
    for (const pageType of ['home', 'column', 'article', 'other'] as const) {
      expect(run(textPage('', { pageType }))).toEqual([]);
      expect(run(textPage('\n\n  \n', { pageType }))).toEqual([]);
    }
  });

  it('a 5,000-item list is judged quickly, by its newest item', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `第${i}条通知公告的标题 ${i === 4321 ? '2026-11-01' : '2020-01-01'}`);
    const page = textPage(`当前位置：首页 > 通知公告\n${lines.join('\n')}`);
    const t0 = performance.now();
    expect(run(page)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

