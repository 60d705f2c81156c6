import { isGovHost } from '../content/gov-host';
import { CONTENT_JS } from './scan';

/**
 * The scanner goes into every *.gov.cn tab once the page has loaded (tab status "complete",
 * which follows the load event): nothing of GovCheck is in a page while it parses, lays out and
 * paints. The content script starts once per page and scans by itself on *.gov.cn.
 */
export function registerAutoScan() {
  chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    let host = '';
    try {
      const u = new URL(tab.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
      host = u.hostname;
    } catch {
      return;
    }
    if (!isGovHost(host)) return;
    // a tab closed or navigated away meanwhile, or a page the browser protects: nothing to do
    chrome.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] }).catch(() => undefined);
  });
}
