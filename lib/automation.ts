import type { GovCheckDB } from './store/db';
import { sendMessage, type PageLinkSummary, type ScanSummary } from './messages';
import { allFindings, deleteAll, findingsForSite, listSites, findingsForPage, screenshotsForFindings, listRounds } from './store/repo';
import { csvParts } from './export/scope';
import { exportBackup, exportSiteBackup, importBackup, parseBackup, validateBackup, type ImportSummary } from './export/backup';
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
    /**
     * checks the links of the open tab whose URL is `url` (after its scan), as the side panel's
     * 检查链接 does; force = 重新检查链接. Answers the counts and the stored link findings.
     */
    async checkLinksUrl(url: string, force = false): Promise<PageLinkSummary | { error: string }> {
      const want = normaliseUrl(url);
      const tab = (await chrome.tabs.query({})).find((t) => t.url && normaliseUrl(t.url) === want);
      if (!tab?.id) return { error: `没有打开的标签页：${url}` };
      try {
        return (await sendMessage('checkPageLinks', { force }, tab.id)) ?? { error: '页面没有响应' };
      } catch (e) {
        return { error: `页面没有响应（${e instanceof Error ? e.message : String(e)}）` };
      }
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
    /** one site's backup as text (the batch scan's record of a finished site, `--state`) */
    siteBackup: async (site: string) => JSON.stringify(await exportSiteBackup(db, site)),
    /** the pages stored for one site (the batch scan's per-page report) */
    sitePages: (site: string) => db.pages.where('site').equals(site).toArray(),
    /**
     * 网站名称 / 网站标识码 from a batch run's site list, kept only where the site's own pages gave
     * none (as a scan keeps the first non-empty name); answers which fields it filled
     */
    async fillSiteIdentity(site: string, name?: string, code?: string): Promise<{ name: boolean; code: boolean }> {
      return db.transaction('rw', db.sites, async () => {
        const rec = await db.sites.get(site);
        if (!rec) return { name: false, code: false };
        const filled = { name: !rec.name && !!name, code: !rec.siteCode && !!code };
        if (filled.name || filled.code) await db.sites.put({ ...rec, name: rec.name || name || '', siteCode: rec.siteCode || code || '' });
        return filled;
      });
    },
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
