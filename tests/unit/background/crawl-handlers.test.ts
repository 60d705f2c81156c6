// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from './harness';
import { domParser } from '../../helpers/load-page';
import { serveFolder, type StaticServer } from '../../../cli/serve';
import type { CrawlState } from '../../../lib/crawl/types';

const CRAWL_SITE = path.resolve(import.meta.dirname, '../../fixtures/crawl-site');

let bg: Awaited<ReturnType<typeof startBackground>>;
beforeEach(async () => {
  bg = await startBackground();
});
afterEach(async () => {
  vi.restoreAllMocks();
  // not vi.unstubAllGlobals(): that would also take away WXT's fake `chrome`
  delete (globalThis as { DOMParser?: unknown }).DOMParser;
  await bg.close();
});

const stateOf = async (site: string) => (await fakeBrowser.storage.local.get(`crawl:${site}`))[`crawl:${site}`] as CrawlState | undefined;

describe('background: crawlStart / crawlCancel', () => {
  it('answers an error for a bad address, a non-web scheme and a site without the host grant', async () => {
    bg.modules.crawl.registerCrawlHandlers(bg.db);
    expect(await bg.send('crawlStart', { homeUrl: 'not a url' })).toEqual({ error: '网址无效：not a url' });
    expect(await bg.send('crawlStart', { homeUrl: 'ftp://www.yichun.gov.cn/' })).toEqual({ error: '只能检查 http/https 网站。' });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const denied = await bg.send('crawlStart', { homeUrl: 'https://www.yichun.gov.cn/' });
    expect(denied).toEqual({ error: expect.stringContaining('未获得访问 www.yichun.gov.cn 的权限') });
    expect(await bg.send('crawlCancel', 'www.yichun.gov.cn')).toBe(false);
    expect(await bg.db.pages.count()).toBe(0);
  });

  it('closes a crawl left running by a stopped worker as interrupted, keeping its checked rows', async () => {
    const cut: CrawlState = {
      site: 'www.yichun.gov.cn',
      homeUrl: 'https://www.yichun.gov.cn/',
      phase: 'crawling',
      startedAt: 1,
      total: 2,
      checked: 1,
      current: 'https://www.yichun.gov.cn/tzgg/',
      home: null,
      rows: [
        { url: 'https://www.yichun.gov.cn/xwdt/', name: '新闻动态', via: 'nav', verdict: 'fresh' },
        { url: 'https://www.yichun.gov.cn/tzgg/', name: '通知公告', via: 'nav', verdict: 'pending' },
      ],
      notes: [],
    };
    await fakeBrowser.storage.local.set({ 'crawl:www.yichun.gov.cn': cut, 'crawl:done.gov.cn': { ...cut, site: 'done.gov.cn', phase: 'done' } });
    bg.modules.crawl.registerCrawlHandlers(bg.db);
    await vi.waitFor(async () => expect((await stateOf('www.yichun.gov.cn'))?.phase).toBe('error'));
    const s = (await stateOf('www.yichun.gov.cn'))!;
    expect(s.error).toMatch(/^检查被中断/);
    expect(s.current).toBeNull();
    expect(s.rows.map((r) => r.verdict)).toEqual(['fresh', 'skipped']);
    expect((await stateOf('done.gov.cn'))!.phase).toBe('done');
  });

  it('crawls a loopback site through the handler: pages and findings stored in the active round, progress in storage', async () => {
    const server: StaticServer = await serveFolder(CRAWL_SITE);
    try {
      const home = `http://127.0.0.1:${server.port}/`;
      vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
      const closeOffscreen = vi.spyOn(fakeBrowser.offscreen, 'closeDocument').mockResolvedValue(undefined as never);
      // Node has no DOMParser: the crawl parses in place as Firefox's background page does
      (globalThis as { DOMParser?: unknown }).DOMParser = function DOMParser() {
        return domParser(home);
      };
      await fakeBrowser.storage.local.set({ settings: { today: '2026-11-23', activeRound: '2026年第四季度' } });
      bg.modules.crawl.registerCrawlHandlers(bg.db);
      expect(await bg.send('crawlStart', { homeUrl: home })).toEqual({ ok: true, site: '127.0.0.1' });
      expect(await bg.send('crawlStart', { homeUrl: home })).toEqual({ error: '本站的栏目检查正在进行中。' });
      await vi.waitFor(async () => expect((await stateOf('127.0.0.1'))?.phase).toBe('done'), { timeout: 30_000, interval: 200 });
      const s = (await stateOf('127.0.0.1'))!;
      expect(s.checked).toBeGreaterThan(3);
      const pages = await bg.db.pages.toArray();
      expect(pages.length).toBeGreaterThan(3);
      expect(pages.every((p) => p.rounds?.includes('2026年第四季度'))).toBe(true);
      const stale = await bg.db.findings.where('ruleId').equals('freshness.column-stale').toArray();
      expect(stale.map((f) => new URL(f.url).pathname)).toContain('/zcwj/index.html');
      expect(await bg.send('crawlCancel', '127.0.0.1')).toBe(false);
      // the offscreen document stays open after the crawl: it holds the typo word lists for the session
      expect(closeOffscreen).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  }, 40_000);
});
