import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ParseInput } from './crawl/parse';
import type { ParsedPage } from './crawl/types';
import type { ProbeRecord, WatchRecord } from './watch/types';
import type { TypoFinding, TypoRequest } from './typos/types';
import type { LinkKind, LinkProgress, LinkResult } from './links/types';
import type { ColumnStatus, Finding, PageRecord, ScanReport, FindingStatus, RoundRecord } from './types';

/** What a finished scan tells whoever asked for it (side panel, background, CLI). */
export interface ScanSummary {
  page: PageRecord;
  /** the stored findings of this page seen in this scan, with their statuses */
  findings: Finding[];
  notes: string[];
  /** pageModel facts the CLI prints */
  siteName: string;
  siteCode: string;
  /** the column status of a home or column list page, else null */
  column?: ColumnStatus | null;
}

/** A capture the content script asks the background to store (lib/capture, background/capture.ts). */
export interface CaptureRequest {
  /** the finding to store: a new manual one, or an existing one with the inspector's edits */
  finding: Finding;
  /** the captured spot in CSS px, viewport coordinates, at the moment of the request */
  rect: { x: number; y: number; width: number; height: number };
  /** the viewport's CSS size, to map the screenshot's pixels */
  viewport: { width: number; height: number };
}

export interface CaptureResult {
  finding?: Finding;
  /** true when a screenshot was stored with the finding */
  screenshot: boolean;
  /** Chinese: why the screenshot or the save failed */
  error?: string;
}

/** content → background: check these links of a page (background/links.ts) */
export interface LinkCheckRequest {
  pageUrl: string;
  targets: { url: string; kind: LinkKind }[];
  /** 重新检查链接: forget the cached results of these URLs first */
  force?: boolean;
}

export interface LinkCheckAnswer {
  results: LinkResult[];
  /** URLs checked (from the cache or fetched) */
  checked: number;
  /** URLs on hosts the extension may not read (no host permission): not checked */
  skipped: number;
  cached: number;
  fetched: number;
}

/** What the page's link check found (side panel, automation, CLI). */
export interface PageLinkSummary {
  url: string;
  checked: number;
  skipped: number;
  dead: number;
  suspect: number;
  cached: number;
  fetched: number;
  /** the stored links.dead / links.suspect findings of the page */
  findings: Finding[];
}

/** The typed protocol between content script, background and extension pages. */
export interface ProtocolMap {
  /** content → background: store a scan; answers with the stored findings of the page */
  saveScan(report: ScanReport): Finding[];
  /** content → background: the stored findings of a page (after statuses changed) */
  pageFindings(url: string): Finding[];
  /** side panel → background: scan a tab (injecting the content script when needed) */
  scanTab(tabId: number): ScanSummary | { error: string };
  /** side panel → background: set a finding's status and tell the tab */
  setStatus(data: { id: string; status: FindingStatus; note?: string; tabId?: number }): boolean;
  /** background/side panel → content: scan now */
  scanNow(): ScanSummary | { error: string };
  /** side panel → content: scroll to a finding and flash it */
  focusFinding(id: string): boolean;
  /** side panel → content: statuses changed, repaint */
  refreshMarks(): void;
  /** content script or offscreen document → background: which of these link hosts are on the spam-domain list (background/spam.ts) */
  checkSpamHosts(hosts: string[]): { host: string; entry: string }[];
  /** content script or offscreen document → background: the open-vocabulary typo detectors over one batch of text blocks (background/typos.ts) */
  detectTypos(request: TypoRequest): TypoFinding[];
  /** content → background: check a page's links (cached 24 h); progress comes back as linkProgress */
  checkLinks(req: LinkCheckRequest): LinkCheckAnswer;
  /** background → content: one more link of the page's check finished */
  linkProgress(p: LinkProgress): void;
  /** background → content: doubtful links were looked at once more (their cached results changed) */
  linksRechecked(urls: string[]): void;
  /** side panel / automation → content: check this page's links now (force: 重新检查链接) */
  checkPageLinks(data: { force?: boolean }): PageLinkSummary | { error: string };
  /** side panel → background: 检查全站链接 over the crawled pages of a site (background/site-links.ts); state in storage.local siteLinks:<host> */
  siteLinksStart(site: string): { ok: true } | { error: string };
  /** side panel → background: stop the site's link check (what was checked stays cached) */
  siteLinksCancel(site: string): boolean;
  /** background (shortcut) / side panel → content: start capture mode (标记问题) */
  captureStart(): boolean;
  /** content → background: screenshot the tab, store the capture */
  captureSave(req: CaptureRequest): CaptureResult;
  /** side panel → background: set the status (and note) of several findings */
  setStatusMany(data: { ids: string[]; status: FindingStatus; note?: string; tabId?: number }): number;
  /** side panel → background: set a finding's note */
  setNote(data: { id: string; note: string }): boolean;
  /** side panel → background: create (or reuse) a round by name and make it the active one */
  startRound(name: string): RoundRecord | { error: string };
  /** side panel → background: make an existing round active */
  setActiveRound(id: string): boolean;
  /** side panel → background: crawl the site's columns from its home page (lib/crawl) */
  crawlStart(data: { homeUrl: string }): { ok: true; site: string } | { error: string };
  /** side panel → background: cancel the site's running crawl (what was checked is kept) */
  crawlCancel(site: string): boolean;
  /** background → offscreen document: parse and scan one fetched page */
  crawlParse(data: ParseInput): ParsedPage;
  /** background → offscreen document: the typo detectors over one batch (the word lists live there for the browser session) */
  offscreenDetectTypos(request: TypoRequest): TypoFinding[];
  /** background → offscreen document: when it built its word lists (automation, diagnostics) */
  offscreenStatus(): { typoLoadedAt: number | null };
  /** side panel / dashboard → background: watch the site's home page (站点无法访问); answers the watch and its first probe */
  watchStart(data: { homeUrl: string }): { watch: WatchRecord; probe: ProbeRecord | null } | { error: string };
  /** side panel / dashboard → background: stop watching a site (its probes are kept) */
  watchStop(site: string): boolean;
  /** side panel → background: 检查首页指标 (站内搜索, 年度报表, HTTPS); answers the stored findings and a note per check */
  checkIndicators(data: { homeUrl: string }): { findings: Finding[]; notes: string[] } | { error: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
