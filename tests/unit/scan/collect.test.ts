// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml, REAL_PAGES } from '../../helpers/load-page';
import { Collector } from '../../../lib/scan/collect';

/**
 * The walk's contract written as plain recursion: text nodes in document order, '\n' before and
 * after block elements (never two in a row), nothing under skipped or hidden elements, blocks
 * listed as they close, links with the span of their text. The collector walks iteratively (and resumably); it must agree exactly.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'SVG', 'svg', 'CANVAS', 'VIDEO', 'AUDIO', 'MAP']);
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR CAPTION CENTER DD DETAILS DIALOG DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM FRAMESET H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI MAIN MENU NAV OL OPTION P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL BUTTON'.split(' '),
);

function reference(root: Node, skip: (el: Element) => boolean) {
  let text = '';
  const starts: number[] = [];
  const nodes: Text[] = [];
  const blocks: [Element, number, number][] = [];
  const links: [Element, number, number][] = [];
  const scripts: number[] = [];
  const sep = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data) {
        nodes.push(node as Text);
        starts.push(text.length);
        text += data;
      }
      return;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'SCRIPT') return void scripts.push(text.length);
      if (SKIP.has(el.tagName) || skip(el) || (el as HTMLElement).hidden) return;
      if (el.tagName === 'A' || el.tagName === 'AREA') {
        const link: [Element, number, number] = [el, text.length, -1];
        links.push(link);
        for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
        link[2] = text.length;
        return;
      }
      if (BLOCK.has(el.tagName)) {
        sep();
        const start = text.length;
        for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
        sep();
        blocks.push([el, start, text.length]);
        return;
      }
    } else if (node.nodeType !== 9 && node.nodeType !== 11) return;
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(root);
  return { text, starts, nodes, blocks, links, scripts };
}

function collected(c: Collector) {
  return {
    text: c.text,
    starts: c.index.starts,
    nodes: c.index.nodes,
    blocks: c.blocks.els.map((el, i) => [el, c.blocks.starts[i], c.blocks.ends[i]]),
    links: c.links.map((l) => [l.el, l.start, l.end]),
    scripts: c.scripts.map((s) => s.start),
  };
}

const own = (el: Element) => el.localName === 'govcheck-overlay';

describe('collector', () => {
  const files = readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html'));

  it.each(files)('walks %s exactly as the recursive definition does, in one go and in slices', (file) => {
    const doc = parseHtml(readFileSync(path.join(REAL_PAGES, file), 'utf8'), 'https://www.a.gov.cn/x.html');
    const want = reference(doc.body, own);
    expect(want.text.length).toBeGreaterThan(500);
    const whole = new Collector(doc.body, own);
    expect(whole.step()).toBe(true);
    expect(collected(whole)).toEqual(want);
    // a slice ends every 64 nodes: the walk resumes where it stopped
    const sliced = new Collector(doc.body, own);
    let slices = 1;
    while (!sliced.step(() => true)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(collected(sliced)).toEqual(want);
  });

  it('closes nested blocks that end together, empty blocks and blocks under inline elements', () => {
    const doc = parseHtml(
      '<body><table><tr><td>甲<p>乙</p></td><td></td></tr></table><span><div>丙</div>丁</span><!-- 注释 --><ul><li><a href="/a">戊</a></li></ul>己</body>',
      'https://www.a.gov.cn/',
    );
    const c = new Collector(doc.body, own);
    c.step();
    expect(collected(c)).toEqual(reference(doc.body, own));
    expect(c.text).toBe('甲\n乙\n丙\n丁\n戊\n己\n');
  });

  it('stops at the text limit with the text read so far, and walks an included frame body after the page', () => {
    const doc = parseHtml('<body><p>一二三四五</p><p>六七八九十</p><p>十一</p></body>', 'https://www.a.gov.cn/');
    const cut = new Collector(doc.body, own, 8);
    expect(cut.step()).toBe(true);
    expect(cut.truncated).toBe(true);
    expect(cut.text).toBe('一二三四五\n');

    const frame = parseHtml('<body><div>网站标识码：1234567890</div></body>', 'https://www.a.gov.cn/f.html');
    const c = new Collector(doc.body, own);
    c.step();
    c.include(frame.body);
    expect(c.step()).toBe(true);
    expect(c.text).toBe('一二三四五\n六七八九十\n十一\n网站标识码：1234567890\n');
    expect([c.blocks.els.at(-1), c.blocks.starts.at(-1), c.blocks.ends.at(-1)]).toEqual([frame.body, 15, c.text.length]);
  });
});
