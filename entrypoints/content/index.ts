import { PageApp } from './app';
import { GOV_MATCHES, isGovHost } from './gov-host';

export default defineContentScript({
  matches: GOV_MATCHES,
  // Not in the manifest: the background injects this script once a *.gov.cn tab has loaded
  // (background/auto-scan.ts). A declared content script, even an empty one, let Chromium lay a
  // large page out before its load event instead of after (issue 12: load 1.0 s → 11 s on a page
  // of 50,000 spans); injected after load, nothing of GovCheck is in the page while it loads.
  registration: 'runtime',
  main() {
    // the background may inject this file again (auto-scan, toolbar, headless scan): start once per page
    const g = globalThis as { __govcheck?: PageApp };
    if (g.__govcheck) return;
    const app = new PageApp();
    g.__govcheck = app;
    app.start(isGovHost(location.hostname));
  },
});
