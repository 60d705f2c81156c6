import { PageApp } from './app';

/** True for hosts the extension scans by itself (least privilege: *.gov.cn only). */
function isGovHost(host: string): boolean {
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    // the background may inject this file again on demand: start once per page
    const g = globalThis as { __govcheck?: PageApp };
    if (g.__govcheck) return;
    const app = new PageApp();
    g.__govcheck = app;
    app.start(isGovHost(location.hostname));
  },
});
