/**
 * Contracts shared by the scanner, the rules, the store, the UI and the CLI.
 * See docs/ARCHITECTURE.md ("Contracts"). Keep this file free of runtime code.
 */

export type Severity = 'veto' | 'deduct' | 'hint';
export type FindingStatus = 'open' | 'confirmed' | 'dismissed' | 'fixed';
export type FindingSource = 'auto' | 'manual';
export type PageType = 'home' | 'column' | 'article' | 'other';

/** Rule families, used as the 问题类别 column and for grouping in the UI. */
export type Category =
  | 'footer' // 网站标识
  | 'meta' // 网页标签
  | 'expression' // 严重表述错误
  | 'typo' // 错别字
  | 'name' // 机构名称
  | 'format' // 格式
  | 'freshness' // 信息更新
  | 'links' // 链接
  | 'security' // 安全
  | 'privacy' // 隐私
  | 'service' // 办事
  | 'interaction' // 互动
  | 'manual'; // 人工记录

/** A date mention found in the page text. `date` is ISO `YYYY-MM-DD`. */
export interface DateMention {
  start: number;
  end: number;
  raw: string;
  date: string;
  /** true when the year was inferred (MM-DD list items). */
  inferredYear?: boolean;
  /** true when inside the footer region or a copyright line: not a content date. */
  inFooter: boolean;
  /** the label before it, e.g. 发布时间, 发布日期, 更新时间 */
  label?: string;
}

export interface LinkInfo {
  /** absolute URL (resolved against the page) or '' for javascript:/empty hrefs */
  href: string;
  /** visible text (trimmed) or the image alt/title */
  text: string;
  inFooter: boolean;
  /** index into PageModel.elements for element findings */
  element: number;
  /** set by the 暗链 probe (lib/scan/link-visibility.ts) when a person cannot see this external link: the technique */
  hidden?: string;
}

/** What lib/scan/spam-probe.ts saw in the document (not in the text): junk id scaffolding, links in [hidden] subtrees. */
export interface SpamProbe {
  /** ids shared by runs of empty elements of several tags */
  junk: { id: string; count: number; tags: string[] }[];
  /** external links inside [hidden] subtrees (the collector skips those) */
  hiddenAttrLinks: { href: string; text: string }[];
}

export interface ScriptInfo {
  src: string;
  id: string;
  /** attributes other than src/id, lower-cased names (e.g. sitecode) */
  attrs: Record<string, string>;
  /** the first 2000 characters of an inline script */
  inline: string;
  inFooter: boolean;
}

export interface ImageInfo {
  src: string;
  alt: string;
  inFooter: boolean;
}

/**
 * One scanned page. Built once per scan by lib/scan from a live or detached document.
 * `text` is the visible text flattened; block boundaries become '\n' so words never join
 * across blocks. Offsets of text findings index into `text`.
 */
export interface PageModel {
  url: string;
  /** the page's host name without port: the site's key */
  host: string;
  title: string;
  text: string;
  /**
   * What the footer and date recognisers read, when not `text` itself: on a page in traditional
   * characters, `text` with their characters simplified (lib/text/script.ts simplifyMarks; same
   * length, same offsets). Evidence is always quoted from `text`.
   */
  markText?: string;
  /** [start, end) of the footer region inside `text`, or null when none was found */
  footer: { start: number; end: number; text: string } | null;
  /** raw HTML of the footer region, cut to 20k chars; used for script-inserted marks */
  footerHtml: string;
  meta: Record<string, string>;
  links: LinkInfo[];
  scripts: ScriptInfo[];
  images: ImageInfo[];
  dates: DateMention[];
  /**
   * The page's own publish / last-update date (ISO) or null, picked after the page type is
   * refined: on an article a visible 发布日期/发布时间 wins over a PubDate meta that disagrees.
   */
  pubDate: string | null;
  /** where pubDate came from: the meta tag, a labelled date, a list's newest item, the article's first date */
  pubDateSource: 'meta' | 'label' | 'list' | 'text' | null;
  /** the PubDate meta (or an alternate) as ISO, or null: kept to report a disagreement */
  metaPubDate: string | null;
  /** the refined page type (lib/timeliness/page-type.ts), computed once per page; every rule reads this one */
  pageType: PageType;
  /**
   * `text` folded for matching: full-width digits, letters and punctuation to ASCII, zero-width
   * characters removed; `map` leads back to `text` offsets (lib/text/normalise.ts).
   */
  folded: FoldedText;
  /**
   * [start, end) of the main content (the article) inside `text`, found by Readability on
   * article-like pages; null when none was found or the page is too large to try.
   */
  main: { start: number; end: number } | null;
  /** present when the scan stopped early (too large, frameset): a note for the user */
  notes: string[];
  /** spam traces from the document itself; absent when the page had no DOM to probe */
  spamProbe?: SpamProbe;
}

/** Text folded for matching, with the way back to the original offsets (lib/text/normalise.ts). */
export interface FoldedText {
  text: string;
  /** original index of each folded character; null when nothing was removed (same offsets) */
  map: Int32Array | null;
  /** length of the original text */
  originalLength: number;
}

