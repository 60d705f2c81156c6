import type { Settings } from '@/lib/types';
import { scanPage, type PageScan } from '@/lib/pipeline/scan-page';
import { sendMessage } from '@/lib/messages';

export type ScanResult = PageScan;

/** Gives the main thread back to the page between slices of work. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((r) => setTimeout(r, 0));
}

/** The live page through the one pipeline, in slices; the background answers the stages by message. */
export function scanDocument(doc: Document, settings: Settings, skipElement: (el: Element) => boolean): Promise<ScanResult> {
  return scanPage(doc, {
    url: location.href,
    settings,
    skipElement,
    yieldToPage,
    background: {
      checkSpamHosts: (hosts) => sendMessage('checkSpamHosts', hosts),
      detectTypos: (request) => sendMessage('detectTypos', request),
    },
  });
}
