/**
 * The page context, computed once per page: refined type, publish date picked after refinement
 * (with meta.pubdate-mismatch's hint), folded text with its offsets, the main-content region,
 * and a footer loaded in a same-origin frame.
 */
import { describe, expect, it } from 'vitest';
import { modelFromHtml, parseHtml, realPage } from '../../helpers/load-page';
import { buildPageModel } from '../../../lib/scan/page-model';
import { guessPageType } from '../../../lib/scan/page-type';
import { analyse } from '../../../lib/timeliness/analyse';
import { metaRules } from '../../../lib/rules/meta';
import { toOriginalRange } from '../../../lib/text/normalise';
import { mapArticle } from '../../../lib/scan/main-content';
import { readSiteCode } from '../../../lib/rules/footer';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };
const pubdateRule = metaRules.find((r) => r.id === 'meta.pubdate-mismatch')!;

describe('refined page type, once', () => {
  it('an article with a related-news list: the context says article, and freshness reads the same', () => {
    const items = Array.from({ length: 6 }, (_, i) => `<li><a href="/a/${i}.html">相关新闻标题</a> <span>2026-0${i + 1}-0${i + 1}</span></li>`).join('');
    const html = `<html><head><title>t</title></head><body><h1>标题</h1><p>来源：市应急管理局　发布时间：2026-11-02　浏览次数：128</p>
      <p>正文第一段，内容较长，说明了这项工作的背景、目标和具体安排，供各单位参照执行落实。</p><ul>${items}</ul></body></html>`;
    const { model } = modelFromHtml(html, 'https://www.example.gov.cn/art/1.html');
    expect(guessPageType(model.url, model.meta, model.dates)).toBe('column');
    expect(model.pageType).toBe('article');
    expect(analyse(model, settings).pageType).toBe(model.pageType);
    expect(model.pubDate).toBe('2026-11-02');
  });
});

describe('publish date after refinement, and the PubDate hint', () => {
  it.each([
    ['wanzai-bulletin-2015.html', 'www.wanzai.gov.cn', '2022-04-24', '2017-05-15'],
    ['wanzai-bulletin-2022.html', 'www.wanzai.gov.cn', '2023-08-16', '2023-05-11'],
    ['yichun-bulletin-2022.html', 'www.yichun.gov.cn', '2023-05-16', '2023-04-18'],
    ['yichun-jiangxi-bulletin-2022.html', 'www.yichun.gov.cn', '2023-05-16', '2023-03-31'],
  ])('%s: the shown date wins over the PubDate meta %s; a hint reports it', (file, host, meta, shown) => {
    const { model } = realPage(file, host);
    expect(model.pageType).toBe('article');
    expect(model.metaPubDate).toBe(meta);
    expect(model.pubDate).toBe(shown);
    expect(model.pubDateSource).toBe('label');
    const fs = pubdateRule.check(model, settings);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'hint', ruleId: 'meta.pubdate-mismatch' });
    expect(fs[0]!.message).toContain(`PubDate 标签（${meta}）与页面显示的发布日期（${shown}）不一致`);
  });

  it.each([
    ['shanxi-news-2019.html', 'www.shanxi.gov.cn'],
    ['zjdpc-news-2016.html', 'www.zjdpc.gov.cn'],
    ['cmse-news-2012.html', 'www.cmse.gov.cn'],
    ['kepu-news-2023.html', 'www.kepu.gov.cn'],
    ['govcn-gazette-2007.html', 'www.gov.cn'],
  ])('%s: no disagreement, no hint', (file, host) => {
    const { model } = realPage(file, host);
    expect(pubdateRule.check(model, settings)).toEqual([]);
  });
});

describe('folded text', () => {
  it('folds full-width forms and drops zero-width characters, mapping back to page offsets', () => {
    const { model } = modelFromHtml('<body><p>电话：０７９５－１２３４５６７，凯\u200B发Ｋ８。</p></body>');
    const f = model.folded;
    expect(f.text).toContain("电话:0795-1234567,凯发K8。"); // 。 is CJK punctuation, not a full-width form
    expect(f.originalLength).toBe(model.text.length);
    const i = f.text.indexOf('凯发K8');
    const r = toOriginalRange(f, i, i + 4);
    expect(model.text.slice(r.start, r.end)).toBe('凯\u200B发Ｋ８');
    const j = f.text.indexOf('0795');
    const r2 = toOriginalRange(f, j, j + 4);
    expect(model.text.slice(r2.start, r2.end)).toBe('０７９５');
  });

  it('is the text itself (no map) when there is nothing to strip', () => {
    const { model } = modelFromHtml('<body><p>正文 2026-11-02</p></body>');
    expect(model.folded.map).toBeNull();
    expect(model.folded.text).toBe(model.text);
  });
});

