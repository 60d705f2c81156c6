/**
 * The crawl over the fixture site with a fake network: discovery through nav, 更多 and the site
 * map, the 404, the PDF, the off-site redirect, saving each checked page, the verdict, cancel.
 */
import { domParser } from '../../helpers/load-page';
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SiteCrawl, type CrawlDeps } from '../../../lib/crawl/crawl';
import { parseCrawledPage } from '../../../lib/crawl/parse';
import { columnVerdict } from '../../../lib/verdict/columns';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { checkSpamHosts } from '../../../entrypoints/background/spam';
import type { FetchOutcome, ParsedPage } from '../../../lib/crawl/types';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/crawl-site');
const HOME = 'http://www.crawl-county.gov.cn/';
const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };
const parser = () => domParser(HOME);

/** The fixture folder as a fake network (what tests/e2e/crawl-server.ts serves for real). */
function fakeNet(delay = 0) {
  const fetched: string[] = [];
  const fetch = async (url: string, signal: AbortSignal): Promise<FetchOutcome> => {
    fetched.push(url);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (signal.aborted) return { kind: 'error', url, message: '已取消' };
    const p = new URL(url).pathname;
    if (p === '/go/yjzx') return { kind: 'offsite', url, to: 'http://www.elsewhere.gov.cn/' };
    let file = path.join(DIR, p.endsWith('/') ? p + 'index.html' : p);
    if (!existsSync(file) || !statSync(file).isFile()) return { kind: 'error', url, status: 404, message: 'HTTP 404' };
    if (file.endsWith('.pdf')) return { kind: 'not-html', url, contentType: 'application/pdf' };
    return { kind: 'html', url, html: readFileSync(file, 'utf8'), status: 200 };
  };
  return { fetch, fetched };
}

function deps(net: ReturnType<typeof fakeNet>, saved: ParsedPage[], over: Partial<CrawlDeps> = {}): CrawlDeps {
  const p = parser();
  return {
    homeUrl: HOME,
    fetch: net.fetch,
    parse: async (url, html) => parseCrawledPage({ url, html, settings }, p, { checkSpamHosts }),
    save: async (page) => void saved.push(page),
    verdict: (cols, home) => columnVerdict(cols, home ?? undefined),
    onProgress: () => undefined,
    limits: { perHost: 2, delayMs: 0, maxColumns: 400 },
    ...over,
  };
}

describe('SiteCrawl', () => {
  it('crawls every column once and judges each; the site verdict is 栏目不更新', async () => {
    const net = fakeNet();
    const saved: ParsedPage[] = [];
    const progress: number[] = [];
    const s = await new SiteCrawl(deps(net, saved, { onProgress: (st) => progress.push(st.checked) })).run();
    expect(s.phase).toBe('done');
    const by = Object.fromEntries(s.rows.map((r) => [r.url.replace(HOME, ''), r]));
    expect(by['xwdt/zwyw/index.html']!.verdict).toBe('fresh');
    expect(by['xwdt/bmdt/index.html']!.verdict).toBe('stale');
    expect(by['zcjd/index.html']!.verdict).toBe('blank');
    expect(by['hdjl/zxft/index.html']!.via).toBe('sitemap'); // only the site map links it
    expect(by['ztzl/index.html']).toMatchObject({ verdict: 'error', httpStatus: 404 });
    expect(by['files/bszn.pdf']).toMatchObject({ verdict: 'skipped', note: expect.stringContaining('PDF') });
    expect(by['go/yjzx']).toMatchObject({ verdict: 'skipped', note: expect.stringContaining('www.elsewhere.gov.cn') });
    expect(by['zfgk/gk.html']).toMatchObject({ verdict: 'skipped', note: expect.stringContaining('文章页') });
    expect(s.rows.filter((r) => r.verdict === 'stale').length).toBe(7);
    expect(s.rows.filter((r) => r.verdict === 'fresh').length).toBe(5);
    expect(s.total).toBe(18); // 16 from the home page + 2 only in the site map
    expect(s.checked).toBe(18);
    expect(s.verdict!.columnsStale).toBe(true);
    expect(s.verdict!.counts.keyStale).toBe(5);
    expect(s.home?.status).toBe('fresh');
    // each URL fetched once, though nav, 更多 and the site map all link the same columns
    expect(new Set(net.fetched).size).toBe(net.fetched.length);
    expect(net.fetched).not.toContain(HOME + 'files/bszn.pdf');
    // home, site map and every HTML column saved through the store
    expect(saved.length).toBe(1 + 1 + 15 + 1); // + the article page, saved like any scan
    expect(Math.max(...progress)).toBe(18);
  });

  it('a cancelled crawl keeps what was checked and marks the rest unchecked', async () => {
    const net = fakeNet(20);
    const saved: ParsedPage[] = [];
    const crawl = new SiteCrawl(
      deps(net, saved, {
        onProgress: (st) => {
          if (st.checked === 4) crawl.cancel();
        },
      }),
    );
    const s = await crawl.run();
    expect(s.phase).toBe('cancelled');
    const checked = s.rows.filter((r) => ['fresh', 'stale', 'blank', 'no-date', 'error'].includes(r.verdict) || (r.verdict === 'skipped' && !/取消/.test(r.note ?? '')));
    expect(checked.length).toBeGreaterThanOrEqual(4);
    expect(s.rows.some((r) => r.verdict === 'skipped' && /取消/.test(r.note ?? ''))).toBe(true);
    expect(s.rows.every((r) => r.verdict !== 'pending')).toBe(true);
    expect(saved.length).toBeGreaterThanOrEqual(4);
    expect(net.fetched.length).toBeLessThan(20);
  });

  it('a home page that cannot be opened ends the crawl with a clear error', async () => {
    const s = await new SiteCrawl(
      deps(fakeNet(), [], { fetch: async (url) => ({ kind: 'error', url, message: '无法访问：ERR_NAME_NOT_RESOLVED' }) }),
    ).run();
    expect(s.phase).toBe('error');
    expect(s.error).toContain('无法打开首页');
    expect(s.rows).toEqual([]);
  });

  it('a page that fails to parse is a row with a note, not a crash', async () => {
    const net = fakeNet();
    const real = deps(net, []);
    const s = await new SiteCrawl({
      ...real,
      parse: async (url, html) => {
        if (url.includes('gzdt')) throw new Error('bad html');
        return real.parse(url, html);
      },
    }).run();
    const row = s.rows.find((r) => r.url.includes('gzdt'))!;
    expect(row.verdict).toBe('error');
    expect(row.note).toContain('解析失败');
    expect(s.phase).toBe('done');
  });
});
