/**
 * The offscreen document (Chromium): an MV3 service worker has no DOMParser, so the background
 * sends each page the site crawl fetched here to be parsed and scanned on a detached document; and
 * the typo detectors' word lists live here, built on the first request and kept while the document
 * is open (the browser session), since the service worker stops after 30 s idle. It touches no
 * storage; the background stores the results and answers the spam-domain list by message.
 */
import { onMessage, sendMessage } from '@/lib/messages';
import { parseCrawledPage } from '@/lib/crawl/parse';
import { answerTypos } from '@/lib/typos/answer';
import type { Background } from '@/lib/pipeline/stages';

let typoLoadedAt: number | null = null;
function typos(data: unknown) {
  const found = answerTypos(data);
  typoLoadedAt ??= Date.now();
  return found;
}

const parser = new DOMParser();
const background: Background = {
  checkSpamHosts: (hosts) => sendMessage('checkSpamHosts', hosts),
  detectTypos: async (request) => typos(request),
};
onMessage('crawlParse', ({ data }) => parseCrawledPage(data, parser, background));
onMessage('offscreenDetectTypos', ({ data }) => typos(data));
onMessage('offscreenStatus', () => ({ typoLoadedAt }));
