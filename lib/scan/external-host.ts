/**
 * lib/hosts externalHost, remembered per href and per host: the link rules and the visibility
 * probe ask it of every link, often several times, and a page's thousands of links share a few
 * hosts (externalHost depends on the href only through its host).
 */
import { externalHost, hostOf } from '../hosts';

let forPage = '';
const byHref = new Map<string, string>();
const byHost = new Map<string, string>();
/** Hrefs remembered at most (the maps start over beyond this). */
const MAX_HREFS = 20000;

const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** / ? # (what ends the host part of a URL) */
const endsAuthority = (c: number) => c === 47 || c === 63 || c === 35;

/**
 * An http(s) href on the page's own host (http://host/…, https://host:8080?…): no host of its
 * own to look up, and most links of a page are these. Read in place: a Map lookup keyed by the
 * href hashed each freshly built href string. Anything unusual (user info, upper case, odd
 * ports) is left to the full answer.
 */
function onPageHost(href: string, pageHost: string): boolean {
  const at = href.startsWith('https://') ? 8 : href.startsWith('http://') ? 7 : -1;
  if (at < 0 || !href.startsWith(pageHost, at)) return false;
  let i = at + pageHost.length;
  if (i === href.length || endsAuthority(href.charCodeAt(i))) return true;
  if (href.charCodeAt(i) !== 58) return false; // :port
  for (i++; i < href.length && isDigitCode(href.charCodeAt(i)); i++);
  return i === href.length || endsAuthority(href.charCodeAt(i));
}

/** Same answer as externalHost(href, pageHost). */
export function externalHostOf(href: string, pageHost: string): string {
  // a link on the page's own host is never external (same registrable domain)
  if (pageHost && onPageHost(href, pageHost)) return '';
  if (pageHost !== forPage || byHref.size >= MAX_HREFS) {
    forPage = pageHost;
    byHref.clear();
    byHost.clear();
  }
  let ext = byHref.get(href);
  if (ext === undefined) {
    const host = hostOf(href);
    ext = byHost.get(host);
    if (ext === undefined) {
      ext = externalHost(href, pageHost);
      byHost.set(host, ext);
    }
    byHref.set(href, ext);
  }
  return ext;
}
