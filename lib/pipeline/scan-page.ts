/**
 * The one scan pipeline: build the page context (lib/scan), run every rule (lib/rules), run the
 * background stages, and turn the results into stored findings and the ScanReport. The content
 * script runs it chunked on the live page, the crawl one-shot on a DOMParser document, the
 * headless scan through the extension, the tests directly.
 */
import type { ColumnStatus, RuleFinding, ScanReport, Settings } from '../types';
import { buildPageModel, buildPageModelChunked, type BuiltPage } from '../scan/page-model';
import { runRules, runRulesChunked } from '../rules/run';
import { readSiteCode } from '../rules/footer';
import { analyse } from '../timeliness/analyse';
import { normaliseUrl } from '../fingerprint';
import { todayIso } from '../settings';
import { toFindings, type ReportedFinding } from './report';
import { siteNameOf } from './site-name';
import { runStages, type Background } from './stages';

export interface ScanOptions {
  settings: Settings;
  /** the page's URL; defaults to doc.URL (detached documents need it given) */
  url?: string;
  /** elements to leave out (the extension's own overlay host) */
  skipElement?: (el: Element) => boolean;
  /** given: build and run rules in slices, awaiting this between them (live pages); absent: one shot */
  yieldToPage?: () => Promise<void>;
  /** how to reach the background for the stages (spam-domain list); {} skips them */
  background: Background;
  /** marks crawled list pages in the page record */
  crawledAt?: number;
}

export interface PageScan {
  built: BuiltPage;
  /** every rule and stage result, including paint-only ones */
  results: RuleFinding[];
  /** stored findings paired with the result that produced them */
  reported: { finding: ReportedFinding; result: RuleFinding }[];
  report: ScanReport;
  scanMs: number;
}

const STAGE_NOTE: Record<string, string> = {
  'spam-domains': '未能对照违法网站名单检查外部链接（扩展后台未响应）。',
  typos: '未能完成词语、成语、机构名称等错别字检查（扩展后台未响应）。',
  links: '未能检查链接是否可用（扩展后台未响应）。',
};

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function scanPage(doc: Document, options: ScanOptions): Promise<PageScan> {
  const { settings, yieldToPage } = options;
  const t0 = clock();
  const buildOpts = { url: options.url, today: todayIso(settings), skipElement: options.skipElement };
  const built = yieldToPage ? await buildPageModelChunked(doc, buildOpts, yieldToPage) : buildPageModel(doc, buildOpts);
  const page = built.model;
  const { findings: results, errors } = yieldToPage
    ? await runRulesChunked(page, settings, yieldToPage)
    : runRules(page, settings);
  const stages = await runStages(page, results, options.background, settings);
  results.push(...stages.findings);
  const reported = toFindings(page, results, settings.inspector);
  const scanMs = Math.round(clock() - t0);
  const notes = [
    ...page.notes,
    ...errors.map((e) => `规则 ${e.ruleId} 出错已跳过：${e.error}`),
    ...stages.failed.map((s) => STAGE_NOTE[s] ?? `检查步骤 ${s} 未完成。`),
  ];
  // the column status the freshness rules judged (cached per page and settings)
  const isList = page.pageType === 'column' || page.pageType === 'home';
  const column: ColumnStatus | null = isList ? analyse(page, settings).status : null;
  const report: ScanReport = {
    page: {
      url: normaliseUrl(page.url),
      site: page.host,
      title: page.title,
      pageType: page.pageType,
      pubDate: page.pubDate,
      scanMs,
      lastScanned: Date.now(),
      findingCount: reported.length,
      ...(column
        ? {
            columnType: column.columnType,
            columnName: column.columnName,
            newestDate: column.newestDate,
            columnStatus: column.status,
            ...(options.crawledAt !== undefined ? { crawledAt: options.crawledAt } : {}),
          }
        : {}),
    },
    column,
    siteName: siteNameOf(page),
    siteCode: readSiteCode(page),
    findings: reported.map((r) => r.finding),
    notes,
  };
  return { built, results, reported, report, scanMs };
}
