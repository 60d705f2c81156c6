import type { GovCheckDB } from '@/lib/store/db';
import type { Finding } from '@/lib/types';
import { saveCapture, setStatusMany, setNote, ensureRound } from '@/lib/store/repo';
import { onMessage, sendMessage, type CaptureRequest, type CaptureResult } from '@/lib/messages';
import { planCrop } from '@/lib/capture/crop';
import { createRateQueue } from '@/lib/capture/queue';
import { saveSettings } from '@/lib/settings-store';
import { isCategory, isSeverity, isStatus } from '@/lib/store/validate';
import { normaliseUrl } from '@/lib/fingerprint';
import opts from '@/lib/data/capture.json';
import { scanTab } from './scan';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Chrome allows captureVisibleTab at most twice a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND)
const queued = createRateQueue(opts.minIntervalMs);

/** Screenshot of the tab's visible area, the spot outlined in red, cropped around it (PNG). */
async function screenshot(tab: chrome.tabs.Tab, req: CaptureRequest): Promise<{ blob: Blob; width: number; height: number }> {
  if (!tab.active && tab.id !== undefined) {
    // captureVisibleTab shows the window's active tab: bring the inspector's tab forward first
    await chrome.tabs.update(tab.id, { active: true });
    await sleep(150);
  }
  const dataUrl = await queued(() => chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' }));
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const scale = req.viewport.width > 0 ? bitmap.width / req.viewport.width : 1;
  const plan = planCrop(req.rect, bitmap, scale);
  const canvas = new OffscreenCanvas(plan.crop.width, plan.crop.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('无法处理截图（画布不可用）');
  ctx.drawImage(bitmap, plan.crop.x, plan.crop.y, plan.crop.width, plan.crop.height, 0, 0, plan.crop.width, plan.crop.height);
  bitmap.close();
  ctx.strokeStyle = opts.outlineColor;
  ctx.lineWidth = plan.lineWidth;
  const o = plan.outline;
  ctx.strokeRect(o.x, o.y, Math.max(1, o.width), Math.max(1, o.height));
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { blob, width: plan.crop.width, height: plan.crop.height };
}

/** Only known enum values and plain strings reach the store, whatever a page may have sent. */
function clean(f: Finding, tabUrl: string): Finding | string {
  if (!f || typeof f.id !== 'string' || !f.id) return '缺少问题编号';
  if (!isSeverity(f.severity)) return '问题等级无效';
  if (!isCategory(f.category)) return '问题类别无效';
  if (!isStatus(f.status)) return '问题状态无效';
  if (normaliseUrl(f.url) !== normaliseUrl(tabUrl)) return '问题所在页面与当前标签页不一致';
  const note = typeof f.note === 'string' ? f.note.slice(0, 2000) : undefined;
  return { ...f, url: normaliseUrl(f.url), note: note || undefined };
}

async function captureSave(db: GovCheckDB, req: CaptureRequest, tab: chrome.tabs.Tab | undefined): Promise<CaptureResult> {
  if (!tab?.url) return { screenshot: false, error: '找不到要截图的标签页' };
  const finding = clean(req.finding, tab.url);
  if (typeof finding === 'string') return { screenshot: false, error: finding };
  let shot: { blob: Blob; width: number; height: number } | undefined;
  let error: string | undefined;
  try {
    shot = await screenshot(tab, req);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    error = /permission|activeTab|all_urls/i.test(msg)
      ? `截图需要授权：请按 Alt+Shift+G 或先点击工具栏上的 GovCheck 按钮，再标记问题（${msg}）`
      : `截图失败：${msg}`;
  }
  // the finding is kept even without a screenshot: the note must not be lost
  const saved = await saveCapture(db, finding, shot);
  return { finding: saved, screenshot: !!shot, error };
}

/** Asks the tab to start capture mode, injecting the content script on sites other than *.gov.cn. */
async function startCapture(tabId: number): Promise<void> {
  const ok = await sendMessage('captureStart', undefined, tabId).catch(() => undefined);
  if (ok) return;
  await scanTab(tabId);
  await sendMessage('captureStart', undefined, tabId).catch(() => undefined);
}

/** Captures (标记问题), statuses and notes in bulk, and rounds. */
export function registerCaptureHandlers(db: GovCheckDB) {
  onMessage('captureSave', ({ data, sender }) => captureSave(db, data, sender.tab));
  onMessage('setStatusMany', async ({ data }) => {
    const n = await setStatusMany(db, data.ids, data.status, data.note);
    if (data.tabId !== undefined) await sendMessage('refreshMarks', undefined, data.tabId).catch(() => undefined);
    return n;
  });
  onMessage('setNote', async ({ data }) => !!(await setNote(db, data.id, data.note)));
  onMessage('startRound', async ({ data }) => {
    try {
      const round = await ensureRound(db, data);
      await saveSettings({ activeRound: round.id });
      return round;
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  onMessage('setActiveRound', async ({ data }) => {
    if (!(await db.rounds.get(data))) return false;
    await saveSettings({ activeRound: data });
    return true;
  });
  // the keyboard shortcut (manifest `commands`) also grants activeTab, which captureVisibleTab needs
  chrome.commands?.onCommand.addListener((command, tab) => {
    if (command === 'capture' && tab?.id !== undefined) void startCapture(tab.id);
  });
  return { startCapture };
}
