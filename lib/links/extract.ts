/**
 * Every checkable link of a document: a[href] and area[href] (files by extension), img[src],
 * iframe/frame[src]. Absolute, http(s) only. Runs on any Document (a detached DOMParser
 * document in the extension, happy-dom in node); reads attributes, never runs page code.
 */
import type { ExtractedLink, LinkKind } from './types';
import { hostKey, kindOfUrl } from './url';

const SOURCES: { selector: string; attr: string; kind: (url: string) => LinkKind }[] = [
  { selector: 'a[href], area[href]', attr: 'href', kind: kindOfUrl },
  { selector: 'img[src]', attr: 'src', kind: () => 'image' },
  { selector: 'iframe[src], frame[src]', attr: 'src', kind: () => 'frame' },
];

const squash = (s: string | null | undefined) => (s || '').replace(/\s+/g, ' ').trim();

function textOf(el: Element): string {
  return squash(el.textContent) || squash(el.getAttribute('title')) || squash(el.getAttribute('alt')) || squash(el.querySelector('img')?.getAttribute('alt'));
}

/** The absolute http(s) URL of a raw attribute, or '' (javascript:, mailto:, data:, #top, junk). */
export function absoluteHttp(raw: string, base: string): string {
  const v = raw.trim();
  if (!v || v.startsWith('#')) return '';
  try {
    const u = new URL(v, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

/** In document order per source; every occurrence (the same URL twice is listed twice). */
export function extractLinks(doc: Document, baseUrl: string): ExtractedLink[] {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && absoluteHttp(baseHref, baseUrl)) || baseUrl;
  const pageHost = hostKey(baseUrl);
  const out: ExtractedLink[] = [];
  for (const src of SOURCES) {
    for (const el of Array.from(doc.querySelectorAll(src.selector))) {
      const url = absoluteHttp(el.getAttribute(src.attr) || '', base);
      if (!url) continue;
      out.push({ url, kind: src.kind(url), text: textOf(el), sameSite: hostKey(url) === pageHost });
    }
  }
  return out;
}
