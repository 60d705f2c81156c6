import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startHarness, type Harness, scanPages, storeScreenshot } from './harness';
import { siteVerdict } from '../../lib/verdict/index';
import type { Finding } from '../../lib/types';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-dash-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const SITE = 'www.demo-county.gov.cn';
// a real 4×3 PNG
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGP4z8AARww4OQD1MQv1NXv7ggAAAABJRU5ErkJggg==';

const gc = <T>(fn: string, ...args: unknown[]) =>
  h.worker.evaluate(([f, a]) => (globalThis as any).govcheck[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const byId = (l: Finding[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : 1));

async function download(page: Page, testid: string): Promise<Buffer> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`no download from ${testid}: ${await page.getByTestId('message').textContent().catch(() => '')} (${e})`);
    }),
    page.getByTestId(testid).click(),
  ]);
  return readFileSync((await d.path())!);
}

describe('dashboard, exports and import', () => {
  it('lists the demo site with its verdict and score, drills down to a screenshot, exports ZIP / annex / JSON and imports it back', async () => {
    await scanPages(h, 'demo', ['index.html', 'xwdt/2026-11-18-hero.html']);
    const stored = await gc<Finding[]>('siteFindings', SITE);
    const typo = stored.find((f) => f.ruleId === 'typo.known' && f.evidence === '烈土')!;
    expect(typo).toBeDefined();
    // a screenshot row for the typo, written straight into the extension's database
    await storeScreenshot(h.worker, { id: 'e2e-shot', findingId: typo.id, pngBase64: PNG_B64, width: 4, height: 3 });

    const dash = await h.browser.context.newPage();
    await dash.goto(`chrome-extension://${h.browser.extensionId}/dashboard.html`);
    const row = dash.locator(`[data-testid="site-row"][data-site="${SITE}"]`);
    await row.waitFor();
    // the verdict and score the lib computes from the stored findings, independently of the dashboard's index path
    const want = siteVerdict(stored);
    expect(want.verdict).toBe('疑似不合格'); // the demo pages carry unconfirmed political-expression vetoes
    await expect.poll(() => row.getByTestId('site-verdict').textContent()).toBe(want.verdict);
    await expect.poll(() => row.getByTestId('site-score').textContent()).toBe(want.score.toFixed(2));
    await expect.poll(() => row.getByTestId('site-code').textContent()).toBe('3609990001');
    await expect.poll(() => row.locator('td').first().textContent()).toBe('示范县人民政府');
    await expect.poll(() => dash.getByTestId('score-chart').getByTestId('chart-bar').count()).toBe(1);

    // drill-down: the typo with its thumbnail, decoded by the browser
    await row.getByTestId('site-open').click();
    const item = dash.locator('[data-testid="detail-finding"][data-rule="typo.known"]');
    await item.getByTestId('thumb').waitFor();
    await expect.poll(() => item.getByTestId('thumb').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
    await expect.poll(() => dash.getByTestId('detail-verdict').textContent()).toBe(want.verdict);
    await dash.getByText('← 返回全部网站').click();
    await row.waitFor();

    // CSV of everything (read site by site in the page) is byte-for-byte the background's one-piece CSV
    const csvAll = (await download(dash, 'export-csv')).toString('utf8');
    expect(csvAll).toBe(await gc<string>('csv'));
    // the message is set as the file is handed over, not necessarily before the download event
    await expect.poll(() => dash.getByTestId('message').textContent()).toBe(`已导出 ${stored.length} 条问题记录（CSV）。`);

    // ZIP: the CSV row of the typo names the PNG stored beside it
    const files = unzipSync(new Uint8Array(await download(dash, 'export-zip')));
    const csvName = Object.keys(files).find((n) => n.endsWith('.csv'))!;
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files[csvName]!);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe((await gc<Finding[]>('allFindings')).length);
    const shotCol = rows[0]!.indexOf('截图');
    const typoRow = rows.find((r) => r[5] === 'typo.known' && r[8] === '烈土')!;
    expect(typoRow[0]).toBe('示范县人民政府');
    const pngName = typoRow[shotCol]!;
    expect(pngName).toMatch(/^screenshots\/www\.demo-county\.gov\.cn\/typo\.known-[0-9a-f]+\.png$/);
    expect(Buffer.from(files[pngName]!).toString('base64')).toBe(PNG_B64);

    // the printable annex: the site is not scored into 附件2 while its vetoes are unconfirmed
    const html = (await download(dash, 'export-annex')).toString('utf8');
    expect(html).toContain('附件1');
    expect(html).toContain('示范县人民政府');
    await expect.poll(() => dash.getByTestId('message').textContent()).toContain('疑似不合格');

    // JSON backup → clear → import → the same findings
    const backupPath = path.join(tmp, 'backup.json');
    writeFileSync(backupPath, await download(dash, 'export-json'));
    const before = byId(await gc<Finding[]>('allFindings'));
    expect(before.length).toBeGreaterThan(0);
    await gc('clearAll');
    expect(await gc('counts')).toEqual({ findings: 0, pages: 0, sites: 0 });
    await dash.getByTestId('no-sites').waitFor();
    await dash.getByTestId('import-json').setInputFiles(backupPath);
    await expect.poll(() => dash.getByTestId('message').textContent()).toContain('导入完成');
    expect(await dash.getByTestId('message').textContent()).toContain(`新增 ${before.length} 条`);
    expect(byId(await gc<Finding[]>('allFindings'))).toEqual(before);
    expect(await gc('screenshots', [typo.id])).toEqual([expect.objectContaining({ id: 'e2e-shot', size: Buffer.from(PNG_B64, 'base64').length, type: 'image/png' })]);
    await row.waitFor();
    await expect.poll(() => row.getByTestId('site-verdict').textContent()).toBe(want.verdict);

    // a corrupted backup: a clear error and nothing changed
    const bad = path.join(tmp, 'bad.json');
    const text = readFileSync(backupPath, 'utf8');
    writeFileSync(bad, text.slice(0, Math.floor(text.length * 0.6)));
    const counts = await gc('counts');
    await dash.getByTestId('import-json').setInputFiles(bad);
    await expect.poll(() => dash.getByTestId('message').textContent()).toContain('导入失败');
    const msg = (await dash.getByTestId('message').textContent())!;
    expect(msg).toContain('现有数据未作任何改动');
    expect(msg).toContain('不是有效的 JSON');
    expect(await dash.getByTestId('message').getAttribute('role')).toBe('alert');
    expect(await gc('counts')).toEqual(counts);
    expect(byId(await gc<Finding[]>('allFindings'))).toEqual(before);
    await dash.close();
  });
});
