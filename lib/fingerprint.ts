/**
 * Stable ids for findings: a rescan of the same page must give the same id for the same
 * problem, so the store updates instead of duplicating. Pure and sync: runs in content
 * scripts, the background and node alike.
 */

/** Query keys that only track where a visitor came from; they never change the page. */
const TRACKING_KEYS = new Set([
  'gclid',
  'dclid',
  'fbclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'spm', // Alibaba/Taobao share tracking
  'isappinstalled', // WeChat share
  'nsukey', // WeChat/QQ share
]);

/** WeChat adds `from=<these>` to shared links; other `from` values may be meaningful. */
const WECHAT_FROM = new Set(['singlemessage', 'groupmessage', 'timeline']);

function isTracking(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k.startsWith('utm_')) return true;
  if (k === 'from') return WECHAT_FROM.has(value.toLowerCase());
  return TRACKING_KEYS.has(k);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * The page's identity for storage: no #hash, no tracking params, lower-case host, no default
 * port. Path (including trailing `/` or `index.html`) and other params are kept verbatim,
 * because gov CMSs often serve different pages for `/` and `/index.html`-like variants.
 */
export function normaliseUrl(url: string): string {
  const raw = url.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    // not absolute: still drop the hash so the same page keeps one key
    const i = raw.indexOf('#');
    return i >= 0 ? raw.slice(0, i) : raw;
  }
  u.hash = '';
  if (u.search) {
    // filter the raw query so the kept params keep their original encoding and order
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((pair) => {
        if (!pair) return false;
        const eq = pair.indexOf('=');
        const key = safeDecode(eq >= 0 ? pair.slice(0, eq) : pair);
        const value = eq >= 0 ? safeDecode(pair.slice(eq + 1)) : '';
        return !isTracking(key, value);
      });
    u.search = kept.length ? '?' + kept.join('&') : '';
  }
  // URL already lower-cases the host and drops default ports; an empty search leaves no '?'
  return u.href;
}

export interface FingerprintParts {
  site: string;
  url: string;
  ruleId: string;
  evidence: string;
  /** index of this (ruleId, evidence) pair on the page, 0 for the first */
  occurrence: number;
}

const encoder = new TextEncoder();

/** 64-bit FNV-1a over UTF-8 bytes, as 16 hex chars; 32-bit halves avoid BigInt cost. */
export function fnv1a64(input: string): string {
  const bytes = encoder.encode(input);
  // offset basis 0xcbf29ce484222325
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i]!;
    // multiply by the prime 2^40 + 0x1b3, modulo 2^64
    const p = (lo >>> 0) * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(p / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = p >>> 0;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Deterministic short id of a finding. Whitespace in evidence is collapsed: reflowed text
 *  on a rescan must not change the id. */
export function fingerprint(parts: FingerprintParts): string {
  const evidence = parts.evidence.replace(/\s+/g, ' ').trim();
  // U+001F (unit separator) cannot occur in the parts, so field boundaries stay unambiguous
  return fnv1a64(
    [
      parts.site.trim().toLowerCase(),
      normaliseUrl(parts.url),
      parts.ruleId,
      evidence,
      String(parts.occurrence),
    ].join('\u001f'),
  );
}
