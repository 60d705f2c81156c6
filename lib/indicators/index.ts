/**
 * 检查首页指标: 站内搜索, 年度报表 and HTTPS on a site's home page, fetched fresh (the background
 * runs this on the inspector's request and with a watch's first probe). Each problem is a
 * 待复核 hint on the home page. A home page that cannot be loaded gives notes only.
 */
import cfg from '../data/indicators.json';
import { fetchPage } from '../crawl/fetch';
import { fingerprint, normaliseUrl } from '../fingerprint';
import type { Finding } from '../types';
import { homeFacts } from './home-facts';
import { checkSearch } from './search';
import { checkAnnualReport } from './annual-report';
import { checkHttps } from './https';
import type { IndicatorProblem } from './types';

export interface IndicatorRun {
  problems: IndicatorProblem[];
  notes: string[];
  /** the home page's title, '' when it could not be loaded */
  title: string;
}

export interface IndicatorOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** ISO date (tests pin it) */
  today: string;
}

export async function runHomeIndicators(homeUrl: string, opts: IndicatorOptions): Promise<IndicatorRun> {
  const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
  const home = await fetchPage(homeUrl, { homeUrl, timeoutMs, maxBytes: cfg.maxBytes, fetchImpl: opts.fetchImpl });
  if (home.kind !== 'html') {
    const why = home.kind === 'error' ? home.message : home.kind === 'offsite' ? `跳转到 ${home.to}` : `不是网页（${home.contentType}）`;
    return { problems: [], notes: [`首页无法读取（${why}），未检查首页指标。`], title: '' };
  }
  const facts = homeFacts(home.html);
  const outcomes = await Promise.all([checkSearch(facts, home.url, { fetchImpl: opts.fetchImpl, timeoutMs }), checkAnnualReport(facts, opts.today), checkHttps(homeUrl, { fetchImpl: opts.fetchImpl, timeoutMs })]);
  return { problems: outcomes.flatMap((o) => (o.problem ? [o.problem] : [])), notes: outcomes.map((o) => o.note), title: facts.title };
}

/** The problems as findings of the home page (page-anchored hints), ready for the store. */
export function indicatorFindings(site: string, homeUrl: string, problems: IndicatorProblem[], inspector?: string): Omit<Finding, 'status' | 'createdAt' | 'lastSeen' | 'updatedAt'>[] {
  const url = normaliseUrl(homeUrl);
  return problems.map((p) => ({
    id: fingerprint({ site, url, ruleId: p.ruleId, evidence: p.evidence, occurrence: 0 }),
    ruleId: p.ruleId,
    severity: 'hint',
    category: p.category,
    message: p.message,
    evidence: p.evidence,
    suggestion: p.suggestion,
    url,
    site,
    anchor: 'page',
    source: 'auto',
    ...(inspector ? { inspector } : {}),
  }));
}

export type { IndicatorProblem } from './types';
