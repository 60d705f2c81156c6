/**
 * Reads what the Word 通报 needs from the store, as the other exports do: the sites of a round with
 * the dashboard's verdicts (siteStats), their findings in the round, and only the screenshots the
 * report will show (the newest of each planned finding).
 */
import type { GovCheckDB } from '../store/db';
import type { Finding, ScreenshotRecord } from '../types';
import type { ScoreWeights } from '../verdict/score';
import { siteStats } from '../store/stats';
import { findingsForRound, screenshotsForFindings } from '../store/repo';
import { planProblems, plannedFindingIds, reportable } from './docx-plan';
import { safeName, ymd } from './file-name';
import type { ReportInput, ReportScreenshot } from './docx';
import style from '../data/report-style.json';

export interface DocxRequest {
  /** round id ('' or absent: every round) */
  round?: string;
  /** the round's name for the title */
  roundName?: string;
  /** only these sites (the dashboard's filtered list); absent: every site of the round */
  sites?: string[];
  weights?: ScoreWeights;
  requirements?: string;
  now?: Date;
}

export async function reportInputFromStore(db: GovCheckDB, req: DocxRequest): Promise<ReportInput> {
  const stats = await siteStats(db, { round: req.round }, { weights: req.weights });
  const wanted = req.sites ? new Set(req.sites) : null;
  const chosen = stats.filter((s) => !wanted || wanted.has(s.site.site));
  const sites = chosen.map((s) => ({ site: s.site, verdict: s.verdict, vetoReasons: s.vetoReasons }));
  // site by site, all reads in flight at once; only what the report may cite is kept
  const lists = await Promise.all(
    chosen.map((s) => (req.round ? findingsForRound(db, req.round, s.site.site) : db.findings.where('site').equals(s.site.site).toArray())),
  );
  const findings: Finding[] = lists.flat().filter(reportable);
  // the newest screenshot of each planned finding, in document order, up to the document's cap;
  // only those blobs are read into memory
  const ids = plannedFindingIds(planProblems(sites, findings));
  const newest = new Map<string, ScreenshotRecord>();
  for (const r of await screenshotsForFindings(db, ids)) newest.set(r.findingId, r);
  const shown = ids.flatMap((id) => newest.get(id) ?? []).slice(0, style.maxScreenshots);
  const screenshots: ReportScreenshot[] = await Promise.all(
    shown.map(async (r) => ({ findingId: r.findingId, data: new Uint8Array(await r.blob.arrayBuffer()), width: r.width, height: r.height, createdAt: r.createdAt })),
  );
  return { round: req.roundName ?? req.round ?? '', sites, findings, screenshots, requirements: req.requirements, date: req.now };
}

export function docxFileName(roundName: string | undefined, now: Date): string {
  return `govcheck-通报-${roundName ? safeName(roundName) + '-' : ''}${ymd(now)}.docx`;
}
