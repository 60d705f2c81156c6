import { describe, it, expect } from 'vitest';
import { discoverColumns, isNonHtml, sameSite } from '../../../lib/crawl/discover';
import { collectLinks } from '../../../lib/crawl/links';
import { parseHtml } from '../../helpers/load-page';
import type { RawLink } from '../../../lib/crawl/types';

const HOME = 'https://www.x.gov.cn/';
const nav = (href: string, text: string): RawLink => ({ href: new URL(href, HOME).href, text, place: 'nav' });

describe('collectLinks', () => {
  it('tells navigation, 更多, footer and body links apart, and names a 更多 link by its block heading', () => {
    const doc = parseHtml(
      `<div id="menu"><a href="/xwdt/">新闻动态</a></div>
       <nav><ul><li><a href="/tzgg/">通知公告</a></li></ul></nav>
       <div class="box"><div class="box-tit"><span>政策文件</span></div><a href="/zcwj/">更多&gt;&gt;</a><ul><li><a href="/zcwj/t20261101_1.html">关于印发某办法的通知</a></li></ul></div>
       <h2>要闻 <a class="more" href="/yw/">更多</a></h2>
       <div class="footer"><a href="/sitemap.html">网站地图</a></div>
       <a href="javascript:void(0)">打印</a><a href="#top">顶部</a>`,
      HOME,
    );
    const links = collectLinks(doc, HOME);
    const by = Object.fromEntries(links.map((l) => [l.href.replace(HOME, '/'), l]));
    expect(by['/xwdt/']!.place).toBe('nav');
    expect(by['/tzgg/']!.place).toBe('nav');
    expect(by['/zcwj/']).toMatchObject({ place: 'more', heading: '政策文件' });
    expect(by['/yw/']).toMatchObject({ place: 'more', heading: '要闻' });
    expect(by['/zcwj/t20261101_1.html']!.place).toBe('body');
    expect(by['/sitemap.html']!.place).toBe('footer');
    expect(links.some((l) => l.text === '打印' || l.text === '顶部')).toBe(false);
  });
});

describe('discoverColumns', () => {
  it('keeps same-site column links once and leaves out the home page, utility links, articles and long titles', () => {
    const d = discoverColumns(
      [
        nav('/', '首页'),
        nav('/index.html', '网站首页'),
        nav('/xwdt/', '新闻动态'),
        nav('/xwdt/#list', '新闻动态'),
        nav('/en/', 'English'),
        nav('/art/2026/11/1/art_12_345.html', '某某会议召开'),
        nav('/xxgk/zcwj/', '这是一个非常非常长的链接文字显然不是栏目名称而是文章标题'),
        nav('https://www.gov.cn/', '中国政府网'),
        nav('/files/a.DOCX', '申请表下载'),
        { href: HOME + 'tzgg/', text: '更多', place: 'more', heading: '通知公告' },
        { href: HOME + 'body/', text: '正文里的链接', place: 'body' },
      ],
      HOME,
    );
    expect(d.columns).toEqual([
      { url: HOME + 'xwdt/', name: '新闻动态', via: 'nav' },
      { url: HOME + 'tzgg/', name: '通知公告', via: 'more' },
    ]);
    expect(d.skipped).toEqual([{ url: HOME + 'files/a.DOCX', name: '申请表下载', reason: '非网页文件（DOCX），未检查' }]);
    expect(d.offsite).toBe(1);
    expect(d.siteMap).toBeNull();
  });

  it('on a site map page every body link is a candidate', () => {
    const d = discoverColumns([{ href: HOME + 'a/', text: '专题专栏', place: 'body' }], HOME, true);
    expect(d.columns).toEqual([{ url: HOME + 'a/', name: '专题专栏', via: 'sitemap' }]);
  });

  it('helpers: non-HTML by extension, same site by host and port', () => {
    expect(isNonHtml('https://www.x.gov.cn/a/b.pdf')).toBe(true);
    expect(isNonHtml('https://www.x.gov.cn/a/b.shtml')).toBe(false);
    expect(isNonHtml('https://www.x.gov.cn/a/pdf/')).toBe(false);
    expect(sameSite('http://www.x.gov.cn/a', HOME)).toBe(true); // http and https are one site
    expect(sameSite('https://x.gov.cn/a', HOME)).toBe(false);
    expect(sameSite('https://www.x.gov.cn:8443/a', HOME)).toBe(false);
    expect(sameSite('not a url', HOME)).toBe(false);
  });
});
