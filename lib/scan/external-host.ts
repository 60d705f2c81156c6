/**
 * lib/hosts externalHost, remembered per href: the link rules and the visibility probe ask it of
 * every link, often several times, and the href strings of the page model are the same objects
 * each time (their hash is kept, so a lookup costs less than reading the host again).
 */
import { externalHost } from '../hosts';

let forPage = '';
const byHref = new Map<string, string>();
/** Hrefs remembered at most (the map starts over beyond this). */
const MAX_HREFS = 20000;

/** Same answer as externalHost(href, pageHost). */
export function externalHostOf(href: string, pageHost: string): string {
  if (pageHost !== forPage || byHref.size >= MAX_HREFS) {
    forPage = pageHost;
    byHref.clear();
  }
  let ext = byHref.get(href);
  if (ext === undefined) {
    ext = externalHost(href, pageHost);
    byHref.set(href, ext);
  }
  return ext;
}
