/**
 * The site list of a batch run (`--sites FILE`): a URL a line, or CSV rows of URL, 网站名称,
 * 网站标识码 (header row optional). Blank lines and # comments are skipped; a bad line gets a
 * Chinese error naming it and is left out, the rest still runs.
 */
import Papa from 'papaparse';

export interface SiteEntry {
  /** 1-based line in the file */
  line: number;
  /** the home page to open */
  url: string;
  /** host and path, lower case, without port or trailing slash: what the shard and the state key on */
  key: string;
  /** 网站名称 / 网站标识码 from the list, used where the site's own pages show none */
  name?: string;
  code?: string;
}

export interface SiteListError {
  line: number;
  message: string;
}

// a bare host name as lists often give it: www.example.gov.cn[:port][/path]
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/.*)?$/i;
// 10 digits for a government site; department sites under a portal have bm + 8 digits
const SITE_CODE = /^(\d{10}|bm\d{8})$/i;
const HEADER_URL = /^(url|网址|网站地址|首页地址|首页网址|域名|网站域名)$/i;
const HEADER_NAME = /^(name|网站名称|名称|网站名)$/i;
const HEADER_CODE = /^(code|网站标识码|标识码)$/i;

/** The normalised key of a site URL: a staged copy on a loopback port keys as the real site. */
export function siteKey(url: string): string {
  const u = new URL(url);
  return (u.hostname + u.pathname.replace(/\/+$/, '')).toLowerCase();
}

function homeUrl(raw: string): string | null {
  const text = /^https?:\/\//i.test(raw) ? raw : BARE_HOST.test(raw) ? `http://${raw}` : null;
  if (!text) return null;
  try {
    const u = new URL(text);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

type Columns = { url: number; name: number; code: number };

function headerColumns(cells: string[]): Columns | null {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const url = find(HEADER_URL);
  if (url < 0) return null;
  return { url, name: find(HEADER_NAME), code: find(HEADER_CODE) };
}

export function parseSiteList(text: string): { sites: SiteEntry[]; errors: SiteListError[] } {
  const sites: SiteEntry[] = [];
  const errors: SiteListError[] = [];
  const seen = new Map<string, number>();
  let cols: Columns = { url: 0, name: 1, code: 2 };
  let first = true;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    // one line at a time, so each error names its line; Papa handles the quoting
    const cells = (Papa.parse<string[]>(trimmed, { delimiter: trimmed.includes('\t') ? '\t' : ',' }).data[0] ?? []).map((c) => c.trim());
    if (first) {
      first = false;
      const header = headerColumns(cells);
      if (header) {
        cols = header;
        return;
      }
    }
    const rawUrl = cells[cols.url] ?? '';
    const url = homeUrl(rawUrl);
    if (!url) {
      errors.push({ line, message: `第 ${line} 行：网址格式不正确（“${rawUrl.slice(0, 80)}”），已跳过` });
      return;
    }
    const name = cols.name >= 0 ? cells[cols.name] || undefined : undefined;
    const code = cols.code >= 0 ? cells[cols.code] || undefined : undefined;
    if (code && !SITE_CODE.test(code)) {
      errors.push({ line, message: `第 ${line} 行：网站标识码“${code.slice(0, 40)}”格式不正确（应为 10 位数字或 bm 加 8 位数字），已跳过` });
      return;
    }
    const key = siteKey(url);
    const dup = seen.get(key);
    if (dup) {
      errors.push({ line, message: `第 ${line} 行：与第 ${dup} 行是同一网站（${key}），已跳过` });
      return;
    }
    seen.set(key, line);
    sites.push({ line, url, key, ...(name ? { name } : {}), ...(code ? { code } : {}) });
  });
  return { sites, errors };
}
