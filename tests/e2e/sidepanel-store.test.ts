import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { startHarness, waitForScan, highlightTexts, tabIdOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const count = (h: Harness) => h.worker.evaluate(() => (globalThis as any).govcheck.counts());

describe('side panel, store and export', () => {
  it('lists the page findings, goes to one, keeps dismissals across visits, never duplicates, exports CSV', async () => {
    const page = await h.browser.context.newPage();
    const url = h.url('demo', 'xwdt/2026-11-18-hero.html');
    await page.goto(url);
    await waitForScan(page);
    const first = await count(h);

    const tabId = await tabIdOf(h.worker, page.url());
    expect(tabId).toBeGreaterThan(0);
    const panel = await h.browser.context.newPage();
    await panel.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${tabId}`);

    // grouped by severity: two vetoes and one deduction
    const pageList = panel.getByTestId('findings-page');
    await expect.poll(() => pageList.getByTestId('finding').count()).toBe(3);
    await expect.poll(() => panel.getByTestId('group-veto').getByTestId('finding').count()).toBe(2);
    const typo = pageList.locator('[data-rule="typo.known"]');
    expect(await typo.textContent()).toContain('烈土');

    // clicking a finding scrolls the page to it and flashes it
    await typo.locator('.finding-main').click();
    await expect.poll(() => highlightTexts(page, 'gc-active')).toEqual(['烈土']);

    // dismiss: the mark leaves the page at once, and stays dismissed after a revisit
    await typo.getByTestId('dismiss').click();
    // dismissed findings leave the list unless 显示已忽略 is ticked
    await expect.poll(() => typo.count()).toBe(0);
    await panel.getByText('显示已忽略').click();
    await expect.poll(() => typo.getAttribute('data-status')).toBe('dismissed');
    await expect.poll(() => highlightTexts(page, 'gc-deduct')).toEqual([]);
    await page.reload();
    await waitForScan(page);
    await page.waitForTimeout(300);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual([]);
    expect((await highlightTexts(page, 'gc-veto')).length).toBe(2);
    const again = await count(h);
    expect(again.findings).toBe(first.findings);
    const stored = await h.worker.evaluate((u) => (globalThis as any).govcheck.pageFindings(u), page.url());
    expect(stored.find((f: { ruleId: string }) => f.ruleId === 'typo.known').status).toBe('dismissed');
    expect(stored.every((f: { lastSeen: number; createdAt: number }) => f.lastSeen >= f.createdAt)).toBe(true);

    // the site view holds findings of other pages of the same site too
    const other = await h.browser.context.newPage();
    await other.goto(h.url('demo', 'xwdt/2026-11-10-meeting.html'));
    await waitForScan(other);
    await panel.getByTestId('view-site').click();
    await expect.poll(() => panel.getByTestId('findings-site').getByTestId('finding').count()).toBe(5); // 3 + 2: 显示已忽略 is ticked, so the dismissed one is listed

    // export this site's findings as CSV
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const file = await download.path();
    const csv = readFileSync(file!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['网站名称', '网站标识码', '首页网址', '页面地址']);
    const evidence = rows.map((r) => r[8]);
    expect(evidence).toContain('烈土');
    expect(evidence).toContain('党十九大');
    const typoRow = rows.find((r) => r[8] === '烈土')!;
    expect(typoRow[10]).toBe('已忽略');
    expect(typoRow[0]).toBe('示范县人民政府');
    expect(typoRow[1]).toBe('3609990001');
    await Promise.all([page.close(), other.close(), panel.close()]);
  });
});
