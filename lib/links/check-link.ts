/**
 * checkLink: one URL, asked the way a visitor's browser would, then classified.
 *
 * Files (attachments, images) are asked with HEAD first: a declared non-HTML type settles it
 * without downloading. Any other HEAD answer (405, 501, 404, 403, a reset, an HTML type) is asked
 * again with GET, because servers often answer HEAD differently and a live target must never be
 * called dead. Pages go straight to GET: telling a soft 404 from a page needs the body anyway.
 * GET reads at most bodyPrefixBytes, then stops. Runs in node and in a service worker (fetch only).
 */
import { deadline } from '../net/deadline';
import type { CheckOptions, LinkKind, LinkResult, RedirectMode } from './types';
import {
  BAD_URL,
  OK,
  classifyBody,
  classifyErrorStatus,
  classifyNetworkError,
  classifyRedirectProblem,
  classifyStatus,
  errorCode,
  headSettles,
  type Classification,
} from './classify';
import { isHttpUrl, kindOfUrl, linkKey } from './url';
import cfg from '../data/link-check.json';

const DEAD_CODES = new Set(cfg.deadNetworkCodes);
const REDIRECT = new Set([301, 302, 303, 307, 308]);

type Method = 'HEAD' | 'GET';

interface Answer {
  type: 'answer';
  status: number;
  contentType: string;
  finalUrl: string;
  redirects: number;
  redirected: boolean;
  prefix: Uint8Array;
  complete: boolean;
}
interface Failure {
  type: 'failure';
  error: unknown;
  timedOut: boolean;
}
interface RedirectProblem {
  type: 'redirect-problem';
  reason: 'redirect-loop' | 'too-many-redirects' | 'bad-redirect';
  redirects: number;
}
type Outcome = Answer | Failure | RedirectProblem;

interface Ctx {
  fetchImpl: typeof fetch;
  timeoutMs: number;
  maxRedirects: number;
  bodyPrefixBytes: number;
  mode: RedirectMode;
  headers: Record<string, string>;
  signal?: AbortSignal;
  schedule: <T>(url: string, request: () => Promise<T>) => Promise<T>;
  onOpaqueRedirect?: () => void;
}

/** Reads up to `max` bytes of a body, then stops the download. */
async function readPrefix(res: Response, max: number): Promise<{ prefix: Uint8Array; complete: boolean }> {
  if (!res.body) return { prefix: new Uint8Array(0), complete: true };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) {
      complete = true;
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  if (!complete) await reader.cancel().catch(() => undefined);
  const prefix = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const c of chunks) {
    const n = Math.min(c.byteLength, prefix.length - at);
    prefix.set(c.subarray(0, n), at);
    at += n;
    if (at >= prefix.length) break;
  }
  return { prefix, complete };
}

/** Whether the body matters: GET answers that are 2xx (soft 404s) or 404/410 (real pages sent as 404). */
const wantsBody = (method: Method, status: number) => method === 'GET' && ((status >= 200 && status < 300) || status === 404 || status === 410);

interface Single {
  res?: { status: number; contentType: string; location: string | null; url: string; redirected: boolean; opaque: boolean; prefix: Uint8Array; complete: boolean };
  error?: unknown;
  timedOut?: boolean;
}

