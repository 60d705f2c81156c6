/** Findings -> CSV per the DESIGN "CSV" contract (Excel on Chinese Windows is the reader). */
import { safeName, ymd } from './file-name';
import Papa from 'papaparse';
import type { Finding, Severity, SiteRecord } from '../types';
import { categoryLabel, severityLabel, sourceLabel, statusLabel } from '../labels';

export const CSV_HEADERS = [
  '网站名称',
  '网站标识码',
  '首页网址',
  '页面地址',
  '问题类别',
  '规则',
  '严重程度',
  '问题描述',
  '证据',
  '建议',
  '状态',
  '来源',
  '备注',
  '截图',
  '发现时间',
  '最后确认时间',
  '检查人',
  '检查批次',
] as const;

export interface CsvRow {
  finding: Finding;
  site?: SiteRecord;
}

export interface CsvOptions {
  /** the 截图 cell: e.g. the screenshot's file name inside the ZIP export (default: screenshotId) */
  screenshotName?: (f: Finding) => string;
  /** used when a finding carries no inspector of its own */
  inspector?: string;
  /** used when a finding carries no round of its own */
  round?: string;
}

/**
 * OWASP CSV-injection set (= + - @ tab CR). Papa's built-in `escapeFormulae: true` uses
 * /^[=+\-@\t\r].*$/, whose `.`/`$` fail on multi-line cells, so "=x\ny" would slip through;
 * an unanchored-tail regex catches those too. Papa then prefixes `'` and quotes the cell.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const SEVERITY_RANK: Record<Severity, number> = { veto: 0, deduct: 1, hint: 2 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Local `YYYY-MM-DD HH:mm`; the inspector reads times in their own zone. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function homeUrlOf(url: string): string {
  try {
    return new URL(url).origin + '/';
  } catch {
    return '';
  }
}

// code-unit comparison: deterministic, unlike localeCompare across ICU builds
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareRows(a: CsvRow, b: CsvRow): number {
  const fa = a.finding;
  const fb = b.finding;
  return (
    cmp(fa.site, fb.site) ||
    cmp(fa.url, fb.url) ||
    (SEVERITY_RANK[fa.severity] ?? 9) - (SEVERITY_RANK[fb.severity] ?? 9) ||
    cmp(fa.ruleId, fb.ruleId) ||
    fa.createdAt - fb.createdAt ||
    cmp(fa.id, fb.id)
  );
}

function toCells({ finding: f, site }: CsvRow, opts: CsvOptions): string[] {
  return [
    site?.name ?? '',
    site?.siteCode ?? '',
    site?.homeUrl || homeUrlOf(f.url),
    f.url,
    categoryLabel(f.category),
    f.ruleId,
    severityLabel(f.severity),
    f.message,
    f.evidence,
    f.suggestion ?? '',
    statusLabel(f.status),
    sourceLabel(f.source),
    f.note ?? '',
    opts.screenshotName ? opts.screenshotName(f) : (f.screenshotId ?? ''),
    formatTime(f.createdAt),
    formatTime(f.lastSeen),
    f.inspector || opts.inspector || '',
    f.round || opts.round || '',
  ];
}

/**
 * One row per finding, BOM-prefixed, CRLF between records and no trailing line break (so
 * `Papa.parse` round-trips without an empty last row); an empty list gives the header only.
 */
export function findingsToCsv(rows: CsvRow[], opts: CsvOptions = {}): string {
  return csvHeaderPart() + csvRowsPart(rows, opts);
}

/**
 * The same CSV as findingsToCsv, in parts: the BOM + header, then one part per group of rows
 * (callers pass the findings of one site at a time, sites in code-unit order, so the parts
 * concatenate to exactly findingsToCsv of all). Lets a big export convert one site while the
 * store reads the next, and build a Blob without one giant string.
 */
export function csvHeaderPart(): string {
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_HEADERS], data: [] }, { newline: '\r\n' }).replace(/\r\n$/, '');
}

export function csvRowsPart(rows: CsvRow[], opts: CsvOptions = {}): string {
  if (!rows.length) return '';
  const sorted = [...rows].sort(compareRows);
  let out = '';
  for (const r of sorted) out += '\r\n' + toCells(r, opts).map(csvCell).join(',');
  return out;
}

// any of these in a cell makes Papa quote it (Papa.BAD_DELIMITERS, the delimiter, edge spaces)
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/**
 * One cell exactly as `Papa.unparse(…, { quotes: false, escapeFormulae: FORMULA_START })` writes
 * it (papaparse's `safe()`), ~5× faster: at 100k findings Papa's per-cell checks alone took
 * ~0.6 s of the 2 s budget. tests/unit/export/csv-cells.test.ts holds it equal to Papa.
 */
export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  // Papa neutralises strings only; other values are written as their text
  if (typeof v !== 'string') v = String(v);
  else if (FORMULA_START.test(v)) return '"' + ("'" + v).replace(/"/g, '""') + '"';
  const s = v as string;
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** Code-unit order of site keys, the order findingsToCsv groups rows in. */
export const compareSites = cmp;

/** e.g. `govcheck-findings-www.yichun.gov.cn-20261123.csv` (local date). */
export function csvFileName(scope: string, now: Date): string {
  return `govcheck-findings-${safeName(scope, 'all')}-${ymd(now)}.csv`;
}

/** Any table as CSV with the same guarantees (BOM, RFC 4180, formula-safe): the annex tables. */
export function tableToCsv(fields: readonly string[], data: (string | number)[][]): string {
  const body = Papa.unparse(
    { fields: [...fields], data: data.map((r) => r.map(String)) },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  return '\uFEFF' + body.replace(/\r\n$/, '');
}