/** What a rule returns: located either in the text, at an element, or on the whole page. */
export interface RuleFinding {
  ruleId: string;
  severity: Severity;
  category: Category;
  /** Chinese, one sentence */
  message: string;
  /** the exact text, or a short description of the element */
  evidence: string;
  suggestion?: string;
  /** text offsets into PageModel.text */
  start?: number;
  end?: number;
  /** index of a link/element for element findings (see LinkInfo.element) */
  element?: number;
  /** extra data for painting (e.g. date age class) — not stored */
  paint?: 'fresh' | 'ageing' | 'stale';
}

export interface Settings {
  /** dates newer than this many days are fresh */
  freshDays: number;
  /** dates older than this many days are stale */
  staleDays: number;
  /** "today" as ISO date; undefined means the real today. Tests pin it. */
  today?: string;
  /** whether to paint every date by age */
  paintDates: boolean;
  inspector: string;
  /** id of the active inspection round (检查批次); unset = the current quarter, e.g. 2026年第四季度 */
  activeRound?: string;
  /** column freshness thresholds; missing keys fall back to lib/data/freshness-thresholds.json */
  freshness?: Partial<FreshnessThresholds>;
  /** the inspector's own wrong → right pairs (typo.known), applied at the next scan */
  customPairs?: CustomPair[];
  /** phrases inside which no wording finding is reported (e.g. a proper name) */
  exceptions?: string[];
}

/** One inspector-defined dictionary pair (options page, 自定义词典). */
export interface CustomPair {
  wrong: string;
  right: string;
  note?: string;
}

/** Column freshness (lib/timeliness): how one column (list page) stands. */
export type ColumnClass = 'news' | 'notice' | 'personnel' | 'other';

export interface ColumnStatus {
  /** canonical type name: 动态要闻 | 通知公告 | 政策文件 | 人事 | 规划计划 | 其他 */
  columnType: string;
  columnClass: ColumnClass;
  columnName: string;
  /** newest content date of the list (ISO) or null */
  newestDate: string | null;
  /** days from newestDate to today, or null */
  ageDays: number | null;
  /** list items seen (dated + undated) */
  itemCount: number;
  undatedCount: number;
  status: 'fresh' | 'stale' | 'blank' | 'no-date';
  /** the stale threshold applied, in days */
  thresholdDays: number;
}

/** Freshness thresholds in days (defaults in lib/data/freshness-thresholds.json). */
export interface FreshnessThresholds {
  homeDays: number;
  newsDays: number;
  noticeDays: number;
  personnelDays: number;
  otherDays: number;
}

export interface Rule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  check(page: PageModel, settings: Settings): RuleFinding[];
}

/** Where a text finding sits, for re-anchoring later (W3C TextQuoteSelector). */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A stored finding (DESIGN.md "Finding"). */
export interface Finding {
  id: string; // the fingerprint
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  evidence: string;
  suggestion?: string;
  url: string;
  site: string;
  /** 'text' findings have a quote; 'element' and 'page' findings do not */
  anchor: 'text' | 'element' | 'page';
  quote?: QuoteSelector;
  status: FindingStatus;
  source: FindingSource;
  /** the inspector set severity/category by hand: a rescan keeps them (lib/store/repo.ts merge) */
  regraded?: boolean;
  note?: string;
  screenshotId?: string;
  inspector?: string;
  round?: string;
  /** ids of every round in which a scan (or a quote re-anchoring) saw this finding; first = round */
  seenIn?: string[];
  /** set when a finding marked 已整改 was seen again by a scan and so reopened */
  reopenedAt?: number;
  createdAt: number;
  lastSeen: number;
  updatedAt: number;
}

export interface SiteRecord {
  site: string; // host, e.g. www.yichun.gov.cn
  name: string; // SiteName meta or title tail
  siteCode: string; // 网站标识码 seen in the footer or meta
  homeUrl: string;
  firstSeen: number;
  lastSeen: number;
}

export interface PageRecord {
  url: string; // normalised
  site: string;
  title: string;
  pageType: PageType;
  pubDate: string | null;
  scanMs: number;
  lastScanned: number;
  findingCount: number;
  /** ids of the rounds in which this page was scanned (re-inspection: 已整改 vs 未复查) */
  rounds?: string[];
  /** column facts, set by the site crawl (lib/crawl) for list pages; not indexed */
  columnType?: string;
  columnName?: string;
  newestDate?: string | null;
  columnStatus?: ColumnStatus['status'];
  /** when the site crawl last checked this page (ms) */
  crawledAt?: number;
}

/** What the content script sends after each scan. */
export interface ScanReport {
  page: PageRecord;
  siteName: string;
  siteCode: string;
  findings: Omit<Finding, 'status' | 'createdAt' | 'lastSeen' | 'updatedAt'>[];
  notes: string[];
  /** ids of this page's manual findings whose quote was found again in this scan's text */
  manualSeen?: string[];
  /** the active round's id when the scan ran (see lib/rounds/active.ts) */
  round?: string;
  /** the page's column status when it is a home or column list page (site verdict input) */
  column?: ColumnStatus | null;
}

/** A screenshot attached to a finding (stored as a Blob in its own table). */
export interface ScreenshotRecord {
  id: string;
  findingId: string;
  /** PNG */
  blob: Blob;
  width: number;
  height: number;
  createdAt: number;
}

/** An inspection round (检查批次), e.g. 2026年第四季度. The id is the trimmed name, so rounds of
 *  several inspectors with the same name merge on import. */
export interface RoundRecord {
  id: string;
  name: string;
  createdAt: number;
}
