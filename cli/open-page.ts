import type { Page } from 'playwright-core';
import type { ScanSummary } from '../lib/messages';
import type { Finding, PageRecord } from '../lib/types';
import type { PageResult } from './report';

export type ScanAnswer = ScanSummary | { error: string };

/** Opens `url` in the tab and lets the extension scan it; a page that cannot be judged answers a Chinese error. */
export async function openAndScan(page: Page, url: string, scan: (u: string) => Promise<ScanAnswer>): Promise<ScanAnswer> {
  let resp;
  try {
    resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    if (/ERR_NAME_NOT_RESOLVED/.test(msg)) return { error: '域名无法解析（DNS 失败）' };
    if (/Timeout/i.test(msg)) return { error: '打开页面超时（30 秒）' };
    return { error: `无法打开页面：${msg}` };
  }
  if (resp && resp.status() >= 400) return { error: `HTTP ${resp.status()}` };
  const type = resp?.headers()['content-type'] ?? 'text/html';
  if (!/html|xml/i.test(type)) return { error: `不是 HTML 页面（${type.split(';')[0]}）` };
  return scan(page.url());
}

/** A page of the JSON report: the stored page and its findings that stand (dismissed ones left out). */
export function pageResult(page: PageRecord, findings: Finding[], notes: string[] = []): PageResult {
  return {
    url: page.url,
    title: page.title,
    pageType: page.pageType,
    pubDate: page.pubDate,
    scanMs: page.scanMs,
    notes,
    findings: findings
      .filter((f) => f.status !== 'dismissed')
      .map(({ ruleId, severity, category, message, evidence, suggestion }) => ({ ruleId, severity, category, message, evidence, suggestion })),
  };
}
