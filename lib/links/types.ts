/** Shapes shared by the link checker, its callers (background, CLI, tests) and its cache. */

/** What a link points at, as far as the page tells: an <a>, an <img>, a file download, an <iframe>. */
export type LinkKind = 'link' | 'image' | 'attachment' | 'frame';

/**
 * ok: the target answered. dead: certainly unavailable (404/410, no such host, refused, a page
 * saying it does not exist, a file answered with an error page). suspect: could not be confirmed
 * either way (403, 429, 5xx, timeouts, resets…); never reported as dead.
 */
export type LinkVerdict = 'ok' | 'dead' | 'suspect';

export type LinkReason =
  | 'ok'
  | 'not-found' // 404
  | 'gone' // 410
  | 'no-such-host'
  | 'refused'
  | 'soft-404'
  | 'file-error-page' // an attachment or image answered with an HTML error page
  | 'file-html' // an attachment or image answered with HTML that is not clearly an error
  | 'blocked' // 401/403/429 or a firewall page
  | 'server-error' // 5xx
  | 'http-status' // any other unexpected status
  | 'timeout'
  | 'network' // reset, TLS, and every browser network error (it carries no code)
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'bad-url';

export interface LinkResult {
  /** the normalised URL (the cache key) */
  url: string;
  verdict: LinkVerdict;
  reason: LinkReason;
  /** the final HTTP status, when there was one */
  status?: number;
  /** where redirects ended, when they did */
  finalUrl?: string;
  /** hops followed; in follow mode only 0 or 1 is known (the browser hides the count) */
  redirects: number;
  /** the request that decided the verdict */
  method: 'HEAD' | 'GET';
  /** doubtful results only: worth asking once more after recheckDelayMs */
  recheck: boolean;
  /** set on the second look at a suspect result */
  rechecked?: boolean;
  /** a short Chinese explanation for the report */
  message: string;
  /** the network error code or message, for the log */
  error?: string;
  /** epoch ms when the check finished */
  checkedAt: number;
  /** how long the check took */
  ms: number;
}

/** One URL to check, with what the page said it is (guessed from the extension when absent). */
export interface LinkTarget {
  url: string;
  kind?: LinkKind;
}

/**
 * manual: every hop read by hand (node; counts hops, detects loops). follow: the fetch follows
 * and reports only `redirected` and the final URL (a browser service worker, where manual gives
 * an opaque response without Location). auto: manual, switching to follow when a response comes
 * back opaque.
 */
export type RedirectMode = 'manual' | 'follow' | 'auto';

export interface CheckOptions {
  kind?: LinkKind;
  timeoutMs?: number;
  maxRedirects?: number;
  bodyPrefixBytes?: number;
  redirectMode?: RedirectMode;
  /** extra request headers (a User-Agent in node; browsers refuse to set one) */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /** runs each request; the checker passes its per-host gate so every hop is polite */
  schedule?: <T>(url: string, request: () => Promise<T>) => Promise<T>;
  now?: () => number;
  /** called once when a manual request came back opaque (the caller may switch to follow for good) */
  onOpaqueRedirect?: () => void;
}

/** A found link on a page (see extractLinks). */
export interface ExtractedLink {
  url: string;
  kind: LinkKind;
  /** link text, alt or title; '' when none */
  text: string;
  /** same host and port as the page */
  sameSite: boolean;
}

export interface LinkProgress {
  done: number;
  total: number;
  dead: number;
  /** the URL that just finished */
  current: string;
}
