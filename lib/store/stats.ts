/**
 * Per-site aggregates for the dashboard. siteStats reads the write-time aggregates (fast);
 * recountSiteStats recounts from indexes (primary keys only), never loading every finding.
 *
 * The recount: one getAllKeys per distinct ruleId and per minority severity / status value gives
 * id → (rule, severity, status) codes; one per site gives the site's ids. Only veto findings (few)
 * and the pages are read whole. Cost is per key read (~2 × the findings count): at 100k findings
 * ≈ 1–2 s on a busy 2-core machine, so the dashboard paints from its last result first
 * (lib/store/stats-cache.ts) and replaces it when this finishes.
 */
import type { Finding, FindingStatus, Severity, SiteRecord } from '../types';
import type { GovCheckDB } from './db';
import { ALL_ROUNDS } from './site-aggregates';
import { findingsForRound } from './repo';
import { COLUMN_RULES } from '../verdict/site-columns';
import { judgeSite } from '../verdict/site';
import { availabilityVetoReasons } from '../watch/rate';
import { watchProbes } from './probes';
import { counts as isCounted } from '../verdict/score';
import { vetoPhrase, type SiteVerdict, type VerdictOptions, type VerdictCounts, type VetoReason } from '../verdict/index';

export interface SiteStats {
  site: SiteRecord;
  pages: number;
  findings: number;
  /** counts by severity, dismissed excluded */
  bySeverity: Record<Severity, number>;
  byStatus: Record<FindingStatus, number>;
  verdict: SiteVerdict;
  /** what the verdict was computed from: lets the UI re-judge with other weights cheaply */
  counts: VerdictCounts;
  /** site-level column vetoes (lib/verdict/site-columns.ts) */
  vetoReasons: VetoReason[];
}

export interface StatsQuery {
  /**
   * only findings of this round (检查批次): first found in it or seen again in it; only sites with
   * a finding or a page scanned in it (a site not inspected in the round is not in its 附件1).
   * '' = all rounds.
   */
  round?: string;
}

// index 0 is the default of the code below: the majority value, never read from an index
const SEVERITIES: Severity[] = ['deduct', 'veto', 'hint'];
const STATUSES: FindingStatus[] = ['open', 'confirmed', 'dismissed', 'fixed'];

/**
 * Aggregated counts per site from the write-time aggregates (lib/store/site-aggregates.ts): one
 * row per site × round, the pages, and only when the crawl recorded column statuses the column
 * findings. What the dashboard and the annex read.
 */
