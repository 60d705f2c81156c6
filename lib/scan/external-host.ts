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

/** Same answer as externalHost(href, pageHost). */
export function externalHostOf(href: string, pageHost: string): string {
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
