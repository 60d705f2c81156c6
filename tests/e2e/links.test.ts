/**
 * Dead links in real Chromium: a loopback site under a *.gov.cn name with a live link, a 404, a
 * soft 404, a 403, a PDF answered with an HTML error page and a broken image. The side panel's
 * 检查链接 runs the background's checker; the marks sit after the right links, the overlay and
 * the side panel list them, a second visit is answered from the cache, 重新检查链接 clears it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { ROOT, CRAWL_HOSTS, connectShared, waitForScan, tabIdOf } from './harness';
import { serveCrawlSite } from './crawl-server';
import { generateCountySite } from '../bench/gen-site';
import type { LaunchedBrowser } from '../../cli/browser';

const DIR = path.join(ROOT, 'tests/fixtures/links-site');
// a *.gov.cn name the shared browsers already map to loopback; this file serves its own site on it
const HOST = CRAWL_HOSTS.elsewhere;

interface Seen {
  path: string;
  method: string;
}

let seen: Seen[] = [];
let server: http.Server;
let port = 0;
let browser: LaunchedBrowser;

function serve(): Promise<void> {
  server = http.createServer(async (req, res) => {
    const p = new URL(req.url || '/', 'http://x').pathname;
    seen.push({ path: p, method: req.method || '' });
    if (p === '/forbidden.html') return void res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end('<title>403 Forbidden</title><h1>Forbidden</h1>');
    if (p === '/files/plan.pdf') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>系统错误</title></head><body>文件读取失败</body></html>');
    }
    const file = path.join(DIR, p === '/' ? 'index.html' : p);
    try {
      if (!file.startsWith(DIR) || !file.endsWith('.html')) throw new Error('no');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<title>404 Not Found</title><h1>Not Found</h1>');
    }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), r())));
}

beforeAll(async () => {
  await serve();
  browser = await connectShared();
});
afterAll(async () => {
  await browser?.close();
  // keep-alive connections of the browser would hold close() open for a minute
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

const url = (p: string) => `http://${HOST}:${port}${p}`;
/** requests for a path the page itself never loads (only the extension's checker asks for it) */
const checks = (p: string) => seen.filter((s) => s.path === p).length;

async function marks(page: Page): Promise<Record<string, { verdict: string; symbol: string; title: string; left: number; top: number }>> {
  const list = await page.locator('govcheck-overlay [data-testid="link-mark"]').evaluateAll((els) =>
    els.map((e) => ({
      url: e.getAttribute('data-url') || '',
      verdict: e.getAttribute('data-verdict') || '',
      symbol: e.textContent || '',
      title: e.getAttribute('title') || '',
      left: e.getBoundingClientRect().left,
      top: e.getBoundingClientRect().top,
    })),
  );
  return Object.fromEntries(list.map((m) => [new URL(m.url).pathname, m]));
}

async function openPanel(page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser.worker, page.url());
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

const progressDone = (page: Page) =>
  expect.poll(async () => (await page.locator('govcheck-overlay [data-testid="link-progress"]').textContent().catch(() => '')) ?? '', { timeout: 30_000 }).toMatch(/^链接检查 (\d+)\/\1$/);

