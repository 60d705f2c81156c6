/**
 * The Word 通报's input from a JSON backup (lib/export/backup.ts), for the headless scan: it reads the
 * extension's backup through the automation API and builds the .docx in node, with no store. The
 * same round membership, column vetoes and verdicts as the dashboard's path (lib/export/docx-store.ts).
 */
import type { Backup } from './backup';
import { base64ToBytes } from './backup';
import type { Finding, PageRecord } from '../types';
import { roundsSeen } from '../rounds/compare';
import { columnVetoReasons, COLUMN_RULES } from '../verdict/site-columns';
import { siteVerdict } from '../verdict/index';
import { planProblems, plannedFindingIds, reportable, type ReportSite } from './docx-plan';
import type { ReportInput, ReportScreenshot } from './docx';
import type { DocxRequest } from './docx-store';
import style from '../data/report-style.json';

function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
  return m;
}

export function reportInputFromBackup(backup: Backup, req: DocxRequest = {}): ReportInput {
  const now = req.now ?? new Date();
  const inRound = req.round ? backup.findings.filter((f) => roundsSeen(f).includes(req.round!)) : backup.findings;
  const findingsBySite = groupBy(inRound, (f) => f.site);
  // a round covers only the sites inspected in it (as siteStats)
  const wanted = req.sites ? new Set(req.sites) : null;
  // a clean site scanned in the round is inspected too (附件1 lists it as 合格)
  const scannedInRound = new Set(backup.pages.filter((p) => !req.round || p.rounds?.includes(req.round)).map((p) => p.site));
  const chosen = backup.sites.filter((s) => (!req.round || findingsBySite.has(s.site) || scannedInRound.has(s.site)) && (!wanted || wanted.has(s.site)));
  const pagesBySite = groupBy(
    backup.pages.filter((p: PageRecord) => p.columnStatus),
    (p) => p.site,
  );
  const columnFindingsBySite = groupBy(
    backup.findings.filter((f) => COLUMN_RULES.includes(f.ruleId)),
    (f) => f.site,
  );
  const sites: ReportSite[] = chosen.map((site) => {
    const vetoReasons = columnVetoReasons(pagesBySite.get(site.site) ?? [], columnFindingsBySite.get(site.site) ?? [], now.getTime());
    return { site, vetoReasons, verdict: siteVerdict(findingsBySite.get(site.site) ?? [], { weights: req.weights, vetoReasons }) };
  });
  const findings: Finding[] = chosen.flatMap((s) => findingsBySite.get(s.site) ?? []).filter(reportable);

  const ids = plannedFindingIds(planProblems(sites, findings));
  const newest = new Map<string, Backup['screenshots'][number]>();
  for (const s of [...backup.screenshots].sort((a, b) => a.createdAt - b.createdAt)) newest.set(s.findingId, s);
  const screenshots: ReportScreenshot[] = ids
    .flatMap((id) => newest.get(id) ?? [])
    .slice(0, style.maxScreenshots)
    .map((s) => ({ findingId: s.findingId, data: base64ToBytes(s.data), width: s.width, height: s.height, createdAt: s.createdAt }));
  return { round: req.roundName ?? req.round ?? '', sites, findings, screenshots, requirements: req.requirements, date: req.now };
}
