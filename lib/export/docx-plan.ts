/**
 * What 二、存在的主要问题 of the Word 通报 lists: the reportable findings of the chosen sites,
 * grouped under the headings of lib/data/report-headings.json (单项否决 first, then 扣分), site by
 * site, at most a few items per site under one heading. No docx here: the store reader uses the
 * plan to read only the screenshots that will be shown.
 */
import type { Category, Finding, Severity, SiteRecord } from '../types';
import type { SiteVerdict, VetoReason } from '../verdict/index';
import { counts } from '../verdict/score';
import headings from '../data/report-headings.json';
import style from '../data/report-style.json';

/** The fields of a finding the report reads (a stored Finding fits; the CLI may pass less). */
export type ReportFinding = Pick<Finding, 'id' | 'ruleId' | 'severity' | 'category' | 'status' | 'message' | 'evidence' | 'url' | 'site'> &
  Partial<Pick<Finding, 'screenshotId' | 'createdAt'>>;

export interface ReportSite {
  site: SiteRecord;
  /** the site's verdict; computed from its findings when absent */
  verdict?: SiteVerdict;
  /** site-level vetoes (lib/verdict/site-columns.ts); only confirmed ones are reported */
  vetoReasons?: VetoReason[];
}

export interface PlannedSite {
  site: SiteRecord;
  items: ReportFinding[];
  /** confirmed site-level veto reasons shown under this heading */
  reasons: string[];
  /** reportable findings left out by the per-site cap */
  more: number;
}

export interface PlannedHeading {
  title: string;
  group: 'veto' | 'deduct';
  sites: PlannedSite[];
}

interface HeadingDef {
  title: string;
  rules: string[];
  categories: string[];
  siteReasons?: boolean;
}

const GROUPS: Record<'veto' | 'deduct', { list: HeadingDef[]; fallback: string }> = {
  veto: { list: headings.veto as HeadingDef[], fallback: headings.vetoFallback },
  deduct: { list: headings.deduct as HeadingDef[], fallback: headings.deductFallback },
};

/**
 * A finding the 通报 may cite: a 单项否决 only once the inspector confirmed it (a 通报 must not
 * cite a guess), anything else when it counts in the score (open or confirmed deductions,
 * confirmed hints).
 */
export function reportable(f: Pick<Finding, 'severity' | 'status' | 'ruleId'>): boolean {
  if (f.severity === 'veto') return f.status === 'confirmed';
  return counts(f);
}

/** The heading a finding goes under: by rule id, else by category, else the group's fallback. */
export function headingOf(f: { ruleId: string; category: Category; severity: Severity }): { group: 'veto' | 'deduct'; title: string } {
  const group = f.severity === 'veto' ? 'veto' : 'deduct';
  const { list, fallback } = GROUPS[group];
  const h = list.find((d) => d.rules.includes(f.ruleId)) ?? list.find((d) => d.categories.includes(f.category));
  return { group, title: h?.title ?? fallback };
}

/** Every heading in document order (the fallbacks close each group). */
export function headingOrder(): { group: 'veto' | 'deduct'; title: string }[] {
  return (['veto', 'deduct'] as const).flatMap((group) => [...GROUPS[group].list.map((h) => h.title), GROUPS[group].fallback].map((title) => ({ group, title })));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const compareSiteRecords = (a: SiteRecord, b: SiteRecord) => cmp(a.siteCode, b.siteCode) || cmp(a.site, b.site);

function confirmedReasons(s: ReportSite): string[] {
  return (s.vetoReasons ?? []).flatMap((r) => (typeof r !== 'string' && r.confirmed ? [r.reason] : []));
}

export interface PlanOptions {
  maxItemsPerSite?: number;
}

/**
 * The headings with their sites and items. Sites in 网站标识码 order (as 附件2); a site's items
 * with a screenshot first, then oldest first, then by page address.
 */
export function planProblems(sites: ReportSite[], findings: ReportFinding[], opts: PlanOptions = {}): PlannedHeading[] {
  const max = opts.maxItemsPerSite ?? style.maxItemsPerSite;
  const bySite = new Map(sites.map((s) => [s.site.site, s]));
  // title → host → findings
  const grouped = new Map<string, Map<string, ReportFinding[]>>();
  const reasonsOf = new Map<string, Map<string, string[]>>();
  const add = <T>(m: Map<string, Map<string, T[]>>, title: string, host: string, x: T) => {
    const t = m.get(title) ?? m.set(title, new Map()).get(title)!;
    (t.get(host) ?? t.set(host, []).get(host)!).push(x);
  };
  for (const f of findings) {
    if (!bySite.has(f.site) || !reportable(f)) continue;
    add(grouped, headingOf(f).title, f.site, f);
  }
  const reasonHeading = GROUPS.veto.list.find((h) => h.siteReasons)?.title ?? GROUPS.veto.fallback;
  for (const s of sites) for (const r of confirmedReasons(s)) add(reasonsOf, reasonHeading, s.site.site, r);

  const out: PlannedHeading[] = [];
  for (const { group, title } of headingOrder()) {
    const hosts = new Set([...(grouped.get(title)?.keys() ?? []), ...(reasonsOf.get(title)?.keys() ?? [])]);
    if (!hosts.size) continue;
    const planned = [...hosts]
      .map((host): PlannedSite => {
        const list = (grouped.get(title)?.get(host) ?? []).sort(
          (a, b) => Number(!a.screenshotId) - Number(!b.screenshotId) || (a.createdAt ?? 0) - (b.createdAt ?? 0) || cmp(a.url, b.url) || cmp(a.id, b.id),
        );
        return { site: bySite.get(host)!.site, items: list.slice(0, max), reasons: reasonsOf.get(title)?.get(host) ?? [], more: Math.max(0, list.length - max) };
      })
      .sort((a, b) => compareSiteRecords(a.site, b.site));
    out.push({ title, group, sites: planned });
  }
  return out;
}

/** Ids of the findings the plan shows, in document order (whose screenshots to read). */
export function plannedFindingIds(plan: PlannedHeading[]): string[] {
  return plan.flatMap((h) => h.sites.flatMap((s) => s.items.map((f) => f.id)));
}