export async function siteStats(db: GovCheckDB, q: StatsQuery = {}, opts: VerdictOptions = {}, now = Date.now()): Promise<SiteStats[]> {
  return db.transaction('r', [db.sites, db.pages, db.findings, db.siteStats, db.sitePages, db.watches, db.probes], async () => {
    const t0 = performance.now();
    const [sites, aggs, pageSites, columnPages] = await Promise.all([
      db.sites.toArray(),
      // one row per site: the round's, or the all-rounds one
      db.siteStats.where('round').equals(q.round || ALL_ROUNDS).toArray(),
      // page counts kept at write time; only pages with a column status are read whole
      db.sitePages.toArray(),
      db.pages.orderBy('columnStatus').toArray(),
    ]);
    performance.measure?.('govcheck-stats-read', { start: t0 });
    const columnFindings = columnPages.length ? await db.findings.where('ruleId').anyOf(COLUMN_RULES).toArray() : [];
    // 站点无法访问: the watched sites' probes (a few hundred rows per watched site)
    const watched = await watchProbes(db);
    const pageCount = new Map(pageSites.map((p) => [p.site, p.pages]));
    // url order, as a full read gives them: the first home page of a site is its home
    columnPages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const pagesBySite = group(columnPages, (p) => p.site);
    const columnFindingsBySite = group(columnFindings, (f) => f.site);
    const aggsBySite = group(aggs, (a) => a.site);

    // a site is in a round with a finding seen in it, or with a page scanned in it (clean sites)
    const unseen = q.round ? sites.filter((s) => !aggsBySite.has(s.site)) : [];
    const scannedInRound = unseen.length ? new Set((await db.pages.where('rounds').equals(q.round!).toArray()).map((p) => p.site)) : new Set<string>();
    const inScope = q.round ? sites.filter((s) => aggsBySite.has(s.site) || scannedInRound.has(s.site)) : sites;
    const out = inScope.map((site): SiteStats => {
      const bySeverity: Record<Severity, number> = { veto: 0, deduct: 0, hint: 0 };
      const byStatus: Record<FindingStatus, number> = { open: 0, confirmed: 0, dismissed: 0, fixed: 0 };
      const perRule: VerdictCounts['perRule'] = new Map();
      const vetoes = { open: 0, confirmed: 0 };
      const phrases = { open: new Set<string>(), confirmed: new Set<string>() };
      let total = 0;
      for (const a of aggsBySite.get(site.site) ?? []) {
        total += a.total;
        for (const k of STATUSES) byStatus[k] += a.byStatus[k] ?? 0;
        for (const k of SEVERITIES) bySeverity[k] += a.bySeverity[k] ?? 0;
        for (const [key, n] of Object.entries(a.rules)) {
          const [ruleId, severity] = key.split('\t') as [string, Severity];
          addRule(perRule, ruleId, severity, n);
        }
        for (const [key, n] of Object.entries(a.vetoes)) {
          const [phrase, status] = key.split('\t') as [string, 'open' | 'confirmed'];
          if (n <= 0 || !(status in vetoes)) continue;
          vetoes[status] += n;
          phrases[status].add(phrase);
        }
      }
      const counts: VerdictCounts = {
        confirmedVetoes: vetoes.confirmed,
        openVetoes: vetoes.open,
        confirmedPhrases: [...phrases.confirmed].sort(),
        openPhrases: [...phrases.open].sort(),
        perRule,
      };
      const { verdict, vetoReasons } = judgeSite(counts, pagesBySite.get(site.site) ?? [], columnFindingsBySite.get(site.site) ?? [], { ...opts, vetoReasons: availabilityVetoReasons(site.site, watched, now) }, now);
      return { site, pages: pageCount.get(site.site) ?? 0, vetoReasons, findings: total, bySeverity, byStatus, verdict, counts };
    });
    performance.measure?.('govcheck-stats', { start: t0 });
    return out;
  });
}

/** One rule's scored count; a rule seen with both severities is weighed as 'deduct' (order-free). */
function addRule(perRule: VerdictCounts['perRule'], ruleId: string, severity: Severity, n: number): void {
  const e = perRule.get(ruleId);
  if (!e) perRule.set(ruleId, { count: n, severity });
  else {
    e.count += n;
    if (severity === 'deduct') e.severity = 'deduct';
  }
}

/**
 * The same aggregates recounted from the findings through indexes: the reference the write-time
 * aggregates are tested against (and a fallback should they ever be suspected wrong).
 */
