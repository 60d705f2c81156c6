/**
 * The crawl runs the pipeline's background stages too: a crawled page linking to a host on the
 * spam-domain list gets the links.spam finding the content script would report.
 */
import { describe, it, expect } from 'vitest';
import { domParser } from '../../helpers/load-page';
import { parseCrawledPage } from '../../../lib/crawl/parse';
import { checkSpamHosts } from '../../../entrypoints/background/spam';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const URL_ = 'http://www.crawl-county.gov.cn/xwdt/index.html';
const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };
// 000wyt.com is on lib/data/spam-domains.txt; the link text alone says nothing spammy
const HTML = `<html><head><title>新闻动态</title></head><body>
  <div class="list"><ul><li><a href="/a/1.html">全县秋粮收购工作有序推进</a><span>2026-11-20</span></li></ul></div>
  <div class="links"><a href="http://www.000wyt.com/">友情链接</a> <a href="https://www.gov.cn/">中国政府网</a></div>
  </body></html>`;

const input = { url: URL_, html: HTML, settings };

describe('crawl parse runs the spam-domain stage', () => {
  it('reports the link to the listed host, asking the background once with the non-official external hosts', async () => {
    const asked: string[][] = [];
    const p = await parseCrawledPage(input, domParser(URL_), {
      checkSpamHosts: async (hosts) => {
        asked.push(hosts);
        return checkSpamHosts(hosts);
      },
    });
    expect(asked).toEqual([['www.000wyt.com']]); // gov.cn hosts are never spam targets
    const spam = p.report.findings.filter((f) => f.ruleId === 'links.spam');
    expect(spam).toHaveLength(1);
    expect(spam[0]!.message).toContain('000wyt.com');
  });

  it('a background that fails leaves a note, not a failed parse', async () => {
    const p = await parseCrawledPage(input, domParser(URL_), {
      checkSpamHosts: async () => {
        throw new Error('Receiving end does not exist');
      },
    });
    expect(p.report.findings.some((f) => f.ruleId === 'links.spam')).toBe(false);
    expect(p.report.notes.join('')).toContain('违法网站名单');
  });
});
