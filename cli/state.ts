/**
 * `--state DIR`: each finished site is written to DIR as it finishes (its report entry, pages and
 * its own backup), so a rerun skips it and still reports it, exactly as if it had run again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { PageResult } from './report';
import type { BatchSiteResult } from './batch-types';

export interface FinishedSite {
  version: 1;
  key: string;
  url: string;
  /** whether the site's columns were crawled: a run with a different --crawl does it again */
  crawl: boolean;
  result: BatchSiteResult;
  pages: PageResult[];
  /** the site's backup (lib/export/backup.ts) as text, imported into the next run's store */
  backup: string;
}

const fileOf = (dir: string, key: string) => path.join(dir, `site-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.json`);

export function loadFinished(dir: string, key: string, crawl: boolean): FinishedSite | null {
  const file = fileOf(dir, key);
  if (!existsSync(file)) return null;
  try {
    const rec = JSON.parse(readFileSync(file, 'utf8')) as FinishedSite;
    return rec.version === 1 && rec.key === key && rec.crawl === crawl ? rec : null;
  } catch {
    // a torn or foreign file: the site runs again
    return null;
  }
}

export function saveFinished(dir: string, rec: FinishedSite): void {
  mkdirSync(dir, { recursive: true });
  const file = fileOf(dir, rec.key);
  // written whole then renamed: a run killed mid-write leaves no half record
  writeFileSync(file + '.tmp', JSON.stringify(rec));
  renameSync(file + '.tmp', file);
}
