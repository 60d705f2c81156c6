import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, waitForScan, tabIdOf, SITES, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const api = <T>(fn: string, ...args: unknown[]) => h.worker.evaluate(([f, a]) => (globalThis as any).govcheck[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const HERO = 'xwdt/2026-11-18-hero.html';

async function openPanel(page: Page): Promise<Page> {
  const tabId = await tabIdOf(h.worker, page.url());
  const panel = await h.browser.context.newPage();
  await panel.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

describe('rounds and re-inspection (检查批次, 复查)', () => {
  it('marks 已整改, starts a new round, rescans the corrected page: 已整改 confirmed, the rest 仍存在; a relapse reopens', async () => {
    const page = await h.browser.context.newPage();
    const url = h.url('demo', HERO);
    await page.goto(url);
    await waitForScan(page);
    const panel = await openPanel(page);

    // the default round is the current quarter; the first scan's findings belong to it
    const roundSelect = panel.getByTestId('round-select');
    await expect.poll(() => roundSelect.inputValue()).toBe('2026年第四季度');
    const first = await api<any[]>('pageFindings', page.url());
    expect(first.length).toBe(3);
    expect(first.every((f) => f.round === '2026年第四季度')).toBe(true);

    // the inspector marks the typo 已整改 with the status select
    const typo = panel.getByTestId('findings-page').locator('[data-rule="typo.known"]');
    await typo.getByTestId('status-select').selectOption('fixed');
    await expect.poll(() => typo.getAttribute('data-status')).toBe('fixed');

    // a new round
    await panel.getByTestId('round-new-name').fill('2027年第一季度');
    await panel.getByTestId('round-new').click();
    await expect.poll(() => roundSelect.inputValue()).toBe('2027年第一季度');

    // before the rescan: everything of the previous round is 未复查
    const recheck = panel.getByTestId('recheck');
    await expect.poll(() => recheck.getByTestId('recheck-pending').textContent()).toBe('3');

    // the site corrected 革命烈土 → 革命烈士: serve the corrected page and rescan it
    const html = readFileSync(path.join(SITES.demo.dir, HERO), 'utf8');
    const fixed = html.replace('向革命烈土敬献', '向革命烈士敬献');
    expect(fixed).not.toBe(html);
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixed }));
    await page.reload();
    await waitForScan(page);

    // the recheck view re-renders from liveQuery as the rescan's writes land: poll each value
    await expect.poll(() => recheck.getByTestId('recheck-fixed').textContent()).toBe('1');
    await expect.poll(() => recheck.getByTestId('recheck-still').textContent()).toBe('2');
    await expect.poll(() => recheck.getByTestId('recheck-pending').textContent()).toBe('0');
    const fixedItem = recheck.locator('[data-testid="recheck-item"][data-rule="typo.known"]');
    await expect.poll(() => fixedItem.getAttribute('data-state')).toBe('fixed');
    await expect.poll(() => fixedItem.textContent()).toContain('已整改（复查确认）');
    const stillStates = () => recheck.locator('[data-testid="recheck-item"]:not([data-rule="typo.known"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    await expect.poll(stillStates).toEqual(['still', 'still']);
    const after = await api<any[]>('pageFindings', page.url());
    expect(after.find((f) => f.ruleId === 'typo.known')).toMatchObject({ status: 'fixed', seenIn: ['2026年第四季度'] });
    expect(after.filter((f) => f.ruleId !== 'typo.known').every((f) => f.seenIn.join() === '2026年第四季度,2027年第一季度')).toBe(true);
    const pages = await api<any[]>('pages');
    expect(pages.find((p) => p.url === page.url()).rounds).toEqual(['2026年第四季度', '2027年第一季度']);

    // the page relapses (the old text is back): the finding marked 已整改 is reopened and flagged
    await page.unroute(url);
    await page.reload();
    await waitForScan(page);
    await expect.poll(() => typo.getAttribute('data-status')).toBe('open');
    await expect.poll(() => typo.getByTestId('finding-reopened').count()).toBe(1);
    await expect.poll(() => fixedItem.getAttribute('data-state')).toBe('still');
    await Promise.all([page.close(), panel.close()]);
  });

  it('sets the status and a note of several findings at once, and edits a note', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('demo', 'xwdt/2026-11-10-meeting.html'));
    await waitForScan(page);
    const panel = await openPanel(page);
    const list = panel.getByTestId('findings-page');
    await expect.poll(() => list.getByTestId('finding').count()).toBe(2);

    const boxes = list.getByTestId('finding-select');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => panel.getByTestId('bulk-count').textContent()).toContain('2');
    await panel.getByTestId('bulk-status').selectOption('confirmed');
    await panel.getByTestId('bulk-note').fill('已截图报送');
    await panel.getByTestId('bulk-apply').click();
    await expect.poll(async () => (await api<any[]>('pageFindings', page.url())).map((f) => `${f.status}:${f.note}`)).toEqual(['confirmed:已截图报送', 'confirmed:已截图报送']);
    // the list re-renders from liveQuery after the write: poll, don't read once
    await expect.poll(() => list.locator('[data-status="confirmed"]').count()).toBe(2);

    // one note edited alone
    const one = list.getByTestId('finding').first();
    const id = await one.getAttribute('data-rule');
    await one.getByTestId('note-edit').click();
    await one.getByTestId('note-input').fill('主办单位已回复');
    await one.getByTestId('note-save').click();
    await expect.poll(() => list.locator(`[data-rule="${id}"]`).first().getByTestId('finding-note').textContent()).toBe('备注：主办单位已回复');
    await Promise.all([page.close(), panel.close()]);
  });
});
