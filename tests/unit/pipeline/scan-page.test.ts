/**
 * The one scan pipeline on the nine real pages (happy-dom documents): built page, rule results,
 * stored findings and ScanReport agree with each other and with the page context; one-shot and
 * chunked runs give the same report; the background stages run through the caller's transport.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml, REAL_PAGES } from '../../helpers/load-page';
import { scanPage } from '../../../lib/pipeline/scan-page';
import { siteNameOf } from '../../../lib/pipeline/site-name';
import { checkSpamHosts } from '../../../entrypoints/background/spam';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { isPaintOnly } from '../../../lib/rules/index';

const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };

const PAGES: [file: string, host: string, siteCode: string][] = [
  ['govcn-gazette-2007.html', 'www.gov.cn', 'bm01000001'],
  ['shanxi-news-2019.html', 'www.shanxi.gov.cn', '1400000045'],
  ['zjdpc-news-2016.html', 'www.zjdpc.gov.cn', '3300000020'],
  ['cmse-news-2012.html', 'www.cmse.gov.cn', ''],
  ['wanzai-bulletin-2015.html', 'www.wanzai.gov.cn', '3609220011'],
  ['wanzai-bulletin-2022.html', 'www.wanzai.gov.cn', '3609220011'],
  ['yichun-bulletin-2022.html', 'www.yichun.gov.cn', '3609000002'],
  ['yichun-jiangxi-bulletin-2022.html', 'www.yichun.gov.cn', '3609000002'],
  ['kepu-news-2023.html', 'www.kepu.gov.cn', ''],
];

function load(file: string, host: string) {
  const url = `https://${host}/art/${file}`;
  return { url, doc: parseHtml(readFileSync(path.join(REAL_PAGES, file), 'utf8'), url) };
}

describe('scanPage on real pages', () => {
  it.each(PAGES)('%s: report, findings and context agree', async (file, host, siteCode) => {
    const { url, doc } = load(file, host);
    const asked: string[][] = [];
    const scan = await scanPage(doc, {
      url,
      settings,
      background: { checkSpamHosts: (hosts) => (asked.push(hosts), checkSpamHosts(hosts)) },
    });
    const { built, results, reported, report } = scan;
    const page = built.model;
    expect(report.page).toMatchObject({ url: expect.stringContaining(host), site: host, pageType: page.pageType, pubDate: page.pubDate });
    expect(report.siteName).toBe(siteNameOf(page));
    expect(report.siteName.length).toBeGreaterThan(0);
    if (siteCode) expect(report.siteCode).toBe(siteCode);
    // every stored finding comes from a result, paint-only ones never stored
    expect(report.findings).toEqual(reported.map((r) => r.finding));
    expect(report.page.findingCount).toBe(report.findings.length);
    expect(reported.every((r) => results.includes(r.result) && !isPaintOnly(r.result.ruleId))).toBe(true);
    // these are old articles: never list pages, so no column status
    expect(['article', 'other']).toContain(page.pageType);
    expect(report.column).toBeNull();
    // the stage asked at most once, with the page's non-official external hosts
    expect(asked.length).toBeLessThanOrEqual(1);
    for (const h of asked.flat()) expect(h.endsWith('.gov.cn')).toBe(false);
    // real government pages link to no listed spam domain
    expect(results.some((r) => r.ruleId === 'links.spam')).toBe(false);
  });

  it('one-shot and chunked runs give the same findings', async () => {
    const [file, host] = PAGES[4]!;
    const a = load(file, host);
    const b = load(file, host);
    let yields = 0;
    const one = await scanPage(a.doc, { url: a.url, settings, background: {} });
    const chunked = await scanPage(b.doc, { url: b.url, settings, background: {}, yieldToPage: async () => void yields++ });
    expect(yields).toBeGreaterThan(5);
    expect(chunked.report.findings.map((f) => f.id)).toEqual(one.report.findings.map((f) => f.id));
    expect(chunked.built.model.pubDate).toBe(one.built.model.pubDate);
  });

  it('the stage findings join the report: a listed host is reported once', async () => {
    const url = 'https://www.example.gov.cn/art/1.html';
    const doc = parseHtml(
      '<html><head><title>文章 - 示例县人民政府</title></head><body><p>正文。</p><a href="http://www.000wyt.com/x">友情链接</a></body></html>',
      url,
    );
    const scan = await scanPage(doc, { url, settings, background: { checkSpamHosts } });
    const spam = scan.report.findings.filter((f) => f.ruleId === 'links.spam');
    expect(spam).toHaveLength(1);
    expect(spam[0]!.message).toContain('000wyt.com');
    expect(scan.report.siteName).toBe('示例县人民政府');
    // without a background the stage is skipped: no finding, no note
    const none = await scanPage(parseHtml(doc.documentElement.outerHTML, url), { url, settings, background: {} });
    expect(none.report.findings.some((f) => f.ruleId === 'links.spam')).toBe(false);
    expect(none.report.notes.join('')).not.toContain('违法网站名单');
  });
});

describe('the typo stage on a 繁体版 page', () => {
  it('tells the background the page is in traditional characters, and only then', async () => {
    const file = path.resolve(import.meta.dirname, '../../fixtures/footer/traditional.html');
    const told: unknown[] = [];
    const background = { detectTypos: (req: { traditionalPage?: boolean }) => (told.push(req.traditionalPage), []) };
    const url = 'https://www.nmg.gov.cn/t/traditional.html';
    await scanPage(parseHtml(readFileSync(file, 'utf8'), url), { url, settings, background });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((t) => t === true)).toBe(true);
    told.length = 0;
    const simplified = path.resolve(import.meta.dirname, '../../fixtures/footer/standard.html');
    await scanPage(parseHtml(readFileSync(simplified, 'utf8'), url), { url, settings, background });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((t) => t === false)).toBe(true);
  });
});
