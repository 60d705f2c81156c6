/**
 * lib/hosts externalHost, remembered per link host: the link rules and the visibility probe ask
 * it of every link, often several times, and a page's thousands of links share a few hosts.
 */
import { externalHost, hostOf } from '../hosts';

let forPage = '';
const byHost = new Map<string, string>();
/** Hosts remembered at most (a page of links to this many hosts is rare; the map starts over). */
const MAX_HOSTS = 5000;

/** Same answer as externalHost(href, pageHost). */
export function externalHostOf(href: string, pageHost: string): string {
  const host = hostOf(href);
  if (!host) return '';
  if (pageHost !== forPage || byHost.size >= MAX_HOSTS) {
    forPage = pageHost;
    byHost.clear();
  }
  let ext = byHost.get(host);
  if (ext === undefined) {
    ext = externalHost(href, pageHost);
    byHost.set(host, ext);
  }
  return ext;
}
