import type { ScanReport } from '../../../lib/types';
import { fingerprint } from '../../../lib/fingerprint';

type F = ScanReport['findings'][number];

/** A finding as the content script would send it, with a real fingerprint id. */
export function makeFinding(over: Partial<F> & { url: string; site: string }, occurrence = 0): F {
  const base = {
    ruleId: 'typo.known',
    severity: 'deduct' as const,
    category: 'typo' as const,
    message: '疑似错别字“即然”，应为“既然”。',
    evidence: '即然',
    suggestion: '既然',
    anchor: 'text' as const,
    quote: { exact: '即然', prefix: '我们', suffix: '要做' },
    source: 'auto' as const,
    ...over,
  };
  const id =
    over.id ??
    fingerprint({ site: base.site, url: base.url, ruleId: base.ruleId, evidence: base.evidence, occurrence });
  return { ...base, id };
}

export function makeReport(url: string, findings: F[], over: Partial<ScanReport> = {}): ScanReport {
  const site = new URL(url).host;
  return {
    page: {
      url,
      site,
      title: '首页',
      pageType: 'home',
      pubDate: null,
      scanMs: 12,
      lastScanned: 0,
      findingCount: findings.length,
    },
    siteName: '宜春市人民政府',
    siteCode: '3609000001',
    findings,
    notes: [],
    ...over,
  };
}
