/**
 * The 通报 annex tables (seed 001): 附件1 评分结果 and 附件2 存在突出问题的政府网站名单, as rows,
 * as CSV, and as a printable HTML document built with DOM text nodes (page text is never parsed
 * as HTML).
 */
import { ymd } from './file-name';
import type { SiteRecord } from '../types';
import type { SiteVerdict } from '../verdict/index';
import { tableToCsv } from './csv';

export interface AnnexSite {
  site: SiteRecord;
  verdict: SiteVerdict;
}

export const SCORE_HEADERS = ['排名', '网站标识码', '网站名称', '得分'] as const;
export const PROBLEM_HEADERS = ['序号', '网站名称', '网站标识码', '首页网址', '结果', '存在的突出问题'] as const;

export interface ScoreRow {
  rank: number;
  siteCode: string;
  name: string;
  /** two decimals, as the 通报 prints it (94.00) */
  score: string;
}

export interface ProblemRow {
  index: number;
  name: string;
  siteCode: string;
  homeUrl: string;
  result: string;
  problems: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const nameOf = (s: SiteRecord) => s.name || s.site;

/**
 * 附件1: the scored sites, best first; equal scores keep consecutive ranks (as seed 001 does),
 * ordered by 网站标识码. Sites failed by a confirmed 单项否决 are not scored: they are in 附件2.
 */
export function scoreRows(sites: AnnexSite[]): ScoreRow[] {
  return sites
    .filter((s) => s.verdict.scored)
    .sort((a, b) => b.verdict.score - a.verdict.score || cmp(a.site.siteCode, b.site.siteCode) || cmp(a.site.site, b.site.site))
    .map((s, i) => ({ rank: i + 1, siteCode: s.site.siteCode, name: nameOf(s.site), score: s.verdict.score.toFixed(2) }));
}

/** 附件2: the sites judged 不合格, with their outstanding problems. */
export function problemRows(sites: AnnexSite[]): ProblemRow[] {
  return sites
    .filter((s) => s.verdict.verdict === '不合格')
    .sort((a, b) => cmp(a.site.siteCode, b.site.siteCode) || cmp(a.site.site, b.site.site))
    .map((s, i) => ({
      index: i + 1,
      name: nameOf(s.site),
      siteCode: s.site.siteCode,
      homeUrl: s.site.homeUrl,
      result: s.verdict.verdict,
      problems: s.verdict.reasons.join('；'),
    }));
}

/** Sites whose vetoes still await confirmation: the annex must not be published before. */
export function unconfirmedSites(sites: AnnexSite[]): AnnexSite[] {
  return sites.filter((s) => s.verdict.verdict === '疑似不合格');
}

export function scoreCsv(sites: AnnexSite[]): string {
  return tableToCsv(SCORE_HEADERS, scoreRows(sites).map((r) => [r.rank, r.siteCode, r.name, r.score]));
}

export function problemCsv(sites: AnnexSite[]): string {
  return tableToCsv(PROBLEM_HEADERS, problemRows(sites).map((r) => [r.index, r.name, r.siteCode, r.homeUrl, r.result, r.problems]));
}

export interface AnnexOptions {
  /** e.g. 2026年第四季度 (the round), put before the titles */
  period?: string;
  /** shown under the tables when some sites are 疑似不合格 */
  now?: Date;
}

export const NOTE_VETOED = '注：被单项否决的网站不参与评分，列入附件2。';

/**
 * Builds the printable annex page into a fresh document of `impl` (the page's
 * `document.implementation`, or happy-dom's in tests). Only text nodes carry data.
 */
export function annexDocument(impl: DOMImplementation, sites: AnnexSite[], opts: AnnexOptions = {}): Document {
  const period = opts.period ?? '';
  const doc = impl.createHTMLDocument(`${period}政府网站检查通报附件`);
  doc.documentElement.lang = 'zh-CN';
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);
  const style = doc.createElement('style');
  style.textContent = [
    'body{font-family:"FangSong","仿宋",serif;margin:2cm;color:#000}',
    'h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;margin:0 0 .5em}',
    'h1{text-align:center;font-size:18pt;font-family:"SimSun","宋体",serif}',
    'table{border-collapse:collapse;width:100%;margin-bottom:1em}',
    'th,td{border:1px solid #000;padding:4px 6px;text-align:center;font-size:12pt}',
    'td.name,td.problems{text-align:left}',
    'section{page-break-after:always}section:last-child{page-break-after:auto}',
    '@media print{body{margin:0}}',
  ].join('\n');
  doc.head.append(style);

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const table = (headers: readonly string[], rows: (string | number)[][], classes: (string | undefined)[], testid: string) => {
    const t = el('table');
    t.setAttribute('data-testid', testid);
    const tr = el('tr');
    for (const h of headers) tr.append(el('th', h));
    t.append(el('thead'));
    t.tHead!.append(tr);
    const body = el('tbody');
    for (const r of rows) {
      const row = el('tr');
      r.forEach((c, i) => row.append(el('td', String(c), classes[i])));
      body.append(row);
    }
    t.append(body);
    return t;
  };

  const s1 = el('section');
  s1.append(el('h2', '附件1'), el('h1', `${period}政府网站检查评分结果`));
  const scores = scoreRows(sites);
  s1.append(table(SCORE_HEADERS, scores.map((r) => [r.rank, r.siteCode, r.name, r.score]), [undefined, undefined, 'name', undefined], 'annex-scores'));
  if (sites.some((s) => !s.verdict.scored)) s1.append(el('p', NOTE_VETOED));

  const s2 = el('section');
  s2.append(el('h2', '附件2'), el('h1', '存在突出问题的政府网站名单'));
  const problems = problemRows(sites);
  s2.append(
    table(
      PROBLEM_HEADERS,
      problems.map((r) => [r.index, r.name, r.siteCode, r.homeUrl, r.result, r.problems]),
      [undefined, 'name', undefined, undefined, undefined, 'problems'],
      'annex-problems',
    ),
  );
  if (!problems.length) s2.append(el('p', '本次检查未发现不合格网站。'));
  doc.body.append(s1, s2);
  return doc;
}

/** The document as a file's text (the serializer escapes every text node). */
export function serializeDocument(doc: Document): string {
  return '<!doctype html>\n' + doc.documentElement.outerHTML;
}

export function annexFileName(kind: 'html' | 'scores' | 'problems', now: Date): string {
  const base = kind === 'html' ? '通报附件' : kind === 'scores' ? '附件1-评分结果' : '附件2-突出问题网站名单';
  return `govcheck-${base}-${ymd(now)}.${kind === 'html' ? 'html' : 'csv'}`;
}
