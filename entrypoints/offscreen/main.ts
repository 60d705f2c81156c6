/**
 * The offscreen document of the site crawl (Chromium): an MV3 service worker has no DOMParser,
 * so the background sends each fetched page here to be parsed and scanned on a detached document.
 * It holds no state and touches no storage; the background stores the results and answers the
 * pipeline's stages (the spam-domain list, the typo detectors) by message.
 */
import { onMessage, sendMessage } from '@/lib/messages';
import { parseCrawledPage } from '@/lib/crawl/parse';
import type { Background } from '@/lib/pipeline/stages';

const parser = new DOMParser();
const background: Background = {
  checkSpamHosts: (hosts) => sendMessage('checkSpamHosts', hosts),
  detectTypos: (request) => sendMessage('detectTypos', request),
};
onMessage('crawlParse', ({ data }) => parseCrawledPage(data, parser, background));
