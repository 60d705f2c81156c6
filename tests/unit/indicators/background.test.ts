// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GovCheckDB } from '../../../lib/store/db';
import { csvParts } from '../../../lib/export/scope';
import { saveSettings } from '../../../lib/settings-store';
import { startLoopback, type Loopback } from '../watch/loopback';
import { homePage } from './fixtures';

let srv: Loopback;
let db: GovCheckDB;
beforeAll(async () => {
  srv = await startLoopback(homePage());
});
afterAll(() => srv.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  db = new GovCheckDB(`govcheck-ind-${crypto.randomUUID()}`);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  await saveSettings({ today: '2026-12-03', inspector: '张三' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function start() {
  const messages = await import('../../../lib/messages');
  const { registerWatchHandlers } = await import('../../../entrypoints/background/watch');
  registerWatchHandlers(db);
  return messages.sendMessage;
}

describe('background: 检查首页指标 and the watch first probe', () => {
  it('checkIndicators stores hints on the home page that keep the inspector’s status and appear in the CSV export', async () => {
    const send = await start();
    const res = await send('checkIndicators', { homeUrl: srv.url + 'xwdt/index.html' });
    if ('error' in res) throw new Error(res.error);
    // the fixture home page has no search box, no annual report link and no https
    expect(res.findings.map((f) => f.ruleId).sort()).toEqual(['indicator.annual-report', 'indicator.https', 'indicator.search']);
    expect(res.findings.every((f) => f.severity === 'hint' && f.status === 'open' && f.url === srv.url && f.site === '127.0.0.1' && f.inspector === '张三' && f.round === '2026年第四季度')).toBe(true);
    expect(res.notes).toHaveLength(3);
    const search = res.findings.find((f) => f.ruleId === 'indicator.search')!;
    await db.findings.update(search.id, { status: 'dismissed' });
    const again = await send('checkIndicators', { homeUrl: srv.url });
    if ('error' in again) throw new Error(again.error);
    expect(await db.findings.count()).toBe(3);
    expect((await db.findings.get(search.id))!.status).toBe('dismissed');
    expect((await db.sites.get('127.0.0.1'))!.name).toBe('示范县人民政府');
    const csv = (await csvParts(db, { kind: 'site', site: '127.0.0.1' })).parts.join('');
    expect(csv).toContain('首页未发现 2025 年度政府网站工作年度报表的链接。');
    expect(csv).toContain('网站仅能通过 HTTP 访问');
  });

  it('without the host permission: an error, nothing stored', async () => {
    const send = await start();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    expect(await send('checkIndicators', { homeUrl: srv.url })).toEqual({ error: '未获得访问 127.0.0.1 的权限，无法检查首页指标。' });
    expect(await db.findings.count()).toBe(0);
  });

  it('watchStart runs the indicators with its first probe', async () => {
    const send = await start();
    const res = await send('watchStart', { homeUrl: srv.url });
    expect(res).toMatchObject({ probe: { ok: true } });
    await vi.waitFor(async () => expect(await db.findings.count()).toBe(3), { timeout: 10_000 });
  });
});