/** One request, inside the caller's schedule (the per-host gate), with its own timeout. */
function request(url: string, method: Method, follow: boolean, ctx: Ctx): Promise<Single> {
  return ctx.schedule(url, async () => {
    // cancelled while waiting for the host's turn: send nothing
    if (ctx.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const dl = deadline(ctx.signal, ctx.timeoutMs);
    try {
      const res = await ctx.fetchImpl(url, {
        method,
        redirect: follow ? 'follow' : 'manual',
        signal: dl.signal,
        headers: ctx.headers,
        credentials: 'omit',
        cache: 'no-store',
      });
      const body = wantsBody(method, res.status) ? await readPrefix(res, ctx.bodyPrefixBytes) : { prefix: new Uint8Array(0), complete: false };
      if (!wantsBody(method, res.status)) void res.body?.cancel().catch(() => undefined);
      return {
        res: {
          status: res.status,
          contentType: res.headers.get('content-type') || '',
          location: res.headers.get('location'),
          url: res.url || url,
          redirected: res.redirected,
          opaque: res.type === 'opaqueredirect',
          ...body,
        },
      };
    } catch (error) {
      return { error, timedOut: dl.timedOut };
    } finally {
      dl.dispose();
    }
  });
}

/** Asks `url` with `method`, following redirects (by hand in manual mode) to the final answer. */
async function ask(url: string, method: Method, ctx: Ctx): Promise<Outcome> {
  const seen = new Set([linkKey(url)]);
  let current = url;
  for (let hops = 0; ; ) {
    const single = await request(current, method, ctx.mode === 'follow', ctx);
    if (ctx.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    if (!single.res) return { type: 'failure', error: single.error, timedOut: !!single.timedOut };
    const r = single.res;
    if (r.opaque) {
      // a browser hides the Location of a manual redirect: let it follow from here on
      ctx.mode = 'follow';
      ctx.onOpaqueRedirect?.();
      continue;
    }
    if (ctx.mode !== 'follow' && REDIRECT.has(r.status) && r.location) {
      let next: string;
      try {
        next = new URL(r.location, current).href;
      } catch {
        return { type: 'redirect-problem', reason: 'bad-redirect', redirects: hops };
      }
      if (!isHttpUrl(next)) return { type: 'redirect-problem', reason: 'bad-redirect', redirects: hops };
      if (seen.has(linkKey(next))) return { type: 'redirect-problem', reason: 'redirect-loop', redirects: hops + 1 };
      if (hops + 1 > ctx.maxRedirects) return { type: 'redirect-problem', reason: 'too-many-redirects', redirects: hops + 1 };
      seen.add(linkKey(next));
      current = next;
      hops++;
      continue;
    }
    const finalUrl = ctx.mode === 'follow' ? r.url : current;
    const redirected = ctx.mode === 'follow' ? r.redirected : hops > 0;
    return {
      type: 'answer',
      status: r.status,
      contentType: r.contentType,
      finalUrl,
      redirected,
      redirects: ctx.mode === 'follow' ? (r.redirected ? 1 : 0) : hops,
      prefix: r.prefix,
      complete: r.complete,
    };
  }
}

function judge(o: Outcome, kind: LinkKind, ctx: Ctx): Classification {
  if (o.type === 'failure') return classifyNetworkError(o.error, o.timedOut, ctx.timeoutMs);
  if (o.type === 'redirect-problem') return classifyRedirectProblem(o.reason, ctx.maxRedirects);
  if (o.status >= 200 && o.status < 300) return classifyBody({ kind, ...o });
  if (o.status === 404 || o.status === 410) return classifyErrorStatus(o.status, o);
  return classifyStatus(o.status);
}

/** Whether a HEAD outcome is final: a file type answered, or a failure GET cannot change. */
function headIsFinal(o: Outcome): boolean {
  if (o.type === 'answer') return o.status >= 200 && o.status < 300 && headSettles(o.contentType);
  if (o.type === 'failure') return DEAD_CODES.has(errorCode(o.error));
  return false;
}

export interface CheckLinkOptions extends CheckOptions {
  /** auto: HEAD first for files, GET for pages; head: HEAD first always; get: GET only */
  probe?: 'auto' | 'head' | 'get';
}

const direct = <T>(_url: string, request: () => Promise<T>) => request();

/** Checks one URL. Never throws, except an AbortError when `signal` is aborted. */
export async function checkLink(url: string, opts: CheckLinkOptions = {}): Promise<LinkResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const key = linkKey(url);
  const ctx: Ctx = {
    fetchImpl: opts.fetchImpl ?? ((input, init) => fetch(input, init)),
    timeoutMs: opts.timeoutMs ?? cfg.timeoutMs,
    maxRedirects: opts.maxRedirects ?? cfg.maxRedirects,
    bodyPrefixBytes: opts.bodyPrefixBytes ?? cfg.bodyPrefixBytes,
    mode: opts.redirectMode ?? 'auto',
    headers: { ...cfg.headers, ...opts.headers },
    signal: opts.signal,
    schedule: opts.schedule ?? direct,
    onOpaqueRedirect: opts.onOpaqueRedirect,
  };
  const done = (c: Classification, method: 'HEAD' | 'GET', o?: Outcome): LinkResult => ({
    url: key,
    ...c,
    ...(o?.type === 'answer' ? { status: o.status, ...(o.redirected ? { finalUrl: o.finalUrl } : {}) } : {}),
    redirects: o && o.type !== 'failure' ? o.redirects : 0,
    method,
    checkedAt: now(),
    ms: now() - started,
  });
  if (!isHttpUrl(key)) return done(BAD_URL, 'GET');
  const kind = opts.kind ?? kindOfUrl(key);
  const probe = opts.probe ?? 'auto';
  if (probe === 'head' || (probe === 'auto' && kind !== 'link' && kind !== 'frame')) {
    const head = await ask(key, 'HEAD', ctx);
    if (headIsFinal(head)) return done(head.type === 'answer' ? OK : judge(head, kind, ctx), 'HEAD', head);
  }
  const get = await ask(key, 'GET', ctx);
  return done(judge(get, kind, ctx), 'GET', get);
}
