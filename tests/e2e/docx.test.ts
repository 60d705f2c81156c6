/**
 * The Word 通报 from the built extension's dashboard: scan the demo site, attach a capture, pick the
 * round, edit 整改要求, click export-docx and read the downloaded package; then filter the sites away
 * and see the export say so instead of downloading; the edited 整改要求 survives a reload.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { startHarness, ROOT, type Harness, scanPages, storeScreenshot } from './harness';
import type { Finding, RoundRecord } from '../../lib/types';
import reportText from '../../lib/data/report-text.json';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SITE = 'www.demo-county.gov.cn';
const PNG = readFileSync(path.join(ROOT, 'public/icon/128.png'));

const gc = <T>(fn: string, ...args: unknown[]) =>
  h.worker.evaluate(([f, a]) => (globalThis as any).govcheck[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''));

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }).catch(async (e) => {
      throw new Error(`no download from ${testid}: ${await page.getByTestId('message').textContent().catch(() => '')} (${e})`);
    }),
    page.getByTestId(testid).click(),
  ]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

describe('Word 通报 from the dashboard', () => {
  it('downloads the round\'s 通报 with the findings, the capture and the edited 整改要求; a filter that hides every site exports nothing', async () => {
    await scanPages(h, 'demo', ['index.html', 'xwdt/2026-11-18-hero.html']);
    const stored = await gc<Finding[]>('siteFindings', SITE);
    const typo = stored.find((f) => f.ruleId === 'typo.known' && f.evidence === '烈土')!;
    expect(typo).toBeDefined();
    const unconfirmed = stored.find((f) => f.severity === 'veto' && f.status === 'open')!;
    expect(unconfirmed).toBeDefined();
    await storeScreenshot(h.worker, { id: 'e2e-docx-shot', findingId: typo.id, pngBase64: PNG.toString('base64'), width: 128, height: 128 });
    const [round] = await gc<RoundRecord[]>('rounds');
    expect(round).toBeDefined();

    const dash = await h.browser.context.newPage();
    await dash.goto(`chrome-extension://${h.browser.extensionId}/dashboard.html`);
    await dash.getByTestId('filter-round').selectOption(round!.id);
    await dash.locator(`[data-testid="site-row"][data-site="${SITE}"]`).waitFor();

    // the inspector's 整改要求 replaces the default
    await dash.getByTestId('docx-requirements').locator('summary').click();
    await dash.getByTestId('docx-requirements-text').fill('请示范县于2026年12月31日前完成整改。\n逐条书面说明整改情况。');

    const { name, bytes } = await download(dash, 'export-docx');
    expect(name).toMatch(/\.docx$/);
    await expect.poll(() => dash.getByTestId('message').textContent()).toContain('已生成 Word 通报（1 个网站，1 张截图）');
    expect(await dash.getByTestId('message').textContent()).toContain('疑似不合格');

    const files = unzipSync(new Uint8Array(bytes));
    const doc = strFromU8(files['word/document.xml']!);
    const texts = paragraphTexts(doc);
    expect(texts[0]).toBe(`关于${round!.name}政府网站检查情况的通报`);
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('二、存在的主要问题');
    expect(texts).toContain('三、整改要求');
    expect(texts).toContain(`1. 示范县人民政府（${SITE}）`);
    expect(texts).toContain('原文：“烈土”');
    expect(texts).toContain(`页面地址：${typo.url}`);
    expect(texts).toContain('图1　示范县人民政府页面截图');
    expect(texts).toContain('请示范县于2026年12月31日前完成整改。');
    expect(texts).toContain('逐条书面说明整改情况。');
    // the unconfirmed veto is not cited as a problem
    expect(texts.some((t) => t.startsWith('原文：') && t.includes(unconfirmed.evidence))).toBe(false);
    // the site is scored in 附件1
    expect(doc).toMatch(/<w:tbl>[\s\S]*示范县人民政府[\s\S]*<\/w:tbl>/);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]!]!).equals(PNG)).toBe(true);

    // a filter that shows no site: the export covers only the filtered sites, so there is nothing to write
    await dash.getByTestId('filter-text').fill('没有这个网站');
    await expect.poll(() => dash.getByTestId('export-docx').textContent()).toBe('Word 通报（筛选的 0 个网站）');
    await dash.getByTestId('export-docx').click();
    await expect.poll(() => dash.getByTestId('message').textContent()).toBe('没有可写入通报的网站。');

    // the edited 整改要求 survives a reload; 恢复默认 brings back the default text
    await dash.reload();
    await dash.getByTestId('docx-requirements').locator('summary').click();
    expect(await dash.getByTestId('docx-requirements-text').inputValue()).toBe('请示范县于2026年12月31日前完成整改。\n逐条书面说明整改情况。');
    await dash.getByTestId('docx-requirements-reset').click();
    expect(await dash.getByTestId('docx-requirements-text').inputValue()).toBe(reportText.requirements);
  });
});
