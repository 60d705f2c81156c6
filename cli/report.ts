import type { Finding, PageRecord, PageType } from '../lib/types';
import { verdictCounts, type Verdict } from '../lib/verdict/index';
import { judgeSite } from '../lib/verdict/site';
import { COLUMN_RULES } from '../lib/verdict/site-columns';
import { severityLabel } from '../lib/labels';
import type { BatchSiteResult } from './batch-types';

export interface PageResult {
  url: string;
  title: string;
  pageType: PageType;
  pubDate: string | null;
  scanMs: number;
  notes: string[];
  findings: Pick<Finding, 'ruleId' | 'severity' | 'category' | 'message' | 'evidence' | 'suggestion'>[];
}

export interface SiteResult {
  site: string;
  siteName: string;
  siteCode: string;
  verdict: Verdict;
  vetoCount: number;
  findingCount: number;
  /** the 100-point deduction score */
  score: number;
  /** why the site fails or may fail (附件2 wording) */
  reasons: string[];
}

export interface ScanOutput {
  pages: PageResult[];
  sites: SiteResult[];
  errors: { target: string; error: string }[];
}

const PAGE_TYPE: Record<PageType, string> = { home: '首页', column: '栏目页', article: '文章页', other: '其他' };

export interface StoredSite {
  name: string;
  code: string;
  findings: Finding[];
  /** the home and column pages scanned in this run (their records carry the column status) */
  columnPages: PageRecord[];
}

/**
 * Per-site verdicts through the dashboard's builder (lib/verdict/site.ts): the findings' vetoes
 * and score, plus 栏目不更新/首页不更新 over the scanned columns.
 */
export function siteSummaries(stored: Map<string, StoredSite>): SiteResult[] {
  return [...stored.entries()].map(([site, s]) => {
    const columnFindings = s.findings.filter((f) => COLUMN_RULES.includes(f.ruleId));
    const { verdict: v, vetoReasons } = judgeSite(verdictCounts(s.findings), s.columnPages, columnFindings);
    return {
      site,
      siteName: s.name,
      siteCode: s.code,
      verdict: v.verdict,
      vetoCount: v.vetoCount + vetoReasons.length,
      findingCount: s.findings.filter((f) => f.status !== 'dismissed').length,
      score: Math.round(v.score * 100) / 100,
      reasons: v.reasons,
    };
  });
}

/** The findings table a person reads in the terminal. */
export function formatTable(out: ScanOutput): string {
  const lines: string[] = [];
  for (const p of out.pages) {
    lines.push('');
    lines.push(`■ ${p.title || '(无标题)'}`);
    lines.push(`  ${p.url}`);
    lines.push(`  类型：${PAGE_TYPE[p.pageType]}  发布日期：${p.pubDate ?? '未识别'}  检查用时：${p.scanMs} 毫秒  问题：${p.findings.length} 个`);
    for (const n of p.notes) lines.push(`  注意：${n}`);
    for (const f of p.findings) {
      lines.push(`  [${severityLabel(f.severity)}] ${f.ruleId}  ${f.message}`);
      if (f.evidence && !f.message.includes(f.evidence)) lines.push(`      证据：${f.evidence.replace(/\s+/g, ' ').slice(0, 120)}`);
      if (f.suggestion) lines.push(`      建议：${f.suggestion}`);
    }
  }
  lines.push('');
  lines.push('网站汇总');
  for (const s of out.sites as (SiteResult & Partial<BatchSiteResult>)[]) {
    lines.push(`  ${s.siteName || s.site}（${s.site}）网站标识码：${s.siteCode || '未找到'}  结论：${s.verdict}  得分：${s.score}  单项否决问题 ${s.vetoCount} 个，问题共 ${s.findingCount} 个`);
    const fromList = [s.siteNameFrom === 'list' ? '网站名称' : '', s.siteCodeFrom === 'list' ? '网站标识码' : ''].filter(Boolean);
    if (fromList.length) lines.push(`    （网站页面上未找到${fromList.join('、')}，取自网站列表）`);
    if (s.crawl) lines.push(`    栏目检查：已检查 ${s.crawl.checked} / ${s.crawl.total} 个栏目${s.crawl.error ? `（${s.crawl.error}）` : ''}`);
    for (const r of s.reasons) lines.push(`    · ${r}`);
  }
  for (const e of out.errors) lines.push(`  错误：${e.target}：${e.error}`);
  return lines.join('\n');
}
