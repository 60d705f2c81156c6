import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForScan, highlightTexts, tabIdOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // screenshots need <all_urls> or activeTab; a test cannot press the shortcut that grants activeTab
  h = await startHarness({ allHosts: true });
});
afterAll(async () => {
  await h?.close();
});

const api = <T>(fn: string, ...args: unknown[]) => h.worker.evaluate(([f, a]) => (globalThis as any).govcheck[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const overlay = (page: Page, id: string) => page.locator(`govcheck-overlay [data-testid="${id}"]`);

/** Selects the first occurrence of `word` inside the text node that holds `context`. */
function select(page: Page, context: string, word: string) {
  return page.evaluate(
    ([ctx, w]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        const i = t.data.indexOf(ctx);
        if (i < 0) continue;
        const at = i + ctx.indexOf(w);
        const r = document.createRange();
        r.setStart(t, at);
        r.setEnd(t, at + w.length);
        const sel = getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        return sel.toString();
      }
      return '';
    },
    [context, word] as const,
  );
}

async function openPanel(page: Page): Promise<Page> {
  const tabId = await tabIdOf(h.worker, page.url());
  const panel = await h.browser.context.newPage();
  await panel.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

describe('capture (标记问题)', () => {
  it('captures a selected 烈土 with a note: screenshot stored, thumbnail in the side panel', async () => {
    const page = await h.browser.context.newPage();
    const url = h.url('demo', 'xwdt/2026-11-18-hero.html');
    await page.goto(url);
    await waitForScan(page);

    expect(await select(page, '向革命烈土敬献', '烈土')).toBe('烈土');
    await overlay(page, 'capture-start').click();
    const dialog = overlay(page, 'capture-dialog');
    await dialog.waitFor();
    expect(await overlay(page, 'capture-evidence').textContent()).toBe('烈土');
    // pre-filled from the automatic typo finding at that spot
    expect(await overlay(page, 'capture-category').inputValue()).toBe('typo');
    expect(await overlay(page, 'capture-severity').inputValue()).toBe('deduct');
    expect(await overlay(page, 'capture-attach').isChecked()).toBe(true);
    await overlay(page, 'capture-note').fill('应为“烈士”，请网站主办单位更正');
    await overlay(page, 'capture-save').click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    const stored = await api<any[]>('pageFindings', page.url());
    const typo = stored.find((f) => f.ruleId === 'typo.known');
    expect(typo).toMatchObject({ note: '应为“烈士”，请网站主办单位更正', status: 'confirmed', evidence: '烈土' });
    expect(typo.screenshotId).toBeTruthy();
    // attached to the automatic finding: no second record of the same problem
    expect(stored.filter((f) => f.evidence === '烈土')).toHaveLength(1);
    const shots = await api<any[]>('screenshots', [typo.id]);
    expect(shots).toHaveLength(1);
    expect(shots[0]).toMatchObject({ type: 'image/png', id: typo.screenshotId });
    // cropped around the spot, not the whole 1280×900 viewport, yet with context around it
    expect(shots[0].width).toBeGreaterThanOrEqual(720);
    expect(shots[0].height).toBeGreaterThanOrEqual(360);
    expect(shots[0].width * shots[0].height).toBeLessThan(1280 * 900);
    expect(shots[0].size).toBeGreaterThan(1000);

    const panel = await openPanel(page);
    const item = panel.getByTestId('findings-page').locator('[data-rule="typo.known"]');
    await expect.poll(() => item.getByTestId('finding-note').textContent()).toContain('请网站主办单位更正');
    const img = item.getByTestId('finding-screenshot');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(shots[0].width);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalHeight)).toBe(shots[0].height);
    await expect.poll(() => item.getByTestId('status-select').inputValue()).toBe('confirmed');
    await Promise.all([page.close(), panel.close()]);
  });

  it('picks an element (hover outline, Esc cancels), stores a manual.capture finding that is re-found after a reload', async () => {
    const page = await h.browser.context.newPage();
    const url = h.url('demo', 'xwdt/2026-11-10-meeting.html');
    await page.goto(url);
    await waitForScan(page);
    const heading = page.locator('h1').first();
    const title = ((await heading.textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(4);

    // Esc leaves picking mode without a dialog
    await overlay(page, 'capture-start').click();
    await overlay(page, 'capture-hint').waitFor();
    await page.keyboard.press('Escape');
    await overlay(page, 'capture-hint').waitFor({ state: 'detached' });
    expect(await overlay(page, 'capture-dialog').count()).toBe(0);

    await overlay(page, 'capture-start').click();
    await heading.hover();
    await overlay(page, 'capture-outline').waitFor();
    await heading.click();
    await overlay(page, 'capture-dialog').waitFor();
    expect(await overlay(page, 'capture-attach').count()).toBe(0);
    expect(await overlay(page, 'capture-category').inputValue()).toBe('manual');
    await overlay(page, 'capture-category').selectOption('format');
    await overlay(page, 'capture-severity').selectOption('hint');
    await overlay(page, 'capture-note').fill('标题与正文不一致');
    await overlay(page, 'capture-save').click();
    await overlay(page, 'capture-dialog').waitFor({ state: 'detached', timeout: 15_000 });

    const find = async () => (await api<any[]>('pageFindings', page.url())).find((f) => f.ruleId === 'manual.capture');
    const manual = await find();
    expect(manual).toMatchObject({ source: 'manual', category: 'format', severity: 'hint', status: 'confirmed', note: '标题与正文不一致', anchor: 'text', round: '2026年第四季度' });
    expect(manual.quote.exact.replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''));
    expect((await api<any[]>('screenshots', [manual.id]))[0].size).toBeGreaterThan(1000);
    // painted at once as a 待复核 mark
    await expect.poll(() => highlightTexts(page, 'gc-hint')).toContain(manual.quote.exact);

    // a reload re-finds it by its quote: painted again and recorded as seen
    await page.reload();
    await waitForScan(page);
    await expect.poll(() => highlightTexts(page, 'gc-hint')).toContain(manual.quote.exact);
    await expect.poll(async () => (await find()).lastSeen).toBeGreaterThan(manual.lastSeen);

    const panel = await openPanel(page);
    const item = panel.getByTestId('findings-page').locator('[data-rule="manual.capture"]');
    const img = item.getByTestId('finding-screenshot');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('capture an automatic finding from the overlay list', () => {
  it('截图 on a missing-footer-mark finding attaches a screenshot of the footer and a note to it', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('demo', 'tzgg/2025-01-08-notice.html'));
    await waitForScan(page);
    await overlay(page, 'overlay-badge').click();
    const item = page.locator('govcheck-overlay [data-testid="overlay-item"]').filter({ hasText: '网站标识码' }).first();
    const severity = await item.getAttribute('data-severity');
    await item.getByTestId('overlay-capture').click();
    await overlay(page, 'capture-dialog').waitFor();
    expect(await overlay(page, 'capture-attach').isChecked()).toBe(true);
    expect(await overlay(page, 'capture-category').inputValue()).toBe('footer');
    expect(await overlay(page, 'capture-severity').inputValue()).toBe(severity);
    await overlay(page, 'capture-note').fill('页脚无网站标识码');
    await overlay(page, 'capture-save').click();
    await overlay(page, 'capture-dialog').waitFor({ state: 'detached', timeout: 15_000 });
    const stored = await api<any[]>('pageFindings', page.url());
    const f = stored.find((x) => x.note === '页脚无网站标识码');
    expect(f.ruleId).toMatch(/^footer\./);
    expect(f).toMatchObject({ note: '页脚无网站标识码', status: 'confirmed', source: 'auto', severity });
    const shots = await api<any[]>('screenshots', [f.id]);
    expect(shots.map((x) => x.id)).toEqual([f.screenshotId]);
    expect(stored.filter((x) => x.ruleId === 'manual.capture')).toHaveLength(0);
    await page.close();
  });
});

describe('capture without screenshot permission', () => {
  let plain: Harness;
  beforeAll(async () => {
    plain = await startHarness();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('still saves the note, says why there is no screenshot, and offers the grant in the side panel', async () => {
    const page = await plain.browser.context.newPage();
    await page.goto(plain.url('demo', 'xwdt/2026-11-18-hero.html'));
    await waitForScan(page);
    expect(await select(page, '向革命烈土敬献', '烈土')).toBe('烈土');
    await overlay(page, 'capture-start').click();
    await overlay(page, 'capture-note').fill('无截图也要保存');
    await overlay(page, 'capture-save').click();
    await overlay(page, 'capture-dialog').waitFor({ state: 'detached', timeout: 15_000 });
    // the panel opens with the reason
    expect(await page.locator('govcheck-overlay .gc-notes').textContent()).toContain('截图需要授权');
    const stored = await plain.worker.evaluate((u) => (globalThis as any).govcheck.pageFindings(u), page.url());
    const typo = stored.find((f: { ruleId: string }) => f.ruleId === 'typo.known');
    expect(typo).toMatchObject({ note: '无截图也要保存', status: 'confirmed' });
    expect(typo.screenshotId).toBeUndefined();

    const tabId = await tabIdOf(plain.worker, page.url());
    const panel = await plain.browser.context.newPage();
    await panel.goto(`chrome-extension://${plain.browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('capture-permission').waitFor();
    expect(await panel.getByTestId('findings-page').getByTestId('finding-screenshot').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });
});
