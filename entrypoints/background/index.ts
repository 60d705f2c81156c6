import { getDb } from '@/lib/store/db';
import { automationApi } from '@/lib/automation';
import { registerScanHandlers, scanTab } from './scan';
import { registerCaptureHandlers } from './capture';
import { registerCrawlHandlers } from './crawl';
import { registerSpamHandlers } from './spam';
import { registerWatchHandlers } from './watch';
import { registerLinkHandlers } from './links';
import { registerSiteLinkHandlers } from './site-links';
import { registerAutoScan } from './auto-scan';
import { registerTyposHandlers } from './typos';

// The background is the only owner of the database. Each feature registers its messages in
// its own module in this folder; this file only wires them up.
export default defineBackground(() => {
  const db = getDb();
  const { scanCounts } = registerScanHandlers(db);
  registerCaptureHandlers(db);
  registerCrawlHandlers(db);
  registerSpamHandlers(db);
  registerWatchHandlers(db);
  registerLinkHandlers(db);
  registerSiteLinkHandlers(db);
  registerAutoScan();
  registerTyposHandlers(db);

  // The toolbar button opens the side panel and scans the tab: on sites other than *.gov.cn the
  // click grants activeTab, which is what lets us inject the scanner there.
  if (chrome.sidePanel) {
    void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }
  chrome.action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    if (chrome.sidePanel?.open) void chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
    else (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser?.sidebarAction?.open();
    void scanTab(tab.id);
  });

  // For the headless scan and end-to-end tests: a small API on the worker's global, read with
  // Playwright's serviceWorker.evaluate. It exposes nothing a page can reach.
  (globalThis as { govcheck?: unknown }).govcheck = automationApi(db, scanTab, scanCounts);
});
