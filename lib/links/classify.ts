/**
 * Turns what a request saw (a status, a body prefix, a network error) into ok / dead / suspect.
 * Pure. Precision first: only answers that no visitor could get past are dead (404, 410, no such
 * host, refused, a page that says it does not exist, a file answered with an error page);
 * firewalls, rate limits, server errors and timeouts are suspect and get a second look.
 */
import type { LinkKind, LinkReason, LinkResult, LinkVerdict } from './types';
import { expectsFile } from './url';
import cfg from '../data/link-check.json';

export type Classification = Pick<LinkResult, 'verdict' | 'reason' | 'message' | 'recheck'> & { error?: string };

const DEAD_STATUS = new Set(cfg.deadStatuses);
const RECHECK_STATUS = new Set(cfg.recheckStatuses);
const DEAD_CODES = new Set(cfg.deadNetworkCodes);
const soft = cfg.softNotFound;
const TITLE_PHRASES = soft.titlePhrases.map((p) => p.toLowerCase());
const TITLE_PATTERNS = soft.titlePatterns.map((p) => new RegExp(p, 'i'));
const BODY_PHRASES = soft.bodyPhrases.map((p) => p.toLowerCase());
const FINAL_PATH = soft.finalPathPatterns.map((p) => new RegExp(p, 'i'));
const ERROR_TITLE = cfg.htmlErrorTitleWords.map((w) => w.toLowerCase());
const BLOCK_PHRASES = cfg.blockPagePhrases.map((p) => p.toLowerCase());

function result(verdict: LinkVerdict, reason: LinkReason, message: string, recheck = false, error?: string): Classification {
  return { verdict, reason, message, recheck, ...(error ? { error } : {}) };
}

export const OK: Classification = result('ok', 'ok', '可以访问');

/** A final non-2xx status (after GET). 3xx never gets here: redirects are followed first. */
export function classifyStatus(status: number): Classification {
  if (DEAD_STATUS.has(status)) return result('dead', status === 410 ? 'gone' : 'not-found', status === 410 ? `HTTP ${status}：页面已被删除` : `HTTP ${status}：页面不存在`);
  if (RECHECK_STATUS.has(status)) {
    const why = status === 429 ? '访问过于频繁被限制' : status === 408 ? '请求超时' : '拒绝访问，可能是防火墙拦截了程序访问';
    return result('suspect', 'blocked', `HTTP ${status}：${why}，需复查`, true);
  }
  if (status >= 500) return result('suspect', 'server-error', `HTTP ${status}：服务器错误，需复查`, true);
  return result('suspect', 'http-status', `HTTP ${status}：返回异常状态，需人工确认`);
}

/** The first `code` along an error's cause chain (node's fetch puts it on `cause`). */
export function errorCode(e: unknown): string {
  for (let x: unknown = e, i = 0; x && typeof x === 'object' && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return '';
}

function errorText(e: unknown): string {
  const code = errorCode(e);
  if (code) return code;
  const cause = (e as { cause?: { message?: string } } | null)?.cause?.message;
  return cause || (e instanceof Error ? e.message : String(e));
}

/**
 * A request that failed without an answer. Only a name that certainly does not exist and a
 * refused connection are dead; EAI_AGAIN (DNS not answering), resets and TLS errors are not, and
 * neither is any browser error: it carries no code, so "failed to fetch" could be anything.
 */
export function classifyNetworkError(e: unknown, timedOut: boolean, timeoutMs: number): Classification {
  if (timedOut) return result('suspect', 'timeout', `${Math.round(timeoutMs / 1000)} 秒无响应，需复查`, true, 'timeout');
  const code = errorCode(e);
  if (DEAD_CODES.has(code)) return code === 'ENOTFOUND' ? result('dead', 'no-such-host', '域名无法解析', false, code) : result('dead', 'refused', '服务器拒绝连接', false, code);
  return result('suspect', 'network', `连接失败（${errorText(e)}），需复查`, true, errorText(e));
}

const CHARSET_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The body prefix as text in the page's own charset (many gov sites still serve GBK). */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const ascii = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const cs = (/charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ?? CHARSET_META.exec(ascii)?.[1] ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function titleOf(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? squash(decodeEntities(m[1]!)) : '';
}

/** The text a visitor would read: no scripts, styles, comments or tags. Never parsed as a document. */
export function visibleText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return squash(decodeEntities(body));
}

