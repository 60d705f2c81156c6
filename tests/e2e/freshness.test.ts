import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, waitForScan, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function overlayItems(file: string): Promise<{ count: number; items: string[] }> {
  const page = await h.browser.context.newPage();
  await page.goto(h.url('demo', file));
  const count = await waitForScan(page);
  await page.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
  const items = await page.locator('govcheck-overlay [data-testid="overlay-item"]').allTextContents();
  await page.close();
  return { count, items };
}

describe('column freshness in the browser (today pinned to 2026-11-23)', () => {
  it('flags the stale 通知公告 column and the blank 政策文件 column, not the fresh news column', async () => {
    const tzgg = await overlayItems('tzgg/index.html');
    expect(tzgg.items.some((t) => t.includes('通知公告') && t.includes('2025-01-08'))).toBe(true);
    const zcwj = await overlayItems('zcwj/index.html');
    expect(zcwj.items.some((t) => t.includes('暂无信息'))).toBe(true);
    const xwdt = await overlayItems('xwdt/index.html');
    expect(xwdt.items.filter((t) => t.includes('未更新') || t.includes('没有任何信息'))).toEqual([]);
  });

  it('a threshold changed on the options page applies to the next scan', async () => {
    const before = await overlayItems('tzgg/index.html');
    const id = new URL(h.worker.url()).host;
    const opts = await h.browser.context.newPage();
    await opts.goto(`chrome-extension://${id}/options.html`);
    const notice = opts.locator('[data-testid="freshness-noticeDays"]');
    await expect(notice.inputValue()).resolves.toBe('183');
    await notice.fill('800');
    await notice.dispatchEvent('change');
    await opts.locator('[data-testid="freshness-save"]').click();
    await opts.getByText('栏目更新期限已保存').waitFor();
    const stored = await h.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ today: '2026-11-23', freshness: { noticeDays: 800, newsDays: 14 } });

    const after = await overlayItems('tzgg/index.html');
    expect(after.count).toBe(before.count - 1);
    expect(after.items.some((t) => t.includes('2025-01-08') && t.includes('未更新'))).toBe(false);

    await opts.locator('[data-testid="freshness-reset"]').click();
    await opts.getByText('已恢复默认期限').waitFor();
    expect((await overlayItems('tzgg/index.html')).count).toBe(before.count);
    await opts.close();
  });
});
