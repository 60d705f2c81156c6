/**
 * The page's link check from the content script: the 'links' stage over the background's
 * checker (message checkLinks), its findings merged into the last scan so the one saveScan path
 * stores them (side panel, exports), and whether to check after every scan.
 */
import type { RuleFinding } from '@/lib/types';
import { runStages, linkCheckStage } from '@/lib/pipeline/stages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { toFindings } from '@/lib/pipeline/report';
import { sendMessage, type LinkCheckAnswer } from '@/lib/messages';
import type { ScanResult } from './scanner';

export const LINK_RULES: ReadonlySet<string> = new Set(['links.dead', 'links.suspect']);

export { linksAuto } from '@/lib/links/auto';

/** Runs the links stage for the scanned page; answers the findings and the background's answer. */
export async function runLinkStage(r: ScanResult, force: boolean): Promise<{ findings: RuleFinding[]; answer: LinkCheckAnswer }> {
  const model = r.built.model;
  let answer: LinkCheckAnswer | null = null;
  const { findings, failed } = await runStages(
    model,
    r.results.filter((f) => !LINK_RULES.has(f.ruleId)),
    {
      checkLinks: async (targets) => {
        answer = await sendMessage('checkLinks', { pageUrl: model.url, targets: targets.map((t) => ({ url: t.url, kind: t.kind })), force });
        return answer.results;
      },
    },
    DEFAULT_SETTINGS, // the links stage reads no setting
    [linkCheckStage],
  );
  if (failed.length) throw new Error('扩展后台未响应');
  return { findings, answer: answer ?? { results: [], checked: 0, skipped: 0, cached: 0, fetched: 0 } };
}

/** Replaces the scan's link findings by these, in its results, stored findings and report. */
export function mergeLinkFindings(r: ScanResult, findings: RuleFinding[], inspector: string): void {
  r.results = [...r.results.filter((f) => !LINK_RULES.has(f.ruleId)), ...findings];
  r.reported = toFindings(r.built.model, r.results, inspector);
  r.report.findings = r.reported.map((x) => x.finding);
  r.report.page = { ...r.report.page, findingCount: r.report.findings.length };
}
