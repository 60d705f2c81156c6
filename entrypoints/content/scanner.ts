import type { RuleFinding, ScanReport, Settings } from '@/lib/types';
import { buildPageModelChunked, type BuiltPage } from '@/lib/scan/page-model';
import { runRulesChunked } from '@/lib/rules/run';
import { toFindings } from '@/lib/scan/report';
import { analyse } from '@/lib/timeliness/analyse';
import { normaliseUrl } from '@/lib/fingerprint';
import { todayIso } from '@/lib/settings';
import { readSiteCode } from '@/lib/rules/footer';
import { hostsToCheck, spamHostFindings } from '@/lib/rules/links';
import { sendMessage } from '@/lib/messages';

export interface ScanResult {
  built: BuiltPage;
  /** every rule result, including paint-only ones */
  results: RuleFinding[];
  /** stored findings paired with the rule result that produced them */
  reported: { finding: ScanReport['findings'][number]; result: RuleFinding }[];
  report: ScanReport;
  scanMs: number;
}

/** Gives the main thread back to the page between slices of work. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((r) => setTimeout(r, 0));
}

function siteName(built: BuiltPage): string {
  const m = built.model.meta;
  if (m.SiteName) return m.SiteName;
  const t = built.model.title;
  // titles read "article - site" or "article_site"; the last part is the site's name
  const parts = t.split(/\s*[-_|｜—]\s*/).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : t;
}

/**
 * links.spam against the known spam-domain list, which lives in the background (too big for the
 * content script): one message with the page's distinct external hosts. No background (tests,
 * a reloading extension) means no domain check, never a failed scan.
 */
async function spamHostCheck(model: BuiltPage['model'], results: RuleFinding[]): Promise<RuleFinding[]> {
  const hosts = hostsToCheck(model);
  if (!hosts.length) return [];
  try {
    return spamHostFindings(model, (await sendMessage('checkSpamHosts', hosts)) ?? [], results);
  } catch {
    return [];
  }
}

/** Builds the model, runs the rules and prepares the report; never touches the page's DOM. */
export async function scanDocument(doc: Document, settings: Settings, skipElement: (el: Element) => boolean): Promise<ScanResult> {
  const t0 = performance.now();
  const built = await buildPageModelChunked(doc, { url: location.href, today: todayIso(settings), skipElement }, yieldToPage);
  const { findings: results, errors } = await runRulesChunked(built.model, settings, yieldToPage);
  results.push(...(await spamHostCheck(built.model, results)));
  const reported = toFindings(built.model, results, settings.inspector);
  const scanMs = Math.round(performance.now() - t0);
  const notes = [...built.model.notes, ...errors.map((e) => `规则 ${e.ruleId} 出错已跳过：${e.error}`)];
  // the refined page type and column status (cached: the freshness rules computed it already)
  const timeliness = analyse(built.model, settings);
  const isList = timeliness.pageType === 'column' || timeliness.pageType === 'home';
  const column = isList ? timeliness.status : null;
  const report: ScanReport = {
    page: {
      url: normaliseUrl(built.model.url),
      site: built.model.host,
      title: built.model.title,
      pageType: timeliness.pageType,
      pubDate: built.model.pubDate,
      scanMs,
      lastScanned: Date.now(),
      findingCount: reported.length,
      ...(column ? { columnType: column.columnType, columnName: column.columnName, newestDate: column.newestDate, columnStatus: column.status } : {}),
    },
    column,
    siteName: siteName(built),
    siteCode: readSiteCode(built.model),
    findings: reported.map((r) => r.finding),
    notes,
  };
  return { built, results, reported, report, scanMs };
}

