/**
 * The result cache of the link checker. Where it lives is the caller's business (memory in node,
 * IndexedDB or chrome.storage in the extension): anything with get/set will do. How long a result
 * stays good is data (cacheTtlMs, 24 h).
 */
import type { LinkResult } from './types';
import cfg from '../data/link-check.json';

export interface LinkCache {
  get(key: string): LinkResult | undefined | Promise<LinkResult | undefined>;
  set(key: string, result: LinkResult): void | Promise<void>;
}

export class MemoryLinkCache implements LinkCache {
  private readonly map = new Map<string, LinkResult>();
  get(key: string): LinkResult | undefined {
    return this.map.get(key);
  }
  set(key: string, result: LinkResult): void {
    this.map.set(key, result);
  }
  get size(): number {
    return this.map.size;
  }
}

export const CACHE_TTL_MS: number = cfg.cacheTtlMs;
/** How long to wait before the one second look at a suspect result. */
export const RECHECK_DELAY_MS: number = cfg.recheckDelayMs;

/** A cached result still good at `now`. */
export function isFresh(r: LinkResult, now: number, ttlMs = CACHE_TTL_MS): boolean {
  return now - r.checkedAt < ttlMs;
}
