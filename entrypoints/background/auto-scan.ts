import { isGovHost } from '../content/gov-host';
import { CONTENT_JS } from './scan';
import autoScan from '@/lib/data/auto-scan.json';

/**
 * The scanner goes into every *.gov.cn tab once the page has loaded (tab status "complete",
 * which follows the load event): nothing of GovCheck is in a page while it parses, lays out and
 * paints. The content script starts once per page and scans by itself on *.gov.cn.
 */
export function registerAutoScan() {
  chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    if (isGovPage(tab.url)) inject(tabId);
  });
  // Tabs that finished loading before the worker listened are never "updated" again: those open
  // when GovCheck is installed, updated or reloaded, those restored with the browser, and a page
  // that loads while a fresh install's worker is still starting (seen in Chromium). Sweep them once.
  chrome.runtime.onInstalled.addListener(() => void injectLoadedGovTabs());
  chrome.runtime.onStartup.addListener(() => void injectLoadedGovTabs());
}

async function injectLoadedGovTabs(): Promise<void> {
  // every tab: without the "tabs" permission only those under our host permission carry a URL
  const tabs = await chrome.tabs.query({}).catch(() => [] as chrome.tabs.Tab[]);
  for (const t of tabs) {
    if (t.id === undefined || !t.url || !isGovPage(t.url)) continue;
    // a tab still loading may send its "complete" before this worker's listener is known to the
    // browser (seen on a fresh install: no update reached it at all); follow it here
    if (t.status === 'complete') inject(t.id);
    else void injectWhenLoaded(t.id);
  }
}

async function injectWhenLoaded(tabId: number) {
  for (let waited = 0; waited < autoScan.sweepWaitMs; waited += autoScan.sweepPollMs) {
    await new Promise((r) => setTimeout(r, autoScan.sweepPollMs));
    const tab = await chrome.tabs.get(tabId).catch(() => undefined);
    if (!tab?.url || !isGovPage(tab.url)) return;
    if (tab.status === 'complete') return inject(tabId);
  }
}

function isGovPage(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isGovHost(u.hostname);
  } catch {
    return false;
  }
}

function inject(tabId: number) {
  // a tab closed or navigated away meanwhile, or a page the browser protects: nothing to do
  chrome.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] }).catch(() => undefined);
}
