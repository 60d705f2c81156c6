/**
 * The dashboard's 站点可访问性监测 timeline in real Chromium: probes seeded into the extension's
 * database through the worker, then the SVG strip read back (marks, hover text, rate) along with
 * the site verdict the availability veto gives, and the stop toggle.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, tabIdOf, waitForScan, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // allHosts: the panel's permission request is granted without a prompt (see crawl.test.ts)
  h = await startHarness({ allHosts: true });
});
afterAll(async () => {
  await h?.worker.evaluate(() => (globalThis as any).govcheck.clearAll());
  await h?.close();
});

const SITE = 'www.watch-test.gov.cn';
const HOUR = 3_600_000;

describe('dashboard: 站点可访问性监测', () => {
  it('draws one green or red mark per probe, the rate as text, and the 疑似 veto in the site row; stop freezes the watch', async () => {
    const now = Date.now();
    const startedAt = now - 40 * HOUR - HOUR / 2;
    // 40 hourly probes, every 10th a 503: 4 failures, 10 %
    const probes = Array.from({ length: 40 }, (_, i) => {
      const fail = i % 10 === 9;
      return { site: SITE, at: startedAt + (i + 1) * HOUR, ok: !fail, status: fail ? 503 : 200, ...(fail ? { error: 'server-error' } : {}), ms: 120 };
    });
    await h.worker.evaluate(
      ([site, startedAt, probes]) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('govcheck');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction(['sites', 'watches', 'probes'], 'readwrite');
            tx.objectStore('sites').put({ site, name: '监测测试县人民政府', siteCode: '', homeUrl: `https://${site}/`, firstSeen: startedAt, lastSeen: startedAt });
            tx.objectStore('watches').put({ site, homeUrl: `https://${site}/`, startedAt, endsAt: startedAt + 7 * 24 * 3_600_000 });
            for (const p of probes) tx.objectStore('probes').add(p);
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [SITE, startedAt, probes] as const,
    );

    const dash = await h.browser.context.newPage();
    await dash.goto(`chrome-extension://${h.browser.extensionId}/dashboard.html`);
    const row = dash.locator(`[data-testid="watch-row"][data-site="${SITE}"]`);
    await row.waitFor();
    const svg = row.getByTestId('watch-timeline');
    await expect.poll(() => svg.getByTestId('probe-ok').count()).toBe(36);
    expect(await svg.getByTestId('probe-fail').count()).toBe(4);
    expect(await svg.getByTestId('timeline-gap').count()).toBe(1);
    expect(await row.getByTestId('watch-rate').textContent()).toBe('访问 40 次，失败 4 次，失败率 10.0%');
    expect(await row.getByTestId('watch-state').textContent()).toBe('监测中');
    // hover text of a red mark: time and status
    const hover = await svg.getByTestId('probe-fail').first().locator('title').textContent();
    expect(hover).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 无法访问：服务器错误（5xx）（HTTP 503）/);
    // marks are placed in time order along the strip
    const xs = await svg.locator('[data-testid^="probe-"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs.at(-1)! / 560).toBeGreaterThan(0.2);
    expect(xs.at(-1)! / 560).toBeLessThan(0.3);

    // the site verdict: 10 % over 40 probes is a 疑似 站点无法访问 until the week is over
    const site = dash.locator(`[data-testid="site-row"][data-site="${SITE}"]`);
    await expect.poll(() => site.getByTestId('site-verdict').textContent()).toBe('疑似不合格');
    expect(await site.getByTestId('site-verdict').getAttribute('title')).toContain('站点无法访问（监测中）：首页已监测 40 次，无法访问 4 次（10.0%）');
    expect(await site.getByTestId('watch-toggle').textContent()).toBe('停止监测');

    // stop: the background records stoppedAt, the list says so and offers a restart
    await row.getByTestId('watch-toggle').click();
    await expect.poll(() => row.getByTestId('watch-state').textContent()).toBe('已停止');
    expect(await row.getByTestId('watch-toggle').textContent()).toBe('重新监测');
    const stopped = await h.worker.evaluate(
      (site) =>
        new Promise<any>((resolve, reject) => {
          const req = indexedDB.open('govcheck');
          req.onsuccess = () => {
            const get = req.result.transaction('watches').objectStore('watches').get(site);
            get.onsuccess = () => (req.result.close(), resolve(get.result));
            get.onerror = () => reject(get.error);
          };
        }),
      SITE,
    );
    expect(stopped.stoppedAt).toBeGreaterThanOrEqual(now);
    await dash.close();
  });

  it('side panel: 监测可访问性 arms a real alarm after a first probe; 检查首页指标 stores the home page hints', async () => {
    const home = h.url('demo', 'index.html');
    const site = new URL(home).hostname;
    const page = await h.browser.context.newPage();
    await page.goto(home);
    await waitForScan(page);
    const tabId = await tabIdOf(h.worker, page.url());
    const panel = await h.browser.context.newPage();
    await panel.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    const before = Date.now();
    await panel.getByTestId('watch-start').click();
    await expect.poll(() => panel.getByTestId('watch-status').textContent(), { timeout: 20_000 }).toBe('监测中：访问 1 次，失败 0 次，失败率 0.0%');
    const alarm = await h.worker.evaluate((name) => chrome.alarms.get(name), `watch:${site}`);
    expect(alarm!.scheduledTime - before).toBeGreaterThanOrEqual(60 * 60_000);
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(72 * 60_000);

    await panel.getByTestId('check-indicators').click();
    await expect.poll(() => panel.getByTestId('watch-message').first().textContent(), { timeout: 30_000 }).toMatch(/^首页指标检查完成：\d 个待复核问题。$/);
    const lines = await panel.getByTestId('watch-message').allTextContents();
    expect(lines.slice(1).map((l) => l.split('：')[0])).toEqual(['站内搜索', '年度报表', 'HTTPS']);
    const found = await h.worker.evaluate((s) => (globalThis as any).govcheck.siteFindings(s), site) as { ruleId: string; severity: string; url: string }[];
    const hints = found.filter((f) => f.ruleId.startsWith('indicator.'));
    expect(hints.length).toBe(Number(/(\d) 个/.exec(lines[0]!)![1]));
    // the demo site is served over http only: no TLS on port 443
    expect(hints.find((f) => f.ruleId === 'indicator.https')).toMatchObject({ severity: 'hint', url: new URL(home).origin + '/' });

    await panel.getByTestId('watch-start').click();
    await expect.poll(() => panel.getByTestId('watch-status').textContent()).toMatch(/^已停止/);
    expect(await h.worker.evaluate((name) => chrome.alarms.get(name), `watch:${site}`)).toBeUndefined();
    await panel.close();
    await page.close();
  });
});
