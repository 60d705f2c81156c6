/**
 * The open-vocabulary typo detectors (lib/typos) for the `typos` stage: the content script and the
 * offscreen document send a page's text blocks, this answers with the findings' offsets. In
 * Chromium the word lists live in the offscreen document (background/offscreen.ts), built on the
 * first request and kept for the browser session: a service worker stops after 30 s idle and
 * would rebuild them (~0.7 s) at each wake, and its script would carry them (~4 MB) at each start.
 * Firefox's background page (and the unit tests) answer in place.
 */
import { onMessage, sendMessage } from '@/lib/messages';
import type { TypoFinding, TypoRequest } from '@/lib/typos/types';
import { offscreenStatus, withOffscreen } from './offscreen';

/** Firefox's background page and the unit tests hold the detectors themselves. */
async function inPlace(data: unknown): Promise<TypoFinding[]> {
  const { answerTypos } = await import('@/lib/typos/answer');
  return answerTypos(data);
}

/** Answers detectTypos: the findings in one batch of a page's text blocks, offsets in the page text. */
export async function typoAnswer(data: unknown): Promise<TypoFinding[]> {
  // a build-time constant: the Chromium bundle drops this branch and with it the detectors and their data
  if (!import.meta.env.CHROME) return inPlace(data);
  // the offscreen document cleans the request as answerTypos does everywhere
  return withOffscreen(() => sendMessage('offscreenDetectTypos', data as TypoRequest));
}

export function registerTyposHandlers(_db?: unknown): void {
  onMessage('detectTypos', ({ data }) => typoAnswer(data));
  // read with Playwright's serviceWorker.evaluate (end-to-end tests), like globalThis.govcheck
  (globalThis as { govcheckTypos?: unknown }).govcheckTypos = { offscreenStatus };
}
