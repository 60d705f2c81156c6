import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync } from 'node:fs';
import { startHarness, waitForScan, highlightTexts, SITES, type Harness } from './harness';

interface Stored {
  ruleId: string;
  message: string;
  evidence: string;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const FAMILY = /^(security\.spam-text|links\.(spam|hidden)|privacy\.)/;

async function stored(url: string): Promise<Stored[]> {
  const list: Stored[] = await h.worker.evaluate((u) => (globalThis as any).govcheck.pageFindings(u), url);
  return list.filter((f) => FAMILY.test(f.ruleId)).map(({ ruleId, message, evidence }) => ({ ruleId, message, evidence }));
}

const by = (fs: Stored[], rule: string) => fs.filter((f) => f.ruleId === rule);

describe('injected spam and 暗链 in real Chromium', () => {
  it('reports the hidden links, the spam text and the listed spam domain of a hacked article', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('spam', 'hacked-article.html'));
    await waitForScan(page);
    const fs = await stored(page.url());

    const hidden = by(fs, 'links.hidden').map((f) => f.evidence);
    // layout-based: the link pushed to left:-9999px, judged from its box in the real page
    expect(hidden.some((e) => e.includes('www.0073d.cn') && e.includes('定位到屏幕之外'))).toBe(true);
    expect(hidden.some((e) => e.includes('www.k767.com') && e.includes('字号为 0'))).toBe(true);
    for (const host of ['www.kaifa-k8.top', 'www.beat365-vip.com', 'amjsbc.xyz']) {
      expect(hidden.some((e) => e.includes(host) && e.includes('display:none'))).toBe(true);
    }
    expect(hidden.some((e) => e.includes('www.manbetx-app.cc') && e.includes('hidden 属性'))).toBe(true);
    // the share menu (display:none, weibo) and the visible people.com.cn link are not 暗链
    expect(fs.some((f) => /weibo|people\.com\.cn/.test(f.evidence))).toBe(false);

    // the background's domain list: 0073d.cn has no spam words, only the list knows it
    const spam = by(fs, 'links.spam');
    expect(spam.some((f) => f.evidence.includes('www.0073d.cn') && f.message.includes('已知的违法'))).toBe(true);
    expect(spam.some((f) => f.evidence.includes('beat365'))).toBe(true);

    const text = by(fs, 'security.spam-text');
    expect(text.some((f) => f.evidence.includes('凯发K8一触即发'))).toBe(true);
    expect(text.some((f) => f.evidence === '凯时k8官网' && f.message.includes('零宽字符'))).toBe(true);
    expect(text.some((f) => f.message.includes('随机 id'))).toBe(true);

    // what the inspector sees: the brand is painted red, and the overlay lists the 暗链
    expect((await highlightTexts(page, 'gc-veto')).some((t) => t.includes('凯发K8一触即发'))).toBe(true);
    await page.locator('govcheck-overlay [data-testid="overlay-badge"]').click();
    const items = await page.locator('govcheck-overlay [data-testid="overlay-item"]').allTextContents();
    expect(items.some((t) => t.includes('暗链') && t.includes('0073d'))).toBe(true);
    await page.close();
  });

  it('judges each hiding technique from computed style and layout, and leaves visible links alone', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('spam', 'hidden-techniques.html'));
    await waitForScan(page);
    const hidden = by(await stored(page.url()), 'links.hidden').map((f) => f.evidence);
    const expectTech = (host: string, label: string) =>
      expect(hidden.find((e) => e.includes(host)), `${host} → ${label}`).toContain(label);
    expectTech('dl-indent.com', '文本缩进到屏幕之外');
    expectTech('dl-clip.com', '裁剪为不可见');
    expectTech('dl-colour.com', '文字颜色与背景相同');
    expectTech('dl-up.com', '定位到屏幕之外');
    expectTech('dl-translate.com', '定位到屏幕之外');
    expectTech('dl-box.com', '零尺寸且溢出隐藏');
    expectTech('dl-fade.com', '透明度为 0');
    expectTech('dl-vis.com', 'visibility:hidden');
    expect(hidden.some((e) => /visible-partner|white-on-red/.test(e))).toBe(false);
    expect(hidden).toHaveLength(8);
    await page.close();
  });

  it('reports ID numbers, listed mobiles and a bank card masked', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('spam', 'id-list.html'));
    await waitForScan(page);
    const fs = await stored(page.url());
    expect(by(fs, 'privacy.id-card').map((f) => f.evidence).sort()).toEqual(['3205**********4566', '3411**********1234', '5101**********3786']);
    expect(by(fs, 'privacy.phone')).toHaveLength(3);
    expect(by(fs, 'privacy.bank-card').map((f) => f.evidence)).toEqual(['6222***********0128']);
    // the full numbers never reach a message or evidence
    expect(JSON.stringify(fs)).not.toMatch(/341102198506121234|13812345678|6222021234567890128/);
    await page.close();
  });

  it('gives no finding of these families on look-alikes and on the 9 real government pages', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.url('spam', 'clean.html'));
    await waitForScan(page);
    expect(await stored(page.url())).toEqual([]);
    const real = readdirSync(SITES.real.dir).filter((f) => f.endsWith('.html'));
    expect(real).toHaveLength(9);
    for (const file of real) {
      await page.goto(h.url('real', file));
      await waitForScan(page);
      expect(await stored(page.url()), file).toEqual([]);
    }
    await page.close();
  });
});
