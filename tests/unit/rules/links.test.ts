import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { linksHiddenRule, linksSpamRule, spamHostFindings, hostsToCheck, isDarkLink } from '../../../lib/rules/links';
import { matchSpamHost, registrableDomain, isExternalHost, isOfficialHost } from '../../../lib/hosts';
import { VisibilityJudge, probeLinkVisibility, type LayoutSource, type StyleLike, type RectLike } from '../../../lib/scan/link-visibility';
import { modelFromHtml } from '../../helpers/load-page';
import { checkSpamHosts } from '../../../entrypoints/background/spam';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { LinkInfo } from '../../../lib/types';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/spam');
const load = (f: string) => modelFromHtml(readFileSync(path.join(FIX, f), 'utf8'), `https://www.spam-test.gov.cn/${f}`);

const VISIBLE: StyleLike = {
  display: 'inline', visibility: 'visible', opacity: '1', position: 'static', left: 'auto', top: 'auto',
  fontSize: '16px', textIndent: '0px', clip: 'auto', clipPath: 'none', overflow: 'visible', width: 'auto',
  height: 'auto', transform: 'none', color: 'rgb(51, 51, 51)', backgroundColor: 'rgba(0, 0, 0, 0)', backgroundImage: 'none',
};
const BOX: RectLike = { left: 10, top: 10, right: 60, bottom: 30, width: 50, height: 20 };

/** A fake layout engine: styles and boxes by element id; everything else visible. */
function fakeSource(styles: Record<string, Partial<StyleLike>>, rects: Record<string, RectLike> = {}, layout = true): LayoutSource & { reads: number } {
  const src = {
    reads: 0,
    style(el: Element) {
      src.reads++;
      return { ...VISIBLE, ...(styles[el.id] ?? {}) };
    },
    rect: (el: Element) => (layout ? rects[el.id] ?? BOX : null),
    scrollX: 0,
    scrollY: 0,
    viewWidth: 1280,
  };
  return src;
}

function dom(html: string): Document {
  const win = new Window({ url: 'https://www.example.gov.cn/' });
  win.document.body.innerHTML = html;
  return win.document as unknown as Document;
}

