import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPageModel, type BuiltPage } from '../../lib/scan/page-model';

/** Real pages, policy documents, typo sets, spam lists and 通报 copied into the repo (see its MANIFEST.md). */
export const REAL = path.resolve(import.meta.dirname, '../fixtures/real');
export const REAL_PAGES = path.join(REAL, 'pages');
export const DEMO_SITE = path.resolve(import.meta.dirname, '../fixtures/demo-site');

/** A happy-dom DOMParser for documents at `url` (scripts and styles are never loaded or run). */
export function domParser(url: string): DOMParser {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigator: { userAgent: 'test' } } as never,
  });
  return new win.DOMParser() as unknown as DOMParser;
}

/** Parses HTML into a happy-dom Document at `url`. */
export function parseHtml(html: string, url: string): Document {
  return domParser(url).parseFromString(html, 'text/html');
}

export function modelFromHtml(html: string, url = 'https://www.example.gov.cn/a/b.html', today = '2026-11-23'): BuiltPage {
  return buildPageModel(parseHtml(html, url), { url, today });
}

/** A real page from tests/fixtures/real/pages, under a URL on its own host. */
export function realPage(file: string, host: string, today = '2026-11-23'): BuiltPage {
  const html = readFileSync(path.join(REAL_PAGES, file), 'utf8');
  return modelFromHtml(html, `https://${host}/art/${file}`, today);
}
