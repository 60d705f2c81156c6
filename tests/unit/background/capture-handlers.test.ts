// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from './harness';
import { makeFinding, makeReport } from '../store/fixtures';
import type { CaptureRequest, CaptureResult } from '../../../lib/messages';
import type { Finding } from '../../../lib/types';

const HOME = 'https://www.yichun.gov.cn/';
const SITE = 'www.yichun.gov.cn';
const TAB = { id: 3, windowId: 1, active: true, url: HOME };

let bg: Awaited<ReturnType<typeof startBackground>>;
let onCommand: ((command: string, tab?: Partial<chrome.tabs.Tab>) => void) | undefined;
beforeEach(async () => {
  bg = await startBackground();
  // the fake browser has no keyboard commands: keep the listener the handlers register
  onCommand = undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((l: typeof onCommand) => void (onCommand = l)) as never);
  bg.modules.scan.registerScanHandlers(bg.db);
  bg.modules.capture.registerCaptureHandlers(bg.db);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await bg.close();
});

const request = (finding: Finding): CaptureRequest => ({ finding, rect: { x: 10, y: 10, width: 50, height: 20 }, viewport: { width: 1280, height: 900 } });

async function storedTypo(): Promise<Finding> {
  const [f] = await bg.send('saveScan', makeReport(HOME, [makeFinding({ url: HOME, site: SITE })]));
  return f!;
}

describe('background: captureSave', () => {
  it('keeps the inspector’s re-grade and note even when the screenshot fails, and says why', async () => {
    const f = await storedTypo();
    // the fake browser has no screenshots: captureVisibleTab throws as a denied grant would
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error('Missing activeTab permission'));
    const r = await bg.fromTab<CaptureResult>('captureSave', request({ ...f, severity: 'veto', category: 'expression', note: '严重错误', status: 'confirmed' }), TAB);
    expect(r.screenshot).toBe(false);
    expect(r.error).toMatch(/^截图需要授权/);
    expect(r.finding).toMatchObject({ id: f.id, severity: 'veto', category: 'expression', note: '严重错误', regraded: true });
    expect(await bg.db.findings.get(f.id)).toMatchObject({ severity: 'veto', status: 'confirmed', regraded: true });
    expect(await bg.db.screenshots.count()).toBe(0);
  });

  it('refuses what a page may forge: unknown severity, another page’s finding, no tab', async () => {
    const f = await storedTypo();
    const bad = await bg.fromTab<CaptureResult>('captureSave', request({ ...f, severity: 'fatal' as Finding['severity'] }), TAB);
    expect(bad).toEqual({ screenshot: false, error: '问题等级无效' });
    const elsewhere = await bg.fromTab<CaptureResult>('captureSave', request(f), { ...TAB, url: 'https://www.other.gov.cn/' });
    expect(elsewhere.error).toBe('问题所在页面与当前标签页不一致');
    // runtime.sendMessage from an extension page carries no tab
    expect(await bg.send('captureSave', request(f))).toEqual({ screenshot: false, error: '找不到要截图的标签页' });
    expect(await bg.db.findings.get(f.id)).toMatchObject({ severity: 'deduct', status: 'open' });
  });
});

describe('background: setStatusMany, setNote, rounds', () => {
  it('sets statuses in bulk and notes', async () => {
    const a = makeFinding({ url: HOME, site: SITE });
    const b = makeFinding({ url: HOME, site: SITE, evidence: '烈土' });
    await bg.send('saveScan', makeReport(HOME, [a, b]));
    expect(await bg.send('setStatusMany', { ids: [a.id, b.id, 'gone'], status: 'fixed', note: '已整改' })).toBe(2);
    expect((await bg.db.findings.toArray()).map((f) => [f.status, f.note])).toEqual([
      ['fixed', '已整改'],
      ['fixed', '已整改'],
    ]);
    expect(await bg.send('setNote', { id: a.id, note: '复查时确认' })).toBe(true);
    expect((await bg.db.findings.get(a.id))!.note).toBe('复查时确认');
    expect(await bg.send('setNote', { id: 'gone', note: 'x' })).toBe(false);
  });

  it('startRound creates the round and makes it active; setActiveRound accepts only a stored round', async () => {
    expect(await bg.send('startRound', '  2026年第四季度 ')).toMatchObject({ id: '2026年第四季度', name: '2026年第四季度' });
    expect(await bg.db.rounds.get('2026年第四季度')).toBeTruthy();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ activeRound: '2026年第四季度' });
    expect(await bg.send('startRound', '   ')).toEqual({ error: '检查批次名称不能为空' });
    expect(await bg.send('setActiveRound', '2025年')).toBe(false);
    await bg.send('startRound', '2027年第一季度');
    expect(await bg.send('setActiveRound', '2026年第四季度')).toBe(true);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ activeRound: '2026年第四季度' });
  });
});

describe('background: the capture shortcut', () => {
  it('asks the tab to start capture mode', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, msg: { type: string }, _o: unknown, respond: (r: unknown) => void) => {
      sent.push([tabId, msg.type]);
      respond({ res: true });
    }) as never);
    expect(onCommand).toBeTypeOf('function');
    onCommand!('other-command', TAB);
    onCommand!('capture', TAB);
    await vi.waitFor(() => expect(sent).toEqual([[3, 'captureStart']]));
  });
});