describe('link check on the viewed page', () => {
  it('marks the dead and doubtful links, lists them, caches them, and 重新检查 clears the cache', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/index.html'));
    await waitForScan(page);
    // nothing is checked until asked (the switch is off by default)
    expect(checks('/missing.html')).toBe(0);

    const panel = await openPanel(page);
    await panel.locator('[data-testid="links-check"]').click();
    await expect.poll(() => panel.locator('[data-testid="links-message"]').textContent(), { timeout: 30_000 }).toMatch(/已检查 6 个链接：不可用 4 个，待复核 1 个/);
    await progressDone(page);

    // ✗ after the 404, the soft 404, the PDF error page and the broken image; ? after the 403; none after the live link
    const m = await marks(page);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.symbol]))).toEqual({
      '/missing.html': '✗',
      '/soft404.html': '✗',
      '/forbidden.html': '?',
      '/files/plan.pdf': '✗',
      '/img/missing.png': '✗',
    });
    expect(m['/missing.html']!.title).toContain('HTTP 状态：404');
    expect(m['/forbidden.html']!.title).toContain('待复核');
    expect(m['/missing.html']!.title).toMatch(/检查时间：/);
    // drawn right after the link's box, in the overlay (nothing added to the page's own DOM)
    const box = await page.locator('#missing').boundingBox();
    expect(Math.abs(m['/missing.html']!.left - (box!.x + box!.width + 2))).toBeLessThanOrEqual(2);
    expect(Math.abs(m['/missing.html']!.top + 8 - (box!.y + box!.height / 2))).toBeLessThanOrEqual(2);
    // (querySelectorAll does not enter the overlay's shadow root, unlike Playwright's locators)
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid="link-mark"]').length)).toBe(0);
    // it follows the page when it scrolls
    await page.setViewportSize({ width: 800, height: 200 });
    await page.evaluate(() => window.scrollTo(0, 60));
    await expect.poll(async () => (await marks(page))['/missing.html']!.top).toBeCloseTo((await page.locator('#missing').boundingBox())!.y + (await page.locator('#missing').boundingBox())!.height / 2 - 8, -0.5);

    // stored findings: evidence is the URL, the message the status or error
    const stored: { ruleId: string; evidence: string; message: string; anchor: string }[] = await browser.worker.evaluate((u) => (globalThis as any).govcheck.pageFindings(u), page.url());
    const links = stored.filter((f) => f.ruleId.startsWith('links.'));
    expect(links.map((f) => [f.ruleId, new URL(f.evidence).pathname]).sort()).toEqual(
      [
        ['links.dead', '/files/plan.pdf'],
        ['links.dead', '/img/missing.png'],
        ['links.dead', '/missing.html'],
        ['links.dead', '/soft404.html'],
        ['links.suspect', '/forbidden.html'],
      ].sort(),
    );
    const msg = (p: string) => links.find((f) => f.evidence.endsWith(p))!.message;
    expect(msg('/missing.html')).toContain('链接无法访问（HTTP 404）');
    expect(msg('/soft404.html')).toContain('页面提示不存在');
    expect(msg('/files/plan.pdf')).toContain('附件返回了错误网页');
    expect(msg('/forbidden.html')).toContain('HTTP 403');
    expect(links.find((f) => f.evidence.endsWith('/missing.html'))!.anchor).toBe('element');

    // the overlay lists them; the side panel counts the home page's apart
    await page.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
    const items = await page.locator('govcheck-overlay [data-testid="overlay-item"]').allTextContents();
    expect(items.some((t) => t.includes('链接无法访问（HTTP 404）'))).toBe(true);
    await expect.poll(() => panel.locator('[data-testid="links-home"]').textContent()).toBe('4');
    expect(await panel.locator('[data-testid="links-other"]').textContent()).toBe('0');
    await panel.locator('[data-testid="view-page"]').click();
    expect(await panel.locator('[data-testid="findings-page"]').textContent()).toContain('链接无法访问（HTTP 404）');

    // a second visit within 24 h: answered from the cache, the server sees no second check
    // (the image is left out: the page loads it itself on every visit)
    const before = { missing: checks('/missing.html'), pdf: checks('/files/plan.pdf'), soft: checks('/soft404.html') };
    expect(before.missing).toBeGreaterThan(0);
    await browser.worker.evaluate(() => chrome.storage.local.set({ 'govcheck.linksAuto': true }));
    await page.reload();
    await waitForScan(page);
    await progressDone(page);
    await expect.poll(async () => Object.keys(await marks(page)).length).toBe(5);
    expect({ missing: checks('/missing.html'), pdf: checks('/files/plan.pdf'), soft: checks('/soft404.html') }).toEqual(before);

    // 重新检查链接: the cache of the page's links is cleared, each is fetched again
    await panel.locator('[data-testid="links-recheck"]').click();
    await expect.poll(() => checks('/missing.html'), { timeout: 30_000 }).toBeGreaterThan(before.missing);
    await expect.poll(() => checks('/files/plan.pdf'), { timeout: 30_000 }).toBeGreaterThan(before.pdf);
    await expect.poll(() => panel.locator('[data-testid="links-message"]').textContent(), { timeout: 30_000 }).toMatch(/不可用 4 个/);
    await panel.close();
    await page.close();
  });
});

