/**
 * A fetched page through the one scan pipeline (lib/pipeline), one-shot on a detached document
 * (scripts never run, nothing loads), plus the links the crawl follows. Needs a DOMParser: the
 * offscreen document in Chromium, the background page in Firefox, happy-dom in tests.
 */
import type { Settings } from '../types';
import { scanPage } from '../pipeline/scan-page';
import type { Background } from '../pipeline/stages';
import { collectLinks } from './links';
import type { ParsedPage } from './types';
import { linkCheckTargets } from '../rules/links-check';

export interface ParseInput {
  url: string;
  html: string;
  settings: Settings;
}

export async function parseCrawledPage(
  input: ParseInput,
  parser: { parseFromString(html: string, type: 'text/html'): Document },
  background: Background,
): Promise<ParsedPage> {
  const doc = parser.parseFromString(input.html, 'text/html');
  const links = collectLinks(doc, input.url);
  const { built, report } = await scanPage(doc, { url: input.url, settings: input.settings, background, crawledAt: Date.now() });
  return { url: built.model.url, links, column: report.column ?? null, pageType: report.page.pageType, report, linkTargets: linkCheckTargets(built.model) };
}
