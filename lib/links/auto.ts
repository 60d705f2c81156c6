/** The inspector's 浏览时自动检查链接 switch (side panel), read by the content script after each scan. */
import cfg from '../data/link-check.json';

export const LINKS_AUTO_KEY = 'govcheck.linksAuto';

export async function linksAuto(): Promise<boolean> {
  try {
    const v = (await chrome.storage.local.get(LINKS_AUTO_KEY))[LINKS_AUTO_KEY];
    return typeof v === 'boolean' ? v : cfg.page.autoCheck;
  } catch {
    return cfg.page.autoCheck;
  }
}

export async function setLinksAuto(on: boolean): Promise<void> {
  await chrome.storage.local.set({ [LINKS_AUTO_KEY]: on });
}

/** storage.local key of a site's 检查全站链接 state (entrypoints/background/site-links.ts). */
export const siteLinksKey = (site: string): string => `siteLinks:${site.toLowerCase()}`;
