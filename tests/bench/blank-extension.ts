/**
 * The benches' baseline: an extension that does nothing (a worker that only listens, one page),
 * launched the same way as GovCheck, so the only difference a bench measures is GovCheck.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes the blank extension into `dir` (created); its page is `page.html`. */
export function writeBlankExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'blank', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(path.join(dir, 'sw.js'), 'chrome.runtime.onMessage.addListener(() => {});');
  writeFileSync(path.join(dir, 'page.html'), '<!doctype html><title>blank</title>');
  return dir;
}