// async, not spawnSync: this file's loopback server must keep answering while the CLI runs
function scanCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run scan -- --links', () => {
  it('checks the links of the scanned page through the extension; the JSON carries URL and status', async () => {
    const r = await scanCli(['--format', 'json', '--no-out', '--links', '--today', '2026-11-23', '--resolve', HOST, url('/index.html')]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const page = json.pages[0];
    const links = page.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('links.') && f.ruleId !== 'links.spam' && f.ruleId !== 'links.hidden');
    const by = (p: string) => links.find((f: { evidence: string }) => f.evidence === url(p));
    expect(links).toHaveLength(5);
    expect(by('/missing.html')).toMatchObject({ ruleId: 'links.dead', severity: 'deduct' });
    expect(by('/missing.html').message).toContain('HTTP 404');
    expect(by('/img/missing.png').message).toContain('图片无法访问（HTTP 404）');
    expect(by('/files/plan.pdf').message).toContain('附件返回了错误网页');
    expect(by('/forbidden.html')).toMatchObject({ ruleId: 'links.suspect', severity: 'hint' });
    expect(by('/live.html')).toBeUndefined();
    expect(page.notes.join(' ')).toMatch(/链接检查：6 个链接，不可用 4 个，待复核 1 个/);
  }, 200_000);
});

describe('检查全站链接 on top of the column crawl', () => {
  it('checks every link of the crawled pages once, lists each dead URL once with its pages, exports the findings', async () => {
    // a small generated county site: two columns whose eight article links each lead nowhere (404),
    // and a navigation bar every page repeats (each URL linked from several pages, checked once)
    const siteDir = mkdtempSync(path.join(os.tmpdir(), 'govcheck-site-links-'));
    generateCountySite(siteDir, { pages: 3, name: '链接测试县人民政府', code: '3609990088' });
    const crawlServer = await serveCrawlSite(siteDir);
    const all = await connectShared({ allHosts: true });
    try {
      const home = `http://${CRAWL_HOSTS.site}:${crawlServer.port}/`;
      const page = await all.context.newPage();
      await page.goto(home);
      await waitForScan(page);
      const crawled = await all.worker.evaluate((u) => (globalThis as any).govcheckCrawl.crawl(u), home);
      expect(crawled.phase).toBe('done');
      const tabId = await tabIdOf(all.worker, page.url());
      const panel = await all.context.newPage();
      await panel.goto(`chrome-extension://${all.extensionId}/sidepanel.html?tabId=${tabId}`);
      const start = crawlServer.log.length;
      await panel.getByTestId('site-links-start').click();
      await expect.poll(() => panel.getByTestId('site-links-progress').textContent(), { timeout: 60_000 }).toMatch(/^已完成：页面 \d+ 个/);
      const text = (await panel.getByTestId('site-links-progress').textContent()) ?? '';
      const [, pages, done, total, dead] = /页面 (\d+) 个，链接 (\d+)\/(\d+)，不可用 (\d+) 个/.exec(text)!.map(Number);
      expect(pages).toBeGreaterThan(1);
      expect(done).toBe(total);
      // the columns' article links lead nowhere (404s)
      expect(dead).toBeGreaterThan(0);
      // each URL once, however many pages link it (a check may take a HEAD and a GET)
      expect(crawlServer.log.length - start).toBeLessThanOrEqual(2 * total!);
      const items = await panel.getByTestId('site-links-dead-item').allTextContents();
      expect(items).toHaveLength(dead!);
      const stored: { ruleId: string; evidence: string }[] = await all.worker.evaluate((s) => (globalThis as any).govcheck.siteFindings(s), CRAWL_HOSTS.site);
      const deadUrls = [...new Set(stored.filter((f) => f.ruleId === 'links.dead').map((f) => f.evidence))];
      expect(deadUrls).toHaveLength(dead!);
      expect(await all.worker.evaluate((s) => (globalThis as any).govcheck.csv(s), CRAWL_HOSTS.site)).toContain('不可用链接');
      await panel.close();
      await page.close();
    } finally {
      await all.close();
      await crawlServer.close();
      rmSync(siteDir, { recursive: true, force: true });
    }
  }, 200_000);
});