function latin1Prefix(bytes: Uint8Array, n = 16): string {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Whether the first bytes are a known file signature (PDF, zip/docx/xlsx/ofd, OLE doc/xls/wps, rar, images…). */
export function hasFileSignature(bytes: Uint8Array): boolean {
  const head = latin1Prefix(bytes).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  return cfg.binaryMagic.some((m) => head.startsWith(m));
}

/** An HTML answer: by type, or by the first non-blank bytes when the type lies or is missing. */
export function looksLikeHtml(bytes: Uint8Array, contentType: string): boolean {
  if (hasFileSignature(bytes)) return false;
  if (/html/i.test(contentType)) return true;
  const head = latin1Prefix(bytes, 512).replace(/^(\u00EF\u00BB\u00BF|\s)+/, '').toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

/** What an HTML answer says about itself, in the words the rules look for. */
export interface PageSigns {
  title: string;
  /** visible text, or '' when the page is too long to count as a bare error page */
  shortText: string;
}

export function pageSigns(html: string, complete: boolean): PageSigns {
  const text = complete ? visibleText(html) : '';
  return { title: titleOf(html), shortText: text.length <= cfg.shortBodyChars ? text : '' };
}

const found = (hay: string, needles: string[]) => needles.find((n) => hay.includes(n));

/** A firewall / challenge page: the tool was stopped, a browser might not be. */
export function isBlockPage(s: PageSigns): boolean {
  return !!found(`${s.title} ${s.shortText}`.toLowerCase(), BLOCK_PHRASES);
}

/** The phrase that makes a 200 page an error page, or ''. */
export function notFoundSign(s: PageSigns, finalUrl: string, redirected: boolean): string {
  const title = s.title.toLowerCase();
  const inTitle = found(title, TITLE_PHRASES) ?? (TITLE_PATTERNS.some((re) => re.test(s.title)) ? s.title : undefined);
  if (inTitle) return s.title;
  const inBody = s.shortText && found(s.shortText.toLowerCase(), BODY_PHRASES);
  if (inBody) return inBody;
  if (redirected) {
    try {
      const path = new URL(finalUrl).pathname;
      if (FINAL_PATH.some((re) => re.test(path))) return path;
    } catch {
      /* a bad final URL proves nothing */
    }
  }
  return '';
}

const clip = (s: string, n = 30) => (s.length > n ? s.slice(0, n) + '…' : s);

export interface BodyFacts {
  kind: LinkKind;
  contentType: string;
  /** the first bytes of the body (up to bodyPrefixBytes) */
  prefix: Uint8Array;
  /** the whole body was read */
  complete: boolean;
  finalUrl: string;
  redirected: boolean;
}

/** A 2xx answer read by GET: live, a soft 404, or a file answered with a web page. */
export function classifyBody(f: BodyFacts): Classification {
  const html = looksLikeHtml(f.prefix, f.contentType);
  if (!html) return OK;
  const signs = pageSigns(decodeBody(f.prefix, f.contentType), f.complete);
  if (isBlockPage(signs)) return result('suspect', 'blocked', `返回了防火墙或验证页面（${clip(signs.title || '无标题')}），需复查`, true);
  const sign = notFoundSign(signs, f.finalUrl, f.redirected);
  if (expectsFile(f.kind)) {
    const what = f.kind === 'image' ? '图片' : '附件';
    const errorTitle = found(signs.title.toLowerCase(), ERROR_TITLE);
    if (sign || errorTitle) return result('dead', 'file-error-page', `${what}地址返回的是错误网页（${clip(sign || signs.title)}）`);
    return result('suspect', 'file-html', `${what}地址返回的是网页而不是文件（${clip(signs.title || '无标题')}），需人工确认`);
  }
  if (sign) return result('dead', 'soft-404', `页面显示“${clip(sign)}”（HTTP 200）`);
  return OK;
}

/** Whether a HEAD 2xx settles it: a declared non-HTML type, so there is no page to read. */
export function headSettles(contentType: string): boolean {
  return !!contentType && !/html/i.test(contentType);
}

export function classifyRedirectProblem(reason: 'redirect-loop' | 'too-many-redirects' | 'bad-redirect', max: number): Classification {
  if (reason === 'redirect-loop') return result('suspect', reason, '重定向循环（浏览器可能带 Cookie 才能通过），需人工确认');
  if (reason === 'too-many-redirects') return result('suspect', reason, `重定向超过 ${max} 次，需人工确认`);
  return result('suspect', reason, '重定向地址无效，需人工确认');
}

/** Not an http(s) URL the checker can ask for: left for a person to look at, never called dead. */
export const BAD_URL: Classification = result('suspect', 'bad-url', '链接地址无效，需人工确认');

/**
 * A 404/410 answer. Almost always dead, but some CMSs send 404 with the real page and a visitor
 * reads it fine. Dead when the page is bare or says what it is (the status number, a missing-page
 * phrase, an error title); a titled page that never says so is only suspect.
 */
export function classifyErrorStatus(status: number, body: { prefix: Uint8Array; contentType: string; complete: boolean }): Classification {
  const dead = classifyStatus(status);
  if (dead.verdict !== 'dead' || !body.prefix.length || !looksLikeHtml(body.prefix, body.contentType)) return dead;
  const html = decodeBody(body.prefix, body.contentType);
  const signs: PageSigns = { title: titleOf(html), shortText: visibleText(html) };
  const statusToken = new RegExp(`(^|[^0-9])${status}([^0-9]|$)`);
  const says =
    !!notFoundSign(signs, '', false) ||
    statusToken.test(signs.title) ||
    statusToken.test(signs.shortText) ||
    !!found(signs.title.toLowerCase(), ERROR_TITLE);
  const bare = body.complete && (!signs.title || signs.shortText.length <= cfg.bareErrorPageChars);
  if (says || bare) return dead;
  return result('suspect', 'http-status', `HTTP ${status}，但返回了有内容的页面（${clip(signs.title)}），需人工确认`);
}