describe('main-content region', () => {
  it('finds the article of a real page: the body, not the navigation or the footer', () => {
    const { model } = realPage('wanzai-bulletin-2015.html', 'www.wanzai.gov.cn');
    expect(model.main).not.toBeNull();
    const main = model.text.slice(model.main!.start, model.main!.end);
    expect(main.startsWith('万载县2015年国民经济和社会发展统计公报')).toBe(true);
    expect(main).toContain('农村居民家庭恩格尔系数');
    expect(main.trimEnd().endsWith('（万载县统计局）')).toBe(true);
    expect(model.main!.start).toBeGreaterThan(0);
    expect(model.main!.end).toBeLessThanOrEqual(model.footer!.start);
    expect(main).not.toContain('网站标识码');
  });

  it('is not looked for on list pages', () => {
    const items = Array.from({ length: 8 }, (_, i) => `<li><a href="/a/${i}.html">通知公告标题第${i}条</a><span>2026-10-1${i}</span></li>`).join('');
    const { model } = modelFromHtml(`<body><ul>${items}</ul></body>`, 'https://www.example.gov.cn/col/tzgg/index.html');
    expect(model.pageType).toBe('column');
    expect(model.main).toBeNull();
  });

  it('maps an article text back by its first and last lines, ignoring white space', () => {
    const text = '首页 | 新闻\n标题  一二三四五六七八九十\n第一段正文内容很长。\n尾段正文结束了啊啊。\n版权所有';
    const r = mapArticle(text, '标题 一二三四五六七八九十\n\n第一段正文内容很长。\n 尾段正文结束了啊啊。 ');
    expect(text.slice(r!.start, r!.end)).toBe('标题  一二三四五六七八九十\n第一段正文内容很长。\n尾段正文结束了啊啊。');
    expect(mapArticle(text, '完全不在页面里的一段文字内容')).toBeNull();
  });
});

describe('footer in a same-origin frame', () => {
  const URL_ = 'https://www.example.gov.cn/art/1.html';
  const FOOTER = '<div class="footer">主办：示例县人民政府 政府网站标识码：3609990001 赣ICP备12345678号</div>';

  function pageWithFrame(frameDoc: Document | null): Document {
    const doc = parseHtml(`<html><body><h1>标题</h1><p>正文内容。</p><iframe src="/foot.html"></iframe></body></html>`, URL_);
    // what a live page gives for a same-origin frame (happy-dom does not load frames here)
    Object.defineProperty(doc.querySelector('iframe')!, 'contentDocument', { value: frameDoc });
    return doc;
  }

  it('reads the frame footer when the page has none of its own', () => {
    const frame = parseHtml(`<html><body>${FOOTER}</body></html>`, 'https://www.example.gov.cn/foot.html');
    const { model } = buildPageModel(pageWithFrame(frame), { url: URL_, today: '2026-11-23' });
    expect(model.footer?.text).toContain('3609990001');
    expect(model.footerHtml).toContain('3609990001');
    expect(readSiteCode(model)).toBe('3609990001');
    expect(model.notes.join('')).toContain('页面底部位于内嵌框架');
  });

  it('has no footer when the frame is not readable (cross-origin or a detached document)', () => {
    const { model } = buildPageModel(pageWithFrame(null), { url: URL_, today: '2026-11-23' });
    expect(model.footer).toBeNull();
    expect(model.notes.join('')).toContain('其内容未检查');
  });
});

describe('main-content size limit', () => {
  it('skips Readability above readabilityMaxChars and says so in a note', async () => {
    const limits = (await import('../../../lib/data/scan-limits.json')).default;
    const para = '这是一段很长的正文内容，用来让页面超过正文识别的大小上限。'.repeat(40);
    const n = Math.ceil(limits.readabilityMaxChars / para.length) + 1;
    const body = `<h1>标题</h1><p>发布日期：2026-11-02</p>` + Array.from({ length: n }, () => `<p>${para}</p>`).join('');
    const { model } = modelFromHtml(`<html><body>${body}</body></html>`, 'https://www.example.gov.cn/art/big.html');
    expect(model.text.length).toBeGreaterThan(limits.readabilityMaxChars);
    expect(model.main).toBeNull();
    expect(model.notes.join('')).toContain('未识别正文区域');
    expect(model.pubDate).toBe('2026-11-02');
  });
});
