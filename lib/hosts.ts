/** Host helpers for the link rules and the background's spam-domain lookup. Pure. */

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'mil', 'co']);

/** The registrable domain, near enough: last two labels, or three under com.cn/gov.cn/co.uk-style names. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  const n = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** gov.cn / edu.cn / mil.cn hosts (and 政务.cn): never reported as spam targets. */
export function isOfficialHost(host: string): boolean {
  return /(^|\.)(gov|edu|mil)\.cn$|(^|\.)政务\.cn$|(^|\.)gov$/i.test(host.replace(/\.$/, ''));
}

const HOST_RE = /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]+)/i;

/**
 * The host of an http(s) URL, or ''. Hrefs in the model are already absolute and canonical
 * (URL.href), so a regex does: `new URL` per link costs too much on pages with thousands of links.
 */
export function hostOf(href: string): string {
  const m = HOST_RE.exec(href);
  return m ? m[1]!.toLowerCase() : '';
}

let lastPage = '';
let lastPageDomain = '';

/** A link to a web host outside the page's own site (registrable domain). */
export function isExternalHost(linkHost: string, pageHost: string): boolean {
  if (!linkHost) return false;
  if (pageHost !== lastPage) {
    lastPage = pageHost;
    lastPageDomain = registrableDomain(pageHost);
  }
  return registrableDomain(linkHost) !== lastPageDomain;
}

/**
 * Whether `host` is listed, or is a subdomain of a listed host; a listed www.x.com also covers
 * x.com and its subdomains. Official hosts never match. Returns the listed entry or ''.
 */
export function matchSpamHost(host: string, listed: ReadonlySet<string>): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || isOfficialHost(h)) return '';
  const labels = h.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const cand = labels.slice(i).join('.');
    if (listed.has(cand)) return cand;
    if (listed.has('www.' + cand)) return 'www.' + cand;
  }
  return '';
}

/** The external, non-official host of a link, or ''. */
export function externalHost(href: string, pageHost: string): string {
  const host = hostOf(href);
  return host && !isOfficialHost(host) && isExternalHost(host, pageHost) ? host : '';
}
