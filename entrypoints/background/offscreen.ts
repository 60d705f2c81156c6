/**
 * The extension's one offscreen document (Chromium): it parses the crawl's fetched pages (a
 * service worker has no DOMParser) and holds the typo detectors' word lists. It is created on
 * first need and left open for the browser session, so the lists (≈45 MB once indexed, ~0.7 s to
 * build) are loaded once, not again each time the service worker wakes after 30 s idle.
 */
import { sendMessage } from '@/lib/messages';

const OFFSCREEN = 'offscreen.html';
let offscreenReady: Promise<void> | null = null;

/** Whether our offscreen document is open (getContexts lists one being created, too). */
async function offscreenOpen(): Promise<boolean> {
  const url = chrome.runtime.getURL(OFFSCREEN);
  const existing = await chrome.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [url] });
  return !!existing?.length;
}

async function ensureOffscreen(): Promise<void> {
  // a document being created is listed by getContexts before its listener runs: wait for it
  if (offscreenReady) return offscreenReady;
  if (await offscreenOpen()) return;
  offscreenReady ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN, reasons: ['DOM_PARSER' as chrome.offscreen.Reason], justification: '解析网站栏目页面；错别字词库在浏览器会话内只加载一次' })
    .finally(() => {
      offscreenReady = null;
    });
  await offscreenReady;
}

/** Runs `send` (a message to the offscreen document) with the document open; once more if it was not listening yet. */
export async function withOffscreen<T>(send: () => Promise<T>): Promise<T> {
  await ensureOffscreen();
  try {
    return await send();
  } catch {
    // the document was being created (or closed by the browser) as the message went out
    await ensureOffscreen();
    return send();
  }
}

/** When the offscreen document built its word lists (null: not yet, or no document). */
export async function offscreenStatus(): Promise<{ typoLoadedAt: number | null } | null> {
  if (!chrome.offscreen || !(await offscreenOpen())) return null;
  return sendMessage('offscreenStatus', undefined);
}