describe('the hidden-link decision (fake styles and layout)', () => {
  const doc = dom('<div id="outer"><div id="mid"><p id="p"><a id="a" href="http://x.com/">链接</a></p></div></div><a id="b" href="http://y.com/">图</a>');
  const a = doc.getElementById('a')!;
  const judge = (styles: Record<string, Partial<StyleLike>>, rects?: Record<string, RectLike>, layout = true) =>
    new VisibilityJudge(fakeSource(styles, rects, layout)).judge(a)?.technique ?? null;

  it('finds each technique on the link or an ancestor', () => {
    expect(judge({})).toBeNull();
    expect(judge({ outer: { display: 'none' } })).toBe('display:none');
    expect(judge({ a: { visibility: 'hidden' } })).toBe('visibility:hidden');
    expect(judge({ mid: { opacity: '0' } })).toBe('opacity:0');
    expect(judge({ mid: { position: 'absolute', left: '-9999px' } })).toBe('off-screen');
    expect(judge({ mid: { transform: 'matrix(1, 0, 0, 1, -5000, 0)' } })).toBe('off-screen');
    expect(judge({ mid: { overflow: 'hidden' } }, { mid: { ...BOX, width: 0, height: 0 } })).toBe('zero-size');
    expect(judge({ a: { fontSize: '0px' } })).toBe('font-size:0');
    expect(judge({ a: { textIndent: '-9999px' } })).toBe('text-indent');
    expect(judge({ p: { clip: 'rect(0px, 0px, 0px, 0px)', position: 'absolute' } })).toBe('clip');
    expect(judge({ p: { clipPath: 'inset(50%)' } })).toBe('clip');
    expect(judge({ a: { color: 'rgb(255, 255, 255)' } })).toBe('same-colour');
    expect(judge({ a: { color: 'rgb(200, 0, 0)' }, outer: { backgroundColor: 'rgb(200, 0, 0)' } })).toBe('same-colour');
    // a box far to the left, measured by layout
    expect(judge({}, { a: { left: -9999, right: -9950, top: 10, bottom: 30, width: 49, height: 20 } })).toBe('off-screen');
  });

  it('leaves visible look-alikes alone', () => {
    expect(judge({ a: { textIndent: '2em' } })).toBeNull();
    expect(judge({ a: { textIndent: '-20px' } })).toBeNull();
    expect(judge({ mid: { overflow: 'hidden' } })).toBeNull();
    expect(judge({ mid: { position: 'absolute', left: '-200px' } })).toBeNull();
    // white text on a red box, and white text over a background image
    expect(judge({ a: { color: 'rgb(255, 255, 255)' }, mid: { backgroundColor: 'rgb(204, 0, 0)' } })).toBeNull();
    expect(judge({ a: { color: 'rgb(255, 255, 255)' }, mid: { backgroundImage: 'url(banner.jpg)' } })).toBeNull();
    // without layout (happy-dom), only style decides: an overflow-hidden box of unknown size is not zero
    expect(judge({ mid: { overflow: 'hidden' } }, {}, false)).toBeNull();
  });

  it('walks each ancestor once across links (per-element cache)', () => {
    const d = dom(`<div id="hideall">${Array.from({ length: 50 }, (_, i) => `<p><a href="http://h${i}.com/">x</a></p>`).join('')}</div>`);
    const src = fakeSource({ hideall: { display: 'none' } });
    const j = new VisibilityJudge(src);
    const links = Array.from(d.querySelectorAll('a'));
    for (const l of links) expect(j.judge(l)?.technique).toBe('display:none');
    // per link: its own style and its <p>; the shared <div> once
    expect(src.reads).toBe(50 * 2 + 1);
  });

  it('probes only external, non-official links, at most maxLinks', () => {
    const d = dom('<a id="x1" href="http://spam1.com/">a</a><a id="x2" href="https://www.example.gov.cn/in">b</a><a id="x3" href="http://www.other.gov.cn/">c</a><a id="x4" href="http://spam2.com/">d</a>');
    const els = Array.from(d.querySelectorAll('a'));
    const links: LinkInfo[] = els.map((el, i) => ({ href: el.getAttribute('href')!, text: el.textContent!, inFooter: false, element: i }));
    const src = fakeSource({ x1: { display: 'none' }, x2: { display: 'none' }, x3: { display: 'none' }, x4: { display: 'none' } });
    expect(probeLinkVisibility(d, links, els, 'www.example.gov.cn', src, 1)).toBe(1);
    expect(links.map((l) => l.hidden ?? '')).toEqual(['display:none', '', '', '']);
  });
});

