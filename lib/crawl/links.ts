/**
 * Reads a parsed page's links with their place (navigation, 更多, footer, body). Runs on a
 * detached document (DOMParser in the offscreen document or Firefox's background page, happy-dom
 * in tests); never touches a live page.
 */
import type { LinkPlace, RawLink } from './types';
import cfg from '../data/crawl.json';

const MORE = new RegExp(cfg.moreText, 'i');
const NAV_WORD = /nav|menu|daohang/i;
const HEADING = 'h1,h2,h3,h4,h5,h6,[class*="tit"],[class*="hd"],[class*="bt"]';
const FOOT_WORD = /foot|bottom|copyright|dibu/i;
/** how far up to look for a nav/footer container or a block heading */
const MAX_DEPTH = 8;

function marks(el: Element): string {
  return `${el.id || ''} ${el.getAttribute('class') || ''}`;
}

function placeOf(a: Element): LinkPlace {
  let el: Element | null = a.parentElement;
  for (let i = 0; el && i < MAX_DEPTH; i++, el = el.parentElement) {
    const tag = el.tagName;
    if (tag === 'FOOTER' || FOOT_WORD.test(marks(el))) return 'footer';
    if (tag === 'NAV' || el.getAttribute('role') === 'navigation' || NAV_WORD.test(marks(el))) return 'nav';
  }
  return 'body';
}

const clean = (s: string | null | undefined) => (s || '').replace(/\s+/g, ' ').trim();

/** The heading of the block a 更多 link closes: the nearest h1–h6 or *title* element around it. */
function headingFor(a: Element): string {
  let el: Element | null = a.parentElement;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) {
    // the nearest first: the ancestor itself when it is the heading, then headings inside it
    const own = el.matches(HEADING) ? [el] : [];
    for (const c of [...own, ...Array.from(el.querySelectorAll(HEADING))]) {
      if (a.contains(c)) continue;
      // a heading that holds the link itself (<h2>要闻 <a>更多</a></h2>): its text without the link's
      const t = clean(c.contains(a) ? (c.textContent || '').replace(a.textContent || '', '') : c.textContent);
      if (t && !MORE.test(t) && t.length <= cfg.maxNameChars) return t;
    }
  }
  return '';
}

/** Every <a href> of the document, in order, with its place. */
export function collectLinks(doc: Document, baseUrl: string): RawLink[] {
  const out: RawLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const raw = (a.getAttribute('href') || '').trim();
    if (!raw || /^(javascript|mailto|tel|data):/i.test(raw) || raw.startsWith('#')) continue;
    let href: string;
    try {
      href = new URL(raw, baseUrl).href;
    } catch {
      continue;
    }
    const text = clean(a.textContent) || clean(a.getAttribute('title')) || clean(a.querySelector('img')?.getAttribute('alt'));
    let place = placeOf(a);
    let heading: string | undefined;
    if (place !== 'footer' && (MORE.test(text) || /更多/.test(a.getAttribute('title') || ''))) {
      place = 'more';
      heading = headingFor(a) || undefined;
    }
    out.push({ href, text, place, ...(heading ? { heading } : {}) });
  }
  return out;
}
