import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Finding, PageRecord, ScanReport, FindingStatus } from './types';

/** What a finished scan tells whoever asked for it (side panel, background, CLI). */
export interface ScanSummary {
  page: PageRecord;
  /** the stored findings of this page seen in this scan, with their statuses */
  findings: Finding[];
  notes: string[];
  /** pageModel facts the CLI prints */
  siteName: string;
  siteCode: string;
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
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
