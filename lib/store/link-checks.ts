/**
 * The link checker's cache in IndexedDB (table linkChecks, schema v6): the LinkCache the
 * background's LinkChecker reads and writes, and the clear behind 重新检查链接.
 */
import type { LinkCache, LinkResult } from '../links/index';
import { linkKey } from '../links/url';
import type { GovCheckDB } from './db';

/** A stored result: the result itself, keyed by its normalised URL (LinkResult.url is that key). */
export type LinkCheckRecord = LinkResult;

export class DexieLinkCache implements LinkCache {
  constructor(private readonly db: GovCheckDB) {}
  get(key: string): Promise<LinkResult | undefined> {
    return this.db.linkChecks.get(key);
  }
  async set(key: string, result: LinkResult): Promise<void> {
    await this.db.linkChecks.put({ ...result, url: key });
  }
}

/** The stored results of these URLs (any age), by normalised URL. */
export async function storedLinkChecks(db: GovCheckDB, urls: readonly string[]): Promise<Map<string, LinkResult>> {
  const keys = [...new Set(urls.map(linkKey))];
  const rows = await db.linkChecks.bulkGet(keys);
  return new Map(rows.filter((r): r is LinkResult => !!r).map((r) => [r.url, r]));
}

/** 重新检查链接: forgets these URLs' results, so the next check fetches them again. Answers how many were cached. */
export async function clearLinkChecks(db: GovCheckDB, urls: readonly string[]): Promise<number> {
  const keys = [...new Set(urls.map(linkKey))];
  return db.transaction('rw', db.linkChecks, async () => {
    const had = (await db.linkChecks.bulkGet(keys)).filter(Boolean).length;
    await db.linkChecks.bulkDelete(keys);
    return had;
  });
}

/** Drops results older than `before` (epoch ms); answers how many. */
export function pruneLinkChecks(db: GovCheckDB, before: number): Promise<number> {
  return db.linkChecks.where('checkedAt').below(before).delete();
}
