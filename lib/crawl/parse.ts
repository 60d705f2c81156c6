/**
 * A fetched page through the same scan code the content script runs: parse the HTML into a
 * detached document (scripts never run, nothing loads), build the PageModel, run every rule,
 * judge the column. Needs a DOMParser: the offscreen document in Chromium, the background page
 * in Firefox, happy-dom in tests.
 */
import type { ColumnStatus, ScanReport, Settings } from '../types';
import { buildPageModel } from '../scan/page-model';
import { runRules } from '../rules/run';
import { toFindings } from '../scan/report';
import { normaliseUrl } from '../fingerprint';
import { todayIso } from '../settings';
import { readSiteCode } from '../rules/footer';
import { analyse } from '../timeliness/analyse';
import { collectLinks } from './links';
import type { ParsedPage } from './types';

export interface ParseInput {
  url: string;
  html: string;
  settings: Settings;
}

function siteNameOf(meta: Record<string, string>, title: string): string {
  if (meta.SiteName) return meta.SiteName;
  const parts = title.split(/\s*[-_|｜—]\s*/).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : title;
}

export function parseCrawledPage(input: ParseInput, parser: { parseFromString(html: string, type: 'text/html'): Document }): ParsedPage {
  const t0 = Date.now();
  const doc = parser.parseFromString(input.html, 'text/html');
  const links = collectLinks(doc, input.url);
  const { model } = buildPageModel(doc, { url: input.url, today: todayIso(input.settings) });
  const { findings: results, errors } = runRules(model, input.settings);
  const reported = toFindings(model, results, input.settings.inspector);
  // the refined type and status the freshness rules used, so the table and the findings agree
  const t = analyse(model, input.settings);
  const column: ColumnStatus | null = t.status;
  const pageType = t.pageType;
  const report: ScanReport = {
    page: {
      url: normaliseUrl(model.url),
      site: model.host,
      title: model.title,
      pageType,
      pubDate: model.pubDate,
      scanMs: Date.now() - t0,
      lastScanned: Date.now(),
      findingCount: reported.length,
      ...(pageType === 'column' || pageType === 'home'
        ? { columnType: column.columnType, columnName: column.columnName, newestDate: column.newestDate, columnStatus: column.status, crawledAt: Date.now() }
        : {}),
    },
    siteName: siteNameOf(model.meta, model.title),
    siteCode: readSiteCode(model),
    findings: reported.map((r) => r.finding),
    notes: [...model.notes, ...errors.map((e) => `规则 ${e.ruleId} 出错已跳过：${e.error}`)],
  };
  return { url: model.url, links, column, pageType, report };
}
