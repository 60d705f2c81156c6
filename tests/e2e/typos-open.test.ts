/**
 * The open-vocabulary typo checks in real Chromium: the content script sends the page's text to
 * the background (message detectTypos), and the marks and overlay items of the answer appear with
 * the rest of the scan. The fixture holds two errors the curated dictionary also knows (再接再励,
 * 住房与城乡建设局: painted once, not twice), two only the typos stage finds (检檫, 人力资源与社会
 * 保障局), and the same names and words written correctly, which stay unmarked.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../../cli/serve';
import { ROOT, SITES, startHarness, waitForScan, highlightTexts, type Harness } from './harness';

let h: Harness;
let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder(path.join(ROOT, 'tests/fixtures/typos-open'));
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

// a *.gov.cn name the shared browsers map to loopback, on this file's own server
const url = (file: string) => `http://${SITES.demo.host}:${server.port}/${file}`;

describe('typos stage in the extension', () => {
  it('marks exactly the misspelt words, once each, and lists them in the overlay', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(url('article.html'));
    await waitForScan(page);
    expect((await highlightTexts(page, 'gc-deduct')).sort()).toEqual(['住房与城乡建设局', '人力资源与社会保障局', '再接再励', '检檫'].sort());
    for (const name of ['gc-veto', 'gc-hint']) expect(await highlightTexts(page, name), name).toEqual([]);

    await page.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
    const items = await page.locator('govcheck-overlay [data-testid="overlay-item"]').allTextContents();
    const about = (word: string) => items.filter((t) => t.includes(`“${word}”`));
    expect(about('检檫')).toHaveLength(1);
    expect(about('检檫')[0]).toContain('检察');
    expect(about('人力资源与社会保障局')).toHaveLength(1);
    expect(about('人力资源与社会保障局')[0]).toContain('机构名称');
    expect(about('再接再励')).toHaveLength(1);
    expect(about('住房与城乡建设局')).toHaveLength(1);
    expect(items).toHaveLength(4);
    await page.close();
  });

  it('keeps the word lists in the offscreen document: a page scanned after the service worker stopped is answered from the same lists', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(url('article.html'));
    await waitForScan(page);
    const worker = () => h.browser.context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${h.browser.extensionId}/`));
    const status = async () => (await worker()?.evaluate(() => (globalThis as any).govcheckTypos.offscreenStatus())) ?? null;
    const started = async () => (await worker()?.evaluate(() => performance.timeOrigin)) ?? null;
    const before = await status();
    const firstStart = await started();
    expect(before?.typoLoadedAt).toBeGreaterThan(0);
    // stop the worker, as Chromium does after 30 s idle
    const cdp = await h.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const again = await h.browser.context.newPage();
    await again.goto(url('article.html?after-stop'));
    await waitForScan(again);
    expect((await highlightTexts(again, 'gc-deduct')).sort()).toEqual(['住房与城乡建设局', '人力资源与社会保障局', '再接再励', '检檫'].sort());
    // a new worker answered this page …
    await expect.poll(started, { timeout: 10_000 }).not.toBe(firstStart);
    // … from the lists built for the first page: the same document answered
    expect(await status()).toEqual(before);
    await page.close();
    await again.close();
  });

  it('stores the stage findings under their own rule ids', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(url('article.html'));
    await waitForScan(page);
    const ruleIds = await h.worker.evaluate(async (u) => {
      const findings: { ruleId: string }[] = await (globalThis as any).govcheck.pageFindings(u);
      return findings.map((f) => f.ruleId).sort();
    }, url('article.html'));
    expect(ruleIds).toEqual(['name.body-variant', 'typo.known', 'typo.known', 'typo.word']);
    await page.close();
  });
});
