import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, waitForScan, highlightTexts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the extension on a *.gov.cn page', () => {
  it('paints planted typos and wrong expressions, and leaves look-alikes alone', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('demo', 'xwdt/2026-11-18-hero.html'));
    const count = await waitForScan(page);
    expect(count).toBe(3);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual(['烈土']);
    expect((await highlightTexts(page, 'gc-veto')).sort()).toEqual(['中国入民', '人民代表大人'].sort());
    // 剧烈土壤 contains 烈土 but must not be painted: the one painted range sits in 革命烈土
    const context = await page.evaluate(() => {
      const r = Array.from(CSS.highlights.get('gc-deduct') as unknown as Iterable<Range>)[0]!;
      return r.startContainer.textContent!.slice(Math.max(0, r.startOffset - 2), r.endOffset + 2);
    });
    expect(context).toContain('革命烈土');
    // the publish date is painted by age (fresh: 5 days before the pinned today)
    expect(await highlightTexts(page, 'gc-date-fresh')).toContain('2026-11-18 09:30');
    await page.close();
  });

  it('changes nothing in the page DOM but adds the one overlay host', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('demo', 'xwdt/2026-11-18-hero.html'));
    await waitForScan(page);
    const same = await page.evaluate(async () => {
      const src = await (await fetch(location.href)).text();
      const fresh = new DOMParser().parseFromString(src, 'text/html');
      const live = document.body.cloneNode(true) as HTMLElement;
      const hosts = live.querySelectorAll('govcheck-overlay');
      const hostCount = hosts.length;
      hosts.forEach((x) => x.remove());
      return { hostCount, equal: live.innerHTML.trim() === fresh.body.innerHTML.trim() };
    });
    expect(same).toEqual({ hostCount: 1, equal: true });
    await page.close();
  });

  it('lists missing footer marks in the overlay, and hovering a mark explains it', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('demo', 'tzgg/2025-01-08-notice.html'));
    await waitForScan(page);
    await page.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
    const items = await page.locator('govcheck-overlay [data-testid="overlay-item"]').allTextContents();
    expect(items.some((t) => t.includes('网站标识码'))).toBe(true);
    expect(items.some((t) => t.includes('公安'))).toBe(true);
    expect(items.some((t) => t.includes('找错'))).toBe(true);
    await page.close();

    const hero = await h.browser.context.newPage();
    await hero.goto(h.url('demo', 'xwdt/2026-11-18-hero.html'));
    await waitForScan(hero);
    const box = await hero.evaluate(() => {
      const r = Array.from(CSS.highlights.get('gc-deduct') as unknown as Iterable<Range>)[0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await hero.mouse.move(box.x, box.y);
    const tip = hero.locator('govcheck-overlay [data-testid="overlay-tooltip"]');
    await tip.waitFor({ timeout: 5000 });
    expect(await tip.textContent()).toContain('烈士');
    // next/previous navigation flashes the current mark
    await hero.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
    await hero.locator('govcheck-overlay [data-testid="overlay-next"]').click();
    expect((await highlightTexts(hero, 'gc-active')).length).toBe(1);
    await hero.close();
  });

  it('finds no footer problem on a real page with a complete footer, and the missing ones on an incomplete one', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('real', 'yichun-bulletin-2022.html'));
    await waitForScan(page);
    const footerFindings = await h.worker.evaluate(async (u) => {
      const list = await (globalThis as any).govcheck.pageFindings(u);
      return list.filter((f: { ruleId: string }) => f.ruleId.startsWith('footer.')).map((f: { ruleId: string }) => f.ruleId);
    }, page.url());
    expect(footerFindings).toEqual([]);

    await page.goto(h.url('real', 'cmse-news-2012.html'));
    await waitForScan(page);
    const cmse = await h.worker.evaluate(async (u) => {
      const list = await (globalThis as any).govcheck.pageFindings(u);
      return list.map((f: { ruleId: string }) => f.ruleId).sort();
    }, page.url());
    for (const id of ['footer.site-code', 'footer.police-record', 'footer.jiucuo', 'footer.conac-mark', 'footer.sitemap']) expect(cmse).toContain(id);
    expect(cmse).not.toContain('footer.icp');
    await page.close();
  });

  it('reads a 繁体版 page\'s footer in traditional characters: no false 未找到', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('footer', 'traditional.html'));
    await waitForScan(page);
    const ids: string[] = await h.worker.evaluate(async (u) => {
      const list = await (globalThis as any).govcheck.pageFindings(u);
      return list.map((f: { ruleId: string }) => f.ruleId);
    }, page.url());
    // the page was scanned and stored (it has no meta tags), and no footer mark is reported missing
    expect(ids).toContain('meta.missing');
    expect(ids.filter((id) => id.startsWith('footer.'))).toEqual([]);
    await page.close();
  });

  it('does not scan other sites by itself', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.plainUrl('demo', 'xwdt/2026-11-18-hero.html'));
    await page.waitForTimeout(1500);
    expect(await page.locator('govcheck-overlay').count()).toBe(0);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual([]);
    await page.close();
  });
});

describe('hostile pages', () => {
  it('scans pages that overwrite globals, have no body, use framesets or keep mutating, without throwing into them', async () => {
    const page = await h.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(h.url('hostile', 'prototype.html'));
    expect(await waitForScan(page)).toBeGreaterThan(0);
    // the page broke the main world's serialisation too, so read the result from the store
    const stored = await h.worker.evaluate((u) => (globalThis as any).govcheck.pageFindings(u), page.url());
    expect(stored.map((f: { evidence: string }) => f.evidence)).toContain('烈土');

    await page.goto(h.url('hostile', 'nobody.html'));
    expect(await waitForScan(page)).toBeGreaterThan(0);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual(['烈土']);

    await page.goto(h.url('hostile', 'frameset.html'));
    await waitForScan(page);
    const frameset = await h.worker.evaluate((u) => (globalThis as any).govcheck.scanUrl(u), page.url());
    expect(frameset.notes.join(' ')).toContain('框架');

    await page.goto(h.url('hostile', 'mutating.html'));
    await waitForScan(page);
    // the ticker mutates every 50 ms: rescans are debounced (at most one per 10 s while it goes on)
    await page.waitForTimeout(4000);
    const scans = await h.worker.evaluate(async (u) => {
      const g = (globalThis as any).govcheck;
      const f = await g.pageFindings(u);
      return { count: g.scanCount(u), typo: f.filter((x: { ruleId: string }) => x.ruleId === 'typo.known').length };
    }, page.url());
    expect(scans.count).toBeGreaterThanOrEqual(1);
    expect(scans.count).toBeLessThanOrEqual(2);
    expect(scans.typo).toBe(1);
    // page-owned errors only: none of ours ("page broke …" are the page's own throws, caught by it or not)
    expect(errors.filter((e) => !e.includes('page broke'))).toEqual([]);
    await page.close();
  });
});
