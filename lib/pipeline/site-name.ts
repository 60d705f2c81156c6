import type { PageModel } from '../types';

/**
 * The site's name as the page gives it: the SiteName meta, else the last part of the title
 * ("article - site", "article_site"), else the whole title.
 */
export function siteNameOf(page: Pick<PageModel, 'meta' | 'title'>): string {
  if (page.meta.SiteName) return page.meta.SiteName;
  const parts = page.title.split(/\s*[-_|｜—]\s*/).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : page.title;
}