describe('links.hidden', () => {
  it('needs spam words, a spam host word or a link-farm TLD to back up display:none-style hiding', () => {
    expect(isDarkLink('display:none', '人民网', 'www.people.com.cn')).toBe(false);
    expect(isDarkLink('display:none', '凯发k8官网', 'www.kaifa.com')).toBe(true);
    expect(isDarkLink('display:none', '百家乐', 'www.abc.com')).toBe(true);
    expect(isDarkLink('display:none', '官网入口', 'www.abc.com')).toBe(false);
    expect(isDarkLink('opacity:0', '资讯', 'abc.xyz')).toBe(true);
    expect(isDarkLink('off-screen', '优惠活动', 'www.shop.com')).toBe(true);
  });

  it('recall: the hacked article (hidden block, off-screen and font-size 0 links, [hidden] subtree)', () => {
    const { model } = load('hacked-article.html');
    // the collector skips [hidden] subtrees; the spam probe lists their links instead
    expect(model.links.some((l) => l.href.includes('manbetx'))).toBe(false);
    expect(model.spamProbe!.hiddenAttrLinks).toEqual([{ href: 'http://www.manbetx-app.cc/', text: '万博manbetx官网' }]);
    const fs = linksHiddenRule.check(model, DEFAULT_SETTINGS);
    expect(fs.map((f) => f.evidence.replace(/^.*→ /, ''))).toEqual([
      'http://www.kaifa-k8.top/（display:none 隐藏）',
      'https://www.beat365-vip.com/（display:none 隐藏）',
      'http://amjsbc.xyz/（display:none 隐藏）',
      'http://www.0073d.cn/（定位到屏幕之外）',
      'http://www.k767.com/（字号为 0）',
      'http://www.manbetx-app.cc/（hidden 属性隐藏）',
    ]);
    // element findings point at the link
    expect(fs[3]!.element).toBe(model.links.findIndex((l) => l.href.includes('0073d')));
    expect(fs[5]!.element).toBeUndefined();
  });

  it('precision: a display:none dropdown of news sites and a share menu are not 暗链', () => {
    const { model } = load('clean.html');
    expect(model.links.filter((l) => l.hidden)).toHaveLength(3);
    expect(linksHiddenRule.check(model, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('links.spam', () => {
  it('fires on spam words in the link text or host, only for external non-official hosts', () => {
    const { model } = load('hacked-article.html');
    const fs = linksSpamRule.check(model, DEFAULT_SETTINGS);
    expect(fs.map((f) => f.evidence)).toEqual([
      '凯发k8官网 → http://www.kaifa-k8.top/',
      'beat365官方入口 → https://www.beat365-vip.com/',
      '澳门金沙博彩 → http://amjsbc.xyz/',
      '万博manbetx官网 → http://www.manbetx-app.cc/',
    ]);
    expect(fs[0]!.element).toBe(0);
    const clean = load('clean.html').model;
    expect(linksSpamRule.check(clean, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('turns the background answer into one finding per listed link, skipping links already reported', () => {
    const { model } = load('hacked-article.html');
    const hosts = hostsToCheck(model);
    expect(hosts).toContain('www.0073d.cn');
    expect(hosts).not.toContain('www.spam-test.gov.cn');
    const hits = checkSpamHosts(hosts);
    expect(hits).toEqual([
      { host: 'www.0073d.cn', entry: '0073d.cn' },
      { host: 'www.k767.com', entry: 'k767.com' },
    ]);
    const already = linksSpamRule.check(model, DEFAULT_SETTINGS);
    const fs = spamHostFindings(model, [...hits, { host: 'www.kaifa-k8.top', entry: 'kaifa-k8.top' }], already);
    expect(fs.map((f) => f.evidence)).toEqual(['优惠活动 → http://www.0073d.cn/', '综合资讯 → http://www.k767.com/']);
    expect(fs[0]!.message).toContain('已知的违法');
    expect(spamHostFindings(model, [])).toEqual([]);
  });
});

describe('host matching', () => {
  const listed = new Set(['0073d.cn', 'www.k767.com', '00ad.3322.org']);
  it('matches listed hosts and their subdomains, a listed www. host covers the bare domain', () => {
    expect(matchSpamHost('0073d.cn', listed)).toBe('0073d.cn');
    expect(matchSpamHost('a.b.0073d.cn', listed)).toBe('0073d.cn');
    expect(matchSpamHost('k767.com', listed)).toBe('www.k767.com');
    expect(matchSpamHost('m.k767.com', listed)).toBe('www.k767.com');
    // a listed subdomain of a dynamic-DNS provider does not condemn the provider
    expect(matchSpamHost('3322.org', listed)).toBe('');
    expect(matchSpamHost('other.3322.org', listed)).toBe('');
    expect(matchSpamHost('x0073d.cn', listed)).toBe('');
  });

  it('never fires on gov.cn/edu.cn hosts, even when listed', () => {
    const bad = new Set(['lnfcjcy.gov.cn', 'sim.whu.edu.cn']);
    expect(matchSpamHost('lnfcjcy.gov.cn', bad)).toBe('');
    expect(matchSpamHost('sim.whu.edu.cn', bad)).toBe('');
    expect(checkSpamHosts(['lnfcjcy.gov.cn', 'www.bspop.gov.cn'])).toEqual([]);
    expect(isOfficialHost('www.yichun.gov.cn')).toBe(true);
    expect(isOfficialHost('gov.cn.evil.com')).toBe(false);
  });

  it('the shipped list holds the source list and no official host', () => {
    expect(checkSpamHosts(['000wyt.com', 'www.000wyt.com', 'cuiqing.net.cn', 'www.baidu.com', 'www.people.com.cn'])).toEqual([
      { host: '000wyt.com', entry: '000wyt.com' },
      { host: 'www.000wyt.com', entry: '000wyt.com' },
      { host: 'cuiqing.net.cn', entry: 'cuiqing.net.cn' },
    ]);
  });

  it('knows the registrable domain', () => {
    expect(registrableDomain('a.b.example.com.cn')).toBe('example.com.cn');
    expect(registrableDomain('www.yichun.gov.cn')).toBe('yichun.gov.cn');
    expect(isExternalHost('static.yichun.gov.cn', 'www.yichun.gov.cn')).toBe(false);
    expect(isExternalHost('www.people.com.cn', 'www.yichun.gov.cn')).toBe(true);
  });
});
