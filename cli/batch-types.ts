import type { SiteResult } from './report';

/** A site's entry in the batch report: the verdict as in a single scan, plus where its facts came from. */
export interface BatchSiteResult extends SiteResult {
  /** the home page as listed */
  url: string;
  /** its line in the site list */
  line: number;
  /** 'list' where the site's pages showed no 网站名称 / 网站标识码 and the list's was used */
  siteNameFrom?: 'page' | 'list';
  siteCodeFrom?: 'page' | 'list';
  /** the column crawl (--crawl): columns checked of those found, or why it stopped */
  crawl?: { checked: number; total: number; phase: string; error?: string };
}
