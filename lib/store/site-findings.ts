/**
 * Stores site-level findings that come from no page scan (home-page indicators): upserted by id
 * like saveScan's, the inspector's status and note kept, the page record left alone.
 */
import type { Finding, ScanReport } from '../types';
import type { GovCheckDB } from './db';
import { ensureRound, newFinding, seenAgain } from './repo';

type Incoming = ScanReport['findings'][number];

export async function saveSiteFindings(db: GovCheckDB, site: { site: string; homeUrl: string; name?: string }, findings: Incoming[], now = Date.now(), round?: string): Promise<Finding[]> {
  return db.transaction('rw', [db.sites, db.findings, db.rounds], async () => {
    if (round) await ensureRound(db, round, now);
    const prevSite = await db.sites.get(site.site);
    await db.sites.put({
      site: site.site,
      name: prevSite?.name || site.name || '',
      siteCode: prevSite?.siteCode ?? '',
      homeUrl: prevSite?.homeUrl || site.homeUrl,
      firstSeen: prevSite?.firstSeen ?? now,
      lastSeen: now,
    });
    const prev = await db.findings.bulkGet(findings.map((f) => f.id));
    const stored = findings.map((f, i): Finding => {
      const p = prev[i];
      if (!p) return newFinding(f, round, now);
      return { ...seenAgain(p, round, now), message: f.message, suggestion: f.suggestion };
    });
    await db.findings.bulkPut(stored);
    return stored;
  });
}
