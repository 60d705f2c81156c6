/**
 * The offscreen document of the site crawl (Chromium): an MV3 service worker has no DOMParser,
 * so the background sends each fetched page here to be parsed and scanned on a detached document.
 * It holds no state and touches no storage; the background stores the results.
 */
import { onMessage } from '@/lib/messages';
import { parseCrawledPage } from '@/lib/crawl/parse';

const parser = new DOMParser();
onMessage('crawlParse', ({ data }) => parseCrawledPage(data, parser));
