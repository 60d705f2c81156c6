import type { GovCheckDB } from './store/db';
import type { ScanSummary } from './messages';
import { allFindings, findingsForSite, listSites, findingsForPage } from './store/repo';
import { findingsToCsv } from './export/csv';
import { normaliseUrl } from './fingerprint';

/** The background's automation API (headless scan, end-to-end tests). */
export function automationApi(
  db: GovCheckDB,
  scanTab: (tabId: number) => Promise<ScanSummary | { error: string }>,
  scanCounts: Map<string, number>,
) {
  return {
    /** how many scans of this page the background has stored since it started */
    scanCount: (url: string) => scanCounts.get(normaliseUrl(url)) ?? 0,
    /** scans the open tab whose URL is `url` (ignoring the hash) */
    async scanUrl(url: string): Promise<ScanSummary | { error: string }> {
      const want = normaliseUrl(url);
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url && normaliseUrl(t.url) === want);
      if (!tab?.id) return { error: `没有打开的标签页：${url}` };
      return scanTab(tab.id);
    },
    pageFindings: (url: string) => findingsForPage(db, url),
    siteFindings: (site: string) => findingsForSite(db, site),
    allFindings: () => allFindings(db),
    sites: () => listSites(db),
    counts: async () => ({ findings: await db.findings.count(), pages: await db.pages.count(), sites: await db.sites.count() }),
    async csv(site?: string): Promise<string> {
      const sites = new Map((await listSites(db)).map((s) => [s.site, s]));
      const list = site ? await findingsForSite(db, site) : await allFindings(db);
      return findingsToCsv(list.map((finding) => ({ finding, site: sites.get(finding.site) })));
    },
  };
}
