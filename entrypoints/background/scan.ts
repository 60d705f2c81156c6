import type { GovCheckDB } from '@/lib/store/db';
import { saveScan, findingsForPage, setStatus } from '@/lib/store/repo';
import { onMessage, sendMessage, type ScanSummary } from '@/lib/messages';

export const CONTENT_JS = 'content-scripts/content.js';

async function askTab(tabId: number): Promise<ScanSummary | { error: string } | undefined> {
  try {
    return (await sendMessage('scanNow', undefined, tabId)) ?? undefined;
  } catch {
    return undefined; // no content script in the tab
  }
}

/**
 * Scans a tab. On *.gov.cn the content script is already there; elsewhere it is injected, which
 * needs activeTab (the toolbar click) or a host the inspector granted.
 */
export async function scanTab(tabId: number): Promise<ScanSummary | { error: string }> {
  const direct = await askTab(tabId);
  if (direct) return direct;
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
  } catch (e) {
    return {
      error: `无法在此页面运行检查（${e instanceof Error ? e.message : String(e)}）。请点击浏览器工具栏上的 GovCheck 按钮检查当前页；浏览器内置页面和扩展商店页面不能检查。`,
    };
  }
  return (await askTab(tabId)) ?? { error: '页面没有响应，请刷新页面后重试。' };
}

/** Scanning and the findings store: the messages content scripts and the side panel send. */
export function registerScanHandlers(db: GovCheckDB): { scanCounts: Map<string, number> } {
  const scanCounts = new Map<string, number>();
  onMessage('saveScan', ({ data }) => {
    scanCounts.set(data.page.url, (scanCounts.get(data.page.url) ?? 0) + 1);
    return saveScan(db, data);
  });
  onMessage('pageFindings', ({ data }) => findingsForPage(db, data));
  onMessage('scanTab', ({ data }) => scanTab(data));
  onMessage('setStatus', async ({ data }) => {
    const f = await setStatus(db, data.id, data.status, data.note);
    if (data.tabId !== undefined) await sendMessage('refreshMarks', undefined, data.tabId).catch(() => undefined);
    return !!f;
  });
  return { scanCounts };
}
