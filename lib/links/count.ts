/**
 * The counts a 通报 reports: unavailable links on the home page, counted apart from those on
 * other pages (images and attachments included). Pure. A URL counts once per group; a URL found
 * on the home page is not counted again among the other pages.
 */
import type { ExtractedLink, LinkKind, LinkResult } from './types';
import { linkKey } from './url';

const HOME_PATH = /^\/(index\.(s?html?|jsp|php|aspx?)|default\.(s?html?|aspx?))?$/i;

export interface LinkTally {
  checked: number;
  dead: number;
  suspect: number;
  deadByKind: Record<LinkKind, number>;
  /** the dead URLs, in the order found */
  deadUrls: string[];
}

export interface SiteLinkTally {
  home: LinkTally;
  other: LinkTally;
}

/** The home page: the home URL itself, or the site root / index page on its host. */
export function isHomePage(pageUrl: string, homeUrl: string): boolean {
  try {
    const p = new URL(pageUrl);
    const h = new URL(homeUrl);
    if (linkKey(pageUrl) === linkKey(homeUrl)) return true;
    return p.host === h.host && !p.search && HOME_PATH.test(p.pathname);
  } catch {
    return false;
  }
}

const emptyTally = (): LinkTally => ({ checked: 0, dead: 0, suspect: 0, deadByKind: { link: 0, image: 0, attachment: 0, frame: 0 }, deadUrls: [] });

export function tallyLinks(
  pages: Iterable<{ pageUrl: string; links: readonly ExtractedLink[] }>,
  results: ReadonlyMap<string, LinkResult>,
  homeUrl: string,
): SiteLinkTally {
  const all = [...pages];
  const tally: SiteLinkTally = { home: emptyTally(), other: emptyTally() };
  const counted = new Set<string>();
  // home pages first, so a link on both is a home-page link
  const ordered = [...all.filter((p) => isHomePage(p.pageUrl, homeUrl)), ...all.filter((p) => !isHomePage(p.pageUrl, homeUrl))];
  for (const page of ordered) {
    const t = isHomePage(page.pageUrl, homeUrl) ? tally.home : tally.other;
    for (const l of page.links) {
      const key = linkKey(l.url);
      const r = results.get(key);
      if (!r || counted.has(key)) continue;
      counted.add(key);
      t.checked++;
      if (r.verdict === 'dead') {
        t.dead++;
        t.deadByKind[l.kind]++;
        t.deadUrls.push(key);
      } else if (r.verdict === 'suspect') t.suspect++;
    }
  }
  return tally;
}
