/** The extension's IndexedDB schema. Only the background opens it in the extension. */
import Dexie, { type EntityTable } from 'dexie';
import type { Finding, PageRecord, SiteRecord, ScreenshotRecord, RoundRecord } from '../types';
import type { WatchRecord, ProbeRecord } from '../watch/types';
import type { LinkCheckRecord, PageLinksRecord } from './link-checks';
import { aggregate, countPages, siteAggregatesMiddleware, type SiteAggregate, type SitePageCount } from './site-aggregates';

export class GovCheckDB extends Dexie {
  // `declare`: no class-field emit, so Dexie's own table properties are not shadowed
  declare sites: EntityTable<SiteRecord, 'site'>;
  declare pages: EntityTable<PageRecord, 'url'>;
  declare findings: EntityTable<Finding, 'id'>;
  declare screenshots: EntityTable<ScreenshotRecord, 'id'>;
  declare rounds: EntityTable<RoundRecord, 'id'>;
  /** per site × round finding counts, maintained at write time (lib/store/site-aggregates.ts) */
  declare siteStats: EntityTable<SiteAggregate, 'key'>;
  declare sitePages: EntityTable<SitePageCount, 'site'>;
  /** 站点无法访问 watch: watched sites and every probe that ran (lib/watch) */
  declare watches: EntityTable<WatchRecord, 'site'>;
  declare probes: EntityTable<ProbeRecord, 'id'>;
  /** the link checker's cache: one result per normalised URL (lib/store/link-checks.ts) */
  declare linkChecks: EntityTable<LinkCheckRecord, 'url'>;
  /** the links of each crawled page, for 检查全站链接 (lib/store/link-checks.ts) */
  declare pageLinks: EntityTable<PageLinksRecord, 'url'>;

  constructor(name = 'govcheck') {
    super(name);
    // Schema changes need a new version() with a migration and a test on real v1 data.
    this.version(1).stores({
      sites: 'site, lastSeen',
      pages: 'url, site, lastScanned',
      findings: 'id, url, site, ruleId, status, severity, lastSeen, [site+status]',
    });
    // v2: screenshots (Blobs in their own table) and inspection rounds; findings indexed by round
    this.version(2).stores({
      findings: 'id, url, site, ruleId, status, severity, lastSeen, round, [site+status], [site+round]',
      screenshots: 'id, findingId, createdAt',
      rounds: 'id, createdAt',
    });
    // v3: the dashboard's per-site aggregates, computed once from the existing rows here and then
    // kept by the middleware inside every transaction that writes findings
    this.version(3)
      // pages by columnStatus: the site verdict reads only the (few) column pages whole
      .stores({ siteStats: 'key, site, round', sitePages: 'site', pages: 'url, site, lastScanned, columnStatus' })
      .upgrade(async (tx) => {
        const rows = aggregate(await tx.table<Finding>('findings').toArray());
        await tx.table('siteStats').bulkPut(rows);
        await tx.table('sitePages').bulkPut(countPages(await tx.table<PageRecord>('pages').toArray()));
      });
    // v4: pages by the rounds they were scanned in (multi-entry): a clean site inspected in a round
    // has pages but no findings there, and still belongs in that round's 附件1. IndexedDB fills the
    // new index from the existing rows itself.
    this.version(4).stores({ pages: 'url, site, lastScanned, columnStatus, *rounds' });
    // v5: the availability watch (站点无法访问): one row per watched site, one per probe that ran
    this.version(5).stores({ watches: 'site', probes: '++id, [site+at]' });
    // v6: the link checker's cache (links.dead / links.suspect): a result per URL, each URL checked
    // at most once per cacheTtlMs, by checkedAt so old rows can be pruned; and the links of each
    // crawled page, by site, for the whole-site link check
    this.version(6).stores({ linkChecks: 'url, checkedAt', pageLinks: 'url, site' });
    this.use(siteAggregatesMiddleware);
  }
}

let instance: GovCheckDB | undefined;

/** The shared database, opened on first use (Dexie opens lazily on the first query). */
export function getDb(): GovCheckDB {
  return (instance ??= new GovCheckDB());
}
