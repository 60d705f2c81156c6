// @vitest-environment node
/**
 * findFooter reads only the stretch of the block list whose ends can hold the last marker (ends
 * never decrease, as blocks are listed when they close): the same region as a scan of every block,
 * on the real pages and on a generated 2 MB page with a footer.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml, REAL_PAGES } from '../../helpers/load-page';
import { Collector } from '../../../lib/scan/collect';
import { findFooter, firstEndAfter } from '../../../lib/scan/footer';
import { generateGovPage } from '../../bench/gen-page';

function collected(html: string) {
  const doc = parseHtml(html, 'https://www.example.gov.cn/');
  const c = new Collector(doc.body ?? doc.documentElement);
  while (!c.step());
  return c;
}

describe('findFooter over the blocks that can hold the marker', () => {
  it('block ends never decrease', () => {
    for (const f of readdirSync(REAL_PAGES).filter((x) => x.endsWith('.html'))) {
      const { blocks } = collected(readFileSync(path.join(REAL_PAGES, f), 'utf8'));
      for (let i = 1; i < blocks.ends.length; i++) expect(blocks.ends[i]! >= blocks.ends[i - 1]!, f).toBe(true);
    }
  });

  it('firstEndAfter is the first end past the position', () => {
    const ends = [3, 3, 5, 9, 9, 12];
    for (let pos = -1; pos <= 13; pos++) expect(firstEndAfter(ends, pos)).toBe(ends.findIndex((e) => e > pos) < 0 ? ends.length : ends.findIndex((e) => e > pos));
  });

  it('finds the region a scan of every block finds, on the real pages and a generated 2 MB page', () => {
    const pages = readdirSync(REAL_PAGES).filter((x) => x.endsWith('.html')).map((f) => [f, readFileSync(path.join(REAL_PAGES, f), 'utf8')] as const);
    pages.push(['generated', generateGovPage().html]);
    let found = 0;
    for (const [name, html] of pages) {
      const c = collected(html);
      const region = findFooter(c.text, c.blocks);
      // every block, in list order, as findFooter did before: the named footer block around the
      // last marker, else the largest small one
      const markers = ['网站标识码', '公网安备', 'ICP备', 'ICP证', '网站地图', '站点地图', '违法和不良信息举报', '主办单位', '主办：', '主办:', '版权所有'];
      const tailFrom = Math.max(0, c.text.length - 30000);
      const last = Math.max(...markers.map((m) => c.text.lastIndexOf(m)).filter((i) => i >= tailFrom), -1);
      if (last < 0) {
        expect(region, name).toBeNull();
        continue;
      }
      let named: [number, number] | null = null;
      let largest: [number, number] | null = null;
      for (let i = 0; i < c.blocks.els.length; i++) {
        const [s, e] = [c.blocks.starts[i]!, c.blocks.ends[i]!];
        if (s > last || e <= last || e - s > 12000) continue;
        const el = c.blocks.els[i]!;
        const footerish = el.tagName === 'FOOTER' || /(^|[-_\s])(foot|footer|bottom|copyright|banquan|dibu)/i.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`);
        if (footerish && (!named || e - s > named[1] - named[0])) named = [s, e];
        if (e - s <= 6000 && (!largest || e - s > largest[1] - largest[0])) largest = [s, e];
      }
      const want = named ?? largest;
      if (want) {
        expect([region?.start, region?.end], name).toEqual(want);
        found++;
      }
    }
    expect(found).toBeGreaterThan(5);
  });
});
