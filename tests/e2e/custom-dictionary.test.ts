/**
 * The inspector's own dictionary: a pair added on the options page is painted on the next scan of
 * a page containing it; an exception phrase added afterwards removes the mark again.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForScan, highlightTexts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const HERO = 'xwdt/2026-11-18-hero.html';

async function scanHero(): Promise<{ count: number; deduct: string[]; page: Page }> {
  const page = await h.browser.context.newPage();
  await page.goto(h.url('demo', HERO));
  const count = await waitForScan(page);
  const deduct = await highlightTexts(page, 'gc-deduct');
  return { count, deduct, page };
}

describe('custom dictionary pairs and exceptions', () => {
  it('a pair added in the options page is highlighted at the next scan; an exception removes it', async () => {
    const before = await scanHero();
    expect(before.deduct).toEqual(['烈土']);
    await before.page.close();

    const opts = await h.browser.context.newPage();
    await opts.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await opts.locator('[data-testid="custom-wrong"]').fill('护坡加固');
    await opts.locator('[data-testid="custom-right"]').fill('边坡加固');
    await opts.locator('[data-testid="custom-add"]').click();
    await opts.getByText('已添加“护坡加固→边坡加固”').waitFor();
    expect(await opts.locator('[data-testid="custom-pairs"] li').allTextContents()).toEqual(['“护坡加固”→“边坡加固” 删除']);
    const stored = await h.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ today: '2026-11-23', customPairs: [{ wrong: '护坡加固', right: '边坡加固' }] });

    const withPair = await scanHero();
    expect(withPair.deduct.sort()).toEqual(['烈土', '护坡加固'].sort());
    expect(withPair.count).toBe(before.count + 1);
    await withPair.page.close();

    // a bad pair is refused with a Chinese message and stores nothing
    await opts.locator('[data-testid="custom-wrong"]').fill('烈士');
    await opts.locator('[data-testid="custom-right"]').fill('革命烈士');
    await opts.locator('[data-testid="custom-add"]').click();
    await opts.getByText('正确写法包含错误写法').waitFor();

    await opts.locator('[data-testid="exception-input"]').fill('完成了护坡加固');
    await opts.locator('[data-testid="exception-add"]').click();
    await opts.getByText('已添加例外“完成了护坡加固”').waitFor();

    const withException = await scanHero();
    expect(withException.deduct).toEqual(['烈土']);
    expect(withException.count).toBe(before.count);
    await withException.page.close();
    await opts.close();
  });
});
