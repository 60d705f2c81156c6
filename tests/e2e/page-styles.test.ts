/**
 * Issue 12: GovCheck adds no style to a page while it parses. The highlight rules arrive after
 * the scan, only for the names painted, in a sheet the page's own adopted sheets sit beside.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, waitForScan, highlightTexts, EXT, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Serves `html` at a *.gov.cn URL of the demo site (the content script's match applies). */
async function openHtml(name: string, html: string): Promise<Page> {
  const page = await h.browser.context.newPage();
  const url = h.url('demo', `generated/${name}.html`);
  await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  return page;
}

/** Every rule of every stylesheet that applies to the document, read in the page's main world. */
function documentRules(page: Page): Promise<{ adopted: string[][]; sheets: number; styleNodes: number }> {
  return page.evaluate(() => ({
    adopted: document.adoptedStyleSheets.map((s) => Array.from(s.cssRules, (r) => r.cssText)),
    sheets: document.styleSheets.length,
    styleNodes: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
  }));
}

describe('styles GovCheck adds to a page', () => {
  it('the built manifest puts nothing into pages while they load: no stylesheet, no declared script', () => {
    const mf = JSON.parse(readFileSync(path.join(EXT, 'manifest.json'), 'utf8')) as { content_scripts?: { css?: string[] }[]; host_permissions?: string[] };
    // the background injects the scanner after load (background/auto-scan.ts), which needs the host
    expect(mf.content_scripts ?? []).toEqual([]);
    expect(mf.host_permissions).toContain('*://*.gov.cn/*');
  });

  it('a scanned page with nothing to paint gets no stylesheet at all', async () => {
    const page = await openHtml('plain', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body><p>欢迎访问本站。</p></body></html>');
    await waitForScan(page);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual([]);
    expect(await documentRules(page)).toEqual({ adopted: [], sheets: 0, styleNodes: 0 });
    await page.close();
  });

  it('a page with a mark gets the rules of the painted names only, beside its own adopted sheet, and the mark paints', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title>
<script>const own = new CSSStyleSheet(); own.replaceSync('p { margin: 40px; font-size: 24px; }'); document.adoptedStyleSheets = [own];</script>
</head><body><p>清明节前夕，我县干部群众来到陵园缅怀革命烈土，敬献花篮。</p></body></html>`;
    const page = await openHtml('marked', html);
    await waitForScan(page);
    expect(await highlightTexts(page, 'gc-deduct')).toEqual(['烈土']);
    const { adopted } = await documentRules(page);
    expect(adopted).toHaveLength(2);
    expect(adopted[0]).toEqual(['p { margin: 40px; font-size: 24px; }']);
    expect(adopted[1]).toHaveLength(1);
    expect(adopted[1]![0]).toMatch(/^::highlight\(gc-deduct\) \{.*background-color/);

    // the mark is visible: the pixels under it change when the highlight is taken away
    const clip = await page.evaluate(() => {
      const r = Array.from(CSS.highlights.get('gc-deduct') as unknown as Iterable<Range>)[0]!;
      const b = r.getBoundingClientRect();
      return { x: Math.floor(b.left), y: Math.floor(b.top), width: Math.ceil(b.width) + 1, height: Math.ceil(b.height) + 4 };
    });
    const painted = await page.screenshot({ clip });
    await page.evaluate(() => CSS.highlights.delete('gc-deduct'));
    const bare = await page.screenshot({ clip });
    expect(painted.equals(bare)).toBe(false);
    await page.close();
  });
});
