import { describe, expect, it } from 'vitest';
import { findDates } from '../../../lib/text/dates';
import { parseMetaDate, pickPubDate, pickPubDateWithSource } from '../../../lib/scan/pubdate';
import type { PageType } from '../../../lib/types';

const TODAY = '2024-01-05';

function page(text: string, opts: { meta?: Record<string, string>; pageType?: PageType; footer?: string } = {}) {
  const full = opts.footer ? `${text}\n${opts.footer}` : text;
  const footerStart = opts.footer ? text.length + 1 : undefined;
  return {
    text: full,
    meta: opts.meta ?? {},
    pageType: opts.pageType ?? 'article',
    dates: findDates(full, { today: TODAY, footerStart }),
  };
}

describe('parseMetaDate', () => {
  it.each([
    ['2019-09-18 06:23', '2019-09-18'],
    ['2019-09-18', '2019-09-18'],
    ['2019/9/18 6:23:00', '2019-09-18'],
    ['2019.09.18', '2019-09-18'],
    ['2019–09–18 06:23', '2019-09-18'],
    ['2019—09—18', '2019-09-18'],
    ['2019年9月18日', '2019-09-18'],
    ['２０１９－０９－１８', '2019-09-18'],
    ['2019-09-18T06:23:00+08:00', '2019-09-18'],
    [' 2019-09-18 ', '2019-09-18'],
  ])('%s → %s', (value, iso) => {
    expect(parseMetaDate(value)).toBe(iso);
  });
  it.each(['', '2019-02-30', '2019', 'not a date', '20190918'])('rejects %j', (value) => {
    expect(parseMetaDate(value)).toBeNull();
  });
});

describe('pickPubDate', () => {
  it('takes the PubDate meta first, unless an article shows a different labelled date', () => {
    const meta = { PubDate: '2023-05-16 12:34:05' };
    expect(pickPubDate(page('正文 2023-06-01', { meta }))).toBe('2023-05-16');
    expect(pickPubDate(page('发布时间：2023-05-16\n正文', { meta }))).toBe('2023-05-16');
    expect(pickPubDateWithSource(page('发布时间：2023-06-01\n正文', { meta }))).toEqual({ date: '2023-06-01', source: 'label', meta: '2023-05-16' });
    // 信息公开 tables: 发文日期 and 生成日期 date the page too
    expect(pickPubDate(page('发文日期：\n2023-04-18\n正文', { meta }))).toBe('2023-04-18');
    // 更新时间 and bare 时间 never date the page; a column's labels belong to its items
    expect(pickPubDate(page('更新时间：2023-06-01\n正文', { meta }))).toBe('2023-05-16');
    expect(pickPubDate(page('发布时间：2023-06-01\n正文', { meta, pageType: 'column' }))).toBe('2023-05-16');
  });

  it('prefers the labelled date inside the main content when the context found it', () => {
    const text = '相关新闻 发布日期：2023-01-02\n标题\n发布日期：2023-06-01\n正文';
    const p = { ...page(text, { meta: { PubDate: '2023-05-16' } }), main: { start: text.indexOf('标题'), end: text.length } };
    expect(pickPubDate(p)).toBe('2023-06-01');
  });

  it('falls back to alternate meta names, PubDate winning over them', () => {
    expect(pickPubDate(page('正文', { meta: { publishdate: '2023-05-01' } }))).toBe('2023-05-01');
    expect(pickPubDate(page('正文', { meta: { 'article:published_time': '2023-05-02T08:00:00+08:00' } }))).toBe(
      '2023-05-02',
    );
    expect(
      pickPubDate(page('正文', { meta: { pubdate: '2023-05-03', PubDate: '2023-05-04', PublishDate: '2023-05-05' } })),
    ).toBe('2023-05-04');
    // a PubDate that cannot be read does not hide a good alternate
    expect(pickPubDate(page('正文', { meta: { PubDate: '', publishdate: '2023-05-01' } }))).toBe('2023-05-01');
  });

  it('takes a labelled date when the meta is missing or empty', () => {
    const text = '首页 > 要闻\n标题\n来源：本站 发布时间：2023-06-01 10:00\n正文提到2023-05-20的会议。';
    expect(pickPubDate(page(text))).toBe('2023-06-01');
    expect(pickPubDate(page(text, { meta: { PubDate: '' } }))).toBe('2023-06-01');
  });

  it('prefers 发布日期 over 成文日期 in a policy table', () => {
    const text = '成文日期：\n2019年01月27日\n发文字号：\n国发〔2019〕5号\n发布日期：\n2019年02月15日\n正文';
    expect(pickPubDate(page(text))).toBe('2019-02-15');
    expect(pickPubDate(page('成文日期：2019年01月27日\n正文'))).toBe('2019-01-27');
  });

  it('ignores labelled dates in the footer', () => {
    const p = page('标题\n正文 2023-06-01', { footer: '发布日期：2023-12-01 版权所有' });
    expect(pickPubDate(p)).toBe('2023-06-01');
  });

  it('article: first content date near the top, skipping the header clock', () => {
    const body = '正文。'.repeat(500) + '2020年1月1日起施行。';
    const text = `政府网\n2023年10月11日 星期三\n首页 > 新闻\n标题\n来源：新华社\n2023-06-01 14:43\n${body}`;
    expect(pickPubDate(page(text))).toBe('2023-06-01');
  });

  it('article: null when the only date is deep in the body or in the footer', () => {
    const text = '标题\n' + '正文。'.repeat(500) + '2020年1月1日起施行。';
    expect(pickPubDate(page(text))).toBeNull();
    expect(pickPubDate(page('标题\n正文', { footer: '2023-12-01 版权所有' }))).toBeNull();
  });

  it('list pages: the newest non-footer date', () => {
    const text = '通知公告\n关于A的通知\n2023-11-20\n关于B的通知\n2023-12-28\n关于C的通知\n2023-10-02';
    const footer = '网站标识码3609000002 2024-01-04';
    expect(pickPubDate(page(text, { pageType: 'column', footer }))).toBe('2023-12-28');
    expect(pickPubDate(page('要闻\n标题一 [12-30]\n标题二 [01-02]', { pageType: 'home' }))).toBe('2024-01-02');
  });

  it('other pages: treated like articles', () => {
    expect(pickPubDate(page('标题\n（2007年6月29日第十届全国人民代表大会常务委员会通过）', { pageType: 'other' }))).toBe(
      '2007-06-29',
    );
    expect(pickPubDate(page('办事指南\n' + '说明。'.repeat(500) + '2023-06-01', { pageType: 'other' }))).toBeNull();
  });
});
