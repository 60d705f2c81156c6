import { describe, it, expect } from 'vitest';
import { extractLinks } from '../../../lib/links/extract';
import { isHomePage, tallyLinks } from '../../../lib/links/count';
import type { LinkResult, LinkVerdict } from '../../../lib/links/types';
import { parseHtml } from '../../helpers/load-page';

const HOME = 'https://www.test.gov.cn/';
const HTML = `<html><head><title>首页</title></head><body>
<a href="/zwgk/">政务公开</a>
<a href="zcwj/t20240101_1.html"> 关于  印发的通知 </a>
<a href="/files/plan.PDF">规划全文</a>
<a href="https://www.other.gov.cn/x.html#top">其他网站</a>
<a href="javascript:void(0)">打印</a><a href="mailto:a@b.cn">邮箱</a><a href="#main">跳转</a><a href="tel:123">电话</a>
<a href="/img/big.jpg"><img src="/img/thumb.png" alt="图片新闻"></a>
<img src="data:image/gif;base64,R0lGOD">
<iframe src="//video.test.gov.cn/player.html" title="视频"></iframe>
<map><area href="/map/area1.html" alt="区域一"></map>
<a href="ftp://ftp.test.gov.cn/a.zip">ftp</a>
</body></html>`;

describe('extractLinks', () => {
  const links = extractLinks(parseHtml(HTML, HOME), HOME);

  it('lists a, area, img and iframe targets, absolute and http(s) only, with kind, text and site', () => {
    expect(links).toEqual([
      { url: 'https://www.test.gov.cn/zwgk/', kind: 'link', text: '政务公开', sameSite: true },
      { url: 'https://www.test.gov.cn/zcwj/t20240101_1.html', kind: 'link', text: '关于 印发的通知', sameSite: true },
      { url: 'https://www.test.gov.cn/files/plan.PDF', kind: 'attachment', text: '规划全文', sameSite: true },
      { url: 'https://www.other.gov.cn/x.html#top', kind: 'link', text: '其他网站', sameSite: false },
      { url: 'https://www.test.gov.cn/img/big.jpg', kind: 'image', text: '图片新闻', sameSite: true },
      { url: 'https://www.test.gov.cn/map/area1.html', kind: 'link', text: '区域一', sameSite: true },
      { url: 'https://www.test.gov.cn/img/thumb.png', kind: 'image', text: '图片新闻', sameSite: true },
      { url: 'https://video.test.gov.cn/player.html', kind: 'frame', text: '视频', sameSite: false },
    ]);
  });

  it('resolves against <base href>', () => {
    const doc = parseHtml('<head><base href="https://www.test.gov.cn/sub/"></head><body><a href="a.html">a</a></body>', HOME);
    expect(extractLinks(doc, HOME)[0]!.url).toBe('https://www.test.gov.cn/sub/a.html');
  });
});

describe('tallyLinks: home page counted apart', () => {
  const result = (url: string, verdict: LinkVerdict): LinkResult => ({ url, verdict, reason: verdict === 'dead' ? 'not-found' : 'ok', redirects: 0, method: 'GET', recheck: false, message: '', checkedAt: 0, ms: 0 });

  it('knows the home page by its URL or an index page on its host', () => {
    expect(isHomePage('https://www.test.gov.cn/', HOME)).toBe(true);
    expect(isHomePage('https://www.test.gov.cn/index.html', HOME)).toBe(true);
    expect(isHomePage('https://www.test.gov.cn/zwgk/index.html', HOME)).toBe(false);
    expect(isHomePage('https://www.test.gov.cn/?page=2', HOME)).toBe(false);
  });

  it('counts images and attachments, each URL once, a URL on the home page only there', () => {
    const b = 'https://www.test.gov.cn';
    const results = new Map(
      [
        result(`${b}/a.html`, 'dead'),
        result(`${b}/img/x.png`, 'dead'),
        result(`${b}/f.pdf`, 'dead'),
        result(`${b}/ok.html`, 'ok'),
        result(`${b}/s.html`, 'suspect'),
        result(`${b}/deep.html`, 'dead'),
      ].map((r) => [r.url, r]),
    );
    const tally = tallyLinks(
      [
        // an inner page listed first: the home page still claims the shared dead link
        { pageUrl: `${b}/zwgk/1.html`, links: [{ url: `${b}/a.html`, kind: 'link', text: '', sameSite: true }, { url: `${b}/deep.html`, kind: 'link', text: '', sameSite: true }, { url: `${b}/deep.html#x`, kind: 'link', text: '', sameSite: true }] },
        {
          pageUrl: `${b}/index.html`,
          links: [
            { url: `${b}/a.html`, kind: 'link', text: '', sameSite: true },
            { url: `${b}/a.html`, kind: 'link', text: '', sameSite: true },
            { url: `${b}/img/x.png`, kind: 'image', text: '', sameSite: true },
            { url: `${b}/f.pdf`, kind: 'attachment', text: '', sameSite: true },
            { url: `${b}/ok.html`, kind: 'link', text: '', sameSite: true },
            { url: `${b}/s.html`, kind: 'link', text: '', sameSite: true },
            { url: `${b}/unchecked.html`, kind: 'link', text: '', sameSite: true },
          ],
        },
      ],
      results,
      HOME,
    );
    expect(tally.home).toMatchObject({ checked: 5, dead: 3, suspect: 1, deadByKind: { link: 1, image: 1, attachment: 1, frame: 0 } });
    expect(tally.home.deadUrls).toEqual([`${b}/a.html`, `${b}/img/x.png`, `${b}/f.pdf`]);
    expect(tally.other).toMatchObject({ checked: 1, dead: 1, deadUrls: [`${b}/deep.html`] });
  });
});