export async function recountSiteStats(db: GovCheckDB, q: StatsQuery = {}, opts: VerdictOptions = {}, now = Date.now()): Promise<SiteStats[]> {
  return db.transaction('r', [db.sites, db.pages, db.findings, db.watches, db.probes], async () => {
    const t0 = performance.now();
    const ruleIds = await distinctKeys(db, 'ruleId');
    // every read in flight at once: IndexedDB pipelines them within the transaction
    const [sites, rulePks, hintPks, vetoes, statusPks, roundPks, pages] = await Promise.all([
      db.sites.toArray(),
      Promise.all(ruleIds.map((r) => db.findings.where('ruleId').equals(r).primaryKeys())),
      // only the minority values are read: a finding in none of them is 'deduct' / 'open'
      db.findings.where('severity').equals('hint').primaryKeys(),
      // vetoes are few: read whole for their category (附件2 wording of manual captures)
      db.findings.where('severity').equals('veto').toArray(),
      Promise.all(STATUSES.slice(1).map((s) => db.findings.where('status').equals(s).primaryKeys())),
      // the round's findings by the one membership rule (first found or seen again in it)
      q.round ? findingsForRound(db, q.round).then((l) => l.map((f) => f.id)) : Promise.resolve(null),
      db.pages.toArray(),
    ]);
    performance.measure?.('govcheck-stats-read', { start: t0 });
    const sitePksP = Promise.all(sites.map((s) => db.findings.where('site').equals(s.site).primaryKeys()));
    // column findings matter only when the crawl recorded column statuses
    const columnFindingsP = pages.some((p) => p.columnStatus) ? db.findings.where('ruleId').anyOf(COLUMN_RULES).toArray() : Promise.resolve([] as Finding[]);

    // code = ruleIdx * 16 + severityIdx * 4 + statusIdx (indexes into SEVERITIES / STATUSES)
    const code = new Map<string, number>();
    rulePks.forEach((ids, ri) => {
      for (const id of ids) code.set(id, ri * 16);
    });
    for (const id of hintPks) code.set(id, (code.get(id) ?? 0) + 2 * 4);
    for (const f of vetoes) code.set(f.id, (code.get(f.id) ?? 0) + 1 * 4);
    statusPks.forEach((ids, i) => {
      for (const id of ids) code.set(id, (code.get(id) ?? 0) + i + 1);
    });
    const inRound = roundPks ? new Set(roundPks) : null;

    const vetoBySite = new Map<string, Finding[]>();
    for (const f of vetoes) {
      if (inRound && !inRound.has(f.id)) continue;
      const l = vetoBySite.get(f.site);
      if (l) l.push(f);
      else vetoBySite.set(f.site, [f]);
    }

    const [sitePks, columnFindings, watched] = await Promise.all([sitePksP, columnFindingsP, watchProbes(db)]);
    const pagesBySite = group(pages, (p) => p.site);
    const columnFindingsBySite = group(columnFindings, (f) => f.site);

    const out = sites.map((site, i): SiteStats => {
      const bySeverity: Record<Severity, number> = { veto: 0, deduct: 0, hint: 0 };
      const byStatus: Record<FindingStatus, number> = { open: 0, confirmed: 0, dismissed: 0, fixed: 0 };
      const perRule: VerdictCounts['perRule'] = new Map();
      let total = 0;
      for (const id of sitePks[i]!) {
        if (inRound && !inRound.has(id)) continue;
        const c = code.get(id);
        if (c === undefined) continue;
        const status = STATUSES[c & 3]!;
        const severity = SEVERITIES[(c >> 2) & 3]!;
        total++;
        byStatus[status]++;
        if (status === 'dismissed') continue;
        bySeverity[severity]++;
        if (!isCounted({ ruleId: '', severity, status })) continue;
        addRule(perRule, ruleIds[c >> 4]!, severity, 1);
      }
      const v = vetoBySite.get(site.site) ?? [];
      const counts: VerdictCounts = {
        confirmedVetoes: v.filter((f) => f.status === 'confirmed').length,
        openVetoes: v.filter((f) => f.status === 'open').length,
        confirmedPhrases: [...new Set(v.filter((f) => f.status === 'confirmed').map(vetoPhrase))].sort(),
        openPhrases: [...new Set(v.filter((f) => f.status === 'open').map(vetoPhrase))].sort(),
        perRule,
      };
      const { verdict, vetoReasons } = judgeSite(counts, pagesBySite.get(site.site) ?? [], columnFindingsBySite.get(site.site) ?? [], { ...opts, vetoReasons: availabilityVetoReasons(site.site, watched, now) }, now);
      return { site, pages: pagesBySite.get(site.site)?.length ?? 0, vetoReasons, findings: total, bySeverity, byStatus, verdict, counts };
    }).filter((s) => !inRound || s.findings > 0 || (pagesBySite.get(s.site.site) ?? []).some((p) => p.rounds?.includes(q.round!)));
    // for the bench and DevTools: how long the recount took
    performance.measure?.('govcheck-stats', { start: t0 });
    return out;
  });
}

function group<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const l = m.get(key(x));
    if (l) l.push(x);
    else m.set(key(x), [x]);
  }
  return m;
}

/**
 * The distinct values of an index, one short seek per value: a `nextunique` cursor (Dexie's
 * uniqueKeys) walks every entry in Chromium's backing store, which costs seconds at 100k rows.
 */
async function distinctKeys(db: GovCheckDB, index: 'ruleId'): Promise<string[]> {
  const out: string[] = [];
  let next = (await db.findings.orderBy(index).limit(1).keys())[0];
  while (typeof next === 'string') {
    out.push(next);
    next = (await db.findings.where(index).above(next).limit(1).keys())[0];
  }
  return out;
}
