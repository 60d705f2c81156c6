import type { GovCheckDB } from './store/db';
import type { ScanSummary } from './messages';
import { allFindings, deleteAll, findingsForSite, listSites, findingsForPage, screenshotsForFindings, listRounds } from './store/repo';
import { csvParts } from './export/scope';
import { exportBackup, importBackup, parseBackup, validateBackup, type ImportSummary } from './export/backup';
import { siteStats } from './store/stats';
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
    /** screenshots of these findings, without the image bytes (tests check size and type) */
    async screenshots(ids: string[]) {
      const list = await screenshotsForFindings(db, ids);
      return list.map((s) => ({ id: s.id, findingId: s.findingId, width: s.width, height: s.height, size: s.blob.size, type: s.blob.type }));
    },
    rounds: () => listRounds(db),
    pages: () => db.pages.toArray(),
    /** the JSON backup (lib/export/backup.ts) as text */
    backup: async () => JSON.stringify(await exportBackup(db)),
    /** imports a backup (text or parsed object); answers the summary or a Chinese error */
    async importBackup(data: string | object): Promise<ImportSummary | { error: string }> {
      try {
        return await importBackup(db, typeof data === 'string' ? parseBackup(data) : validateBackup(data));
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    },
    /** wipes every table, screenshots and rounds included (tests: "clear the store") */
    clearAll: () => deleteAll(db),
    /** per-site verdicts and scores as the dashboard computes them */
    siteStats: () => siteStats(db),
    /** the CSV export of one site or everything, exactly as the side panel downloads it */
    csv: async (site?: string): Promise<string> => (await csvParts(db, site ? { kind: 'site', site } : { kind: 'all' })).parts.join(''),
  };
}
