import type { Finding, PageModel, RuleFinding, ScanReport, QuoteSelector } from '../types';
import { fingerprint, normaliseUrl } from '../fingerprint';
import { isPaintOnly } from '../rules/index';

const QUOTE_CONTEXT = 32;

/** A W3C TextQuoteSelector for [start, end): enough context to find the spot again later. */
export function quoteFor(text: string, start: number, end: number): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

export type ReportedFinding = ScanReport['findings'][number];

/**
 * Turns rule results into the findings the store keeps: paint-only results are dropped, and each
 * finding gets its fingerprint (site, url, rule, evidence, occurrence) so rescans update it.
 */
export function toFindings(page: PageModel, results: RuleFinding[], inspector = ''): { finding: ReportedFinding; result: RuleFinding }[] {
  const url = normaliseUrl(page.url);
  const site = page.host;
  const seen = new Map<string, number>();
  const out: { finding: ReportedFinding; result: RuleFinding }[] = [];
  for (const r of results) {
    if (isPaintOnly(r.ruleId)) continue;
    const key = r.ruleId + '\u0000' + r.evidence;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const anchor: Finding['anchor'] = r.start !== undefined && r.end !== undefined ? 'text' : r.element !== undefined ? 'element' : 'page';
    const finding: ReportedFinding = {
      id: fingerprint({ site, url, ruleId: r.ruleId, evidence: r.evidence, occurrence }),
      ruleId: r.ruleId,
      severity: r.severity,
      category: r.category,
      message: r.message,
      evidence: r.evidence,
      suggestion: r.suggestion,
      url,
      site,
      anchor,
      quote: anchor === 'text' ? quoteFor(page.text, r.start!, r.end!) : undefined,
      source: 'auto',
      inspector: inspector || undefined,
    };
    out.push({ finding, result: r });
  }
  return out;
}
