/**
 * One polite GET of a column page: a timeout, same-site only after redirects, HTML only, the
 * page's own charset (many gov sites still serve GBK). Never throws: every failure is an outcome.
 */
import type { FetchOutcome } from './types';
import { sameSite } from './discover';
import { deadline } from '../net/deadline';

export interface FetchOptions {
  homeUrl: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

const CHARSET_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset from the Content-Type header, else the first <meta charset>, else UTF-8. */
export function charsetOf(contentType: string, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return (CHARSET_META.exec(ascii)?.[1] ?? 'utf-8').toLowerCase();
}

export function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const cs = charsetOf(contentType, bytes);
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label: read as UTF-8 rather than fail
  }
}

export async function fetchPage(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const dl = deadline(opts.signal, opts.timeoutMs);
  try {
    // fetch cannot read a redirect's Location without following it (manual mode gives an opaque
    // response), so redirects are followed by the browser and an off-site end is discarded unread.
    const res = await (opts.fetchImpl ?? fetch)(url, { signal: dl.signal, redirect: 'follow', credentials: 'omit', cache: 'no-store' });
    const finalUrl = res.url || url;
    if (!sameSite(finalUrl, opts.homeUrl)) {
      void res.body?.cancel().catch(() => undefined);
      return { kind: 'offsite', url, to: finalUrl };
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => undefined);
      return { kind: 'error', url, status: res.status, message: `HTTP ${res.status}` };
    }
    const type = res.headers.get('content-type') || '';
    if (type && !/html|xml/i.test(type)) {
      void res.body?.cancel().catch(() => undefined);
      return { kind: 'not-html', url, contentType: type.split(';')[0]!.trim() };
    }
    const buf = new Uint8Array(await res.arrayBuffer());
    const bytes = buf.byteLength > opts.maxBytes ? buf.subarray(0, opts.maxBytes) : buf;
    return { kind: 'html', url: finalUrl, html: decodeHtml(bytes, type), status: res.status };
  } catch (e) {
    if (opts.signal?.aborted) return { kind: 'error', url, message: '已取消' };
    if (dl.timedOut) return { kind: 'error', url, message: `超时（${Math.round(opts.timeoutMs / 1000)} 秒无响应）` };
    return { kind: 'error', url, message: `无法访问：${e instanceof Error ? e.message : String(e)}` };
  } finally {
    dl.dispose();
  }
}
