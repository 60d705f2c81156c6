/**
 * The one site-verdict builder, for the dashboard stats, the annex export (which reads those
 * stats) and the CLI report: the site's finding counts plus the column vetoes (栏目不更新 /
 * 首页不更新) judged over its list pages' recorded column statuses, plus any other site-level veto
 * reasons the caller has (opts.vetoReasons: 站点无法访问 from the availability watch).
 */
import type { Finding, PageRecord } from '../types';
import { columnVetoReasons } from './site-columns';
import { verdictFromCounts, type SiteVerdict, type VerdictCounts, type VerdictOptions, type VetoReason } from './index';

export interface SiteJudgement {
  verdict: SiteVerdict;
  /** the site-level vetoes that went into it (columns, availability) */
  vetoReasons: VetoReason[];
}

/**
 * `pages`: the site's pages with a column status (others are ignored); `columnFindings`: the
 * findings of the column rules on them (an inspector's dismissal lifts that column's veto).
 */
export function judgeSite(
  counts: VerdictCounts,
  pages: PageRecord[],
  columnFindings: Pick<Finding, 'url' | 'status'>[],
  opts: VerdictOptions = {},
  now = Date.now(),
): SiteJudgement {
  const vetoReasons = [...columnVetoReasons(pages, columnFindings, now), ...(opts.vetoReasons ?? [])];
  return { verdict: verdictFromCounts(counts, { ...opts, vetoReasons }), vetoReasons };
}
