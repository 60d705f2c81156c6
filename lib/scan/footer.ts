import markers from '../data/footer-markers.json';
import limits from '../data/scan-limits.json';
import type { Blocks } from './collect';
import { lowerBound } from '../text/lines';

const CLASS_RE = new RegExp(markers.classPattern, 'i');

export interface FooterRegion {
  start: number;
  end: number;
  el: Element | null;
}

function lastMarker(text: string, from: number): number {
  // search only the tail, forward (lastIndexOf over a 2 MB page per marker costs milliseconds
  // when the marker is absent; a copy of the tail cost an allocation per page)
  let best = -1;
  for (const m of markers.strong) {
    for (let i = text.indexOf(m, from); i >= 0; i = text.indexOf(m, i + 1)) if (i > best) best = i;
  }
  return best;
}

/** The first index whose end is past `pos` (ends non-decreasing); ends.length when none is. */
export function firstEndAfter(ends: readonly number[], pos: number): number {
  // offsets are whole numbers: past pos is at least pos + 1
  return lowerBound(ends, pos + 1);
}

function firstMarker(text: string, from: number, to: number): number {
  let best = -1;
  for (const m of markers.strong) {
    const i = text.indexOf(m, from);
    if (i >= 0 && i < to && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** True when `text` holds a strong footer marker (网站标识码, ICP备 …). */
export function hasFooterMarker(text: string): boolean {
  return markers.strong.some((m) => text.includes(m));
}

/**
 * The body of the last footer-sized same-origin frame that holds a footer marker: some sites load their footer
 * in an <iframe>. Cross-origin frames and detached (DOMParser) documents have no contentDocument.
 * `simplify`: how the page's text is read for markers (a 繁体 page's: simplifyMarks).
 */
export function footerFrameBody(frames: HTMLIFrameElement[], simplify: (text: string) => string = (t) => t): HTMLElement | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    let body: HTMLElement | null | undefined;
    try {
      body = frames[i]!.contentDocument?.body;
    } catch {
      continue; // cross-origin: not ours to read
    }
    const text = body?.textContent || '';
    // a footer-sized frame only: a whole page in a frame is not the page's footer (and walking it
    // in one go would hold the main thread)
    if (body && text.length <= limits.maxFooterChars * 2 && hasFooterMarker(simplify(text))) return body;
  }
  return null;
}

function looksLikeFooter(el: Element): boolean {
  if (el.tagName === 'FOOTER') return true;
  const id = el.id || '';
  const cls = typeof el.className === 'string' ? el.className : '';
  return CLASS_RE.test(id) || CLASS_RE.test(cls);
}

/**
 * The footer region (RULES.md §1): a `<footer>` or footer-named block holding a marker, else the
 * largest block (up to maxFooterChars) around the last strong marker near the end of the page.
 */
export function findFooter(text: string, blocks: Blocks): FooterRegion | null {
  const tailFrom = Math.max(0, text.length - limits.footerTailChars);
  const last = lastMarker(text, tailFrom);
  if (last < 0) return null;
  let named: FooterRegion | null = null;
  let largest: FooterRegion | null = null;
  // blocks are listed as they close, so their ends never decrease: a block around the marker that
  // is small enough to matter ends in (last, last + 2·maxFooterChars], one short stretch of the list
  const maxLen = limits.maxFooterChars * 2;
  for (let i = firstEndAfter(blocks.ends, last); i < blocks.els.length; i++) {
    const start = blocks.starts[i]!;
    const end = blocks.ends[i]!;
    if (end > last + maxLen) break;
    if (start > last) continue;
    const len = end - start;
    if (len > maxLen) continue;
    const el = blocks.els[i]!;
    if (looksLikeFooter(el) && (!named || len > named.end - named.start)) named = { start, end, el };
    if (len <= limits.maxFooterChars && (!largest || len > largest.end - largest.start)) largest = { start, end, el };
  }
  const region = named ?? largest;
  if (region) return region;
  // no block around it (a page of bare text): from the first marker near the end to the end
  const start = firstMarker(text, Math.max(tailFrom, last - limits.maxFooterChars), last + 1);
  return { start: Math.max(0, start), end: text.length, el: null };
}
