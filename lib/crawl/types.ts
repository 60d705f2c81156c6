/** Contracts of the site crawl (lib/crawl, the background crawler and the side panel). */
import type { ColumnStatus, PageType, ScanReport } from '../types';
import type { ColumnVerdict } from '../verdict/columns';
import type { PageLinkTarget } from '../rules/links-check';

/** Where on the page a link sits: what makes it a column link. */
export type LinkPlace = 'nav' | 'more' | 'footer' | 'body';

/** A link read from a parsed page, with its place and, for 更多 links, the section's heading. */
export interface RawLink {
  href: string;
  text: string;
  place: LinkPlace;
  /** for 更多 links: the heading of the block the link closes */
  heading?: string;
}

/** How a column was found. */
export type ColumnVia = 'nav' | 'more' | 'sitemap';

export interface ColumnLink {
  url: string;
  name: string;
  via: ColumnVia;
}

export interface SkippedLink {
  url: string;
  name: string;
  /** Chinese, shown in the table */
  reason: string;
}

/** What one fetch gave. */
export type FetchOutcome =
  | { kind: 'html'; url: string; html: string; status: number }
  | { kind: 'not-html'; url: string; contentType: string }
  | { kind: 'offsite'; url: string; to: string }
  | { kind: 'error'; url: string; status?: number; message: string };

/** A crawled page after the scan code ran on it (in the offscreen document or the background page). */
export interface ParsedPage {
  url: string;
  links: RawLink[];
  /** null when the page could not be judged (a parse failure) */
  column: ColumnStatus | null;
  /** the refined page type (lib/timeliness): only list pages count as columns */
  pageType: PageType;
  /** what the store gets: the same report the content script sends */
  report: ScanReport;
  /** the page's links and images to check (检查全站链接; lib/rules/links-check.ts) */
  linkTargets?: PageLinkTarget[];
}

/** The table's verdict words. */
export type RowVerdict = 'pending' | 'fresh' | 'stale' | 'blank' | 'no-date' | 'error' | 'skipped';

export interface CrawlRow {
  url: string;
  name: string;
  via: ColumnVia | 'home';
  verdict: RowVerdict;
  /** the column's status (checked list pages only) */
  column?: ColumnStatus;
  /** HTTP status for unreachable pages */
  httpStatus?: number;
  /** Chinese note: why skipped / why unreachable */
  note?: string;
}

export type CrawlPhase = 'discovering' | 'crawling' | 'done' | 'cancelled' | 'error';

/** The crawl as the side panel sees it (kept in storage.local under `crawl:<host>`). */
export interface CrawlState {
  site: string;
  homeUrl: string;
  phase: CrawlPhase;
  startedAt: number;
  finishedAt?: number;
  /** columns to check (m) and checked so far (n) */
  total: number;
  checked: number;
  current: string | null;
  home: ColumnStatus | null;
  rows: CrawlRow[];
  /** the site verdict over the checked columns (lib/verdict/columns) */
  verdict?: ColumnVerdict;
  error?: string;
  notes: string[];
}

export const crawlKey = (site: string) => `crawl:${site.toLowerCase()}`;
