/**
 * An href resolved against the page URL, as `new URL(href, base).href` gives it. Most links of a
 * government page are plain paths (/col/col101/index.html, art_1.html): for those the answer is
 * the base's origin or directory plus the href, with no parse (a URL object per link was a tenth
 * of a long page's scan). Anything else (schemes, //host, dot segments, %, #, odd characters)
 * goes to the URL parser.
 */

/** A path and query the URL parser leaves as written: unreserved characters, / = & only. */
const PLAIN = /^[A-Za-z0-9\-_~/.]*(?:\?[A-Za-z0-9\-_~/.=&]*)?$/;
/** A . or .. segment (the parser resolves those). */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:[/?]|$)/;

let lastBase = '';
let lastParts: { origin: string; dir: string } | null = null;

function baseParts(base: string): { origin: string; dir: string } | null {
  if (base === lastBase) return lastParts;
  lastBase = base;
  lastParts = null;
  try {
    const u = new URL(base);
    // only where origin + path is the whole story (no user info in the base)
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password) {
      lastParts = { origin: u.origin, dir: u.origin + u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1) };
    }
  } catch {
    /* not a URL: every href takes the slow path (and fails there too) */
  }
  return lastParts;
}

/** `new URL(href, base).href`; throws where that throws. */
export function resolveHref(href: string, base: string): string {
  const parts = href && PLAIN.test(href) && !DOT_SEGMENT.test(href) ? baseParts(base) : null;
  if (parts) {
    if (href[0] === '/' && href[1] !== '/') return parts.origin + href;
    if (href[0] !== '/' && href[0] !== '?') return parts.dir + href;
  }
  return new URL(href, base).href;
}
