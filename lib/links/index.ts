/** The link checker's public face, for the background service worker, the CLI and tests. */
export { checkLink, type CheckLinkOptions } from './check-link';
export { LinkChecker, type LinkCheckerOptions, type LinkRun } from './checker';
export { MemoryLinkCache, isFresh, CACHE_TTL_MS, RECHECK_DELAY_MS, type LinkCache } from './cache';
export { extractLinks } from './extract';
export { tallyLinks, isHomePage, type LinkTally, type SiteLinkTally } from './count';
export { linkKey, kindOfUrl } from './url';
export type * from './types';
