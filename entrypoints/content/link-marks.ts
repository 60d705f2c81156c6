/**
 * The small status marks after checked links (✗ dead, ? doubtful, ✓ fine when asked for), drawn
 * in the overlay's shadow root at each link's box: nothing is inserted into the page's DOM.
 * Positions are viewport coordinates (the layer is fixed), recomputed once per frame on scroll
 * or resize, and only for the marked elements.
 */
import type { LinkResult, LinkVerdict } from '@/lib/links/types';
import { linkKey } from '@/lib/links/url';
import { absoluteHttp } from '@/lib/links/extract';
import cfg from '@/lib/data/link-check.json';

export interface LinkMark {
  key: string;
  url: string;
  verdict: LinkVerdict;
  symbol: string;
  /** hover text: status, final URL, time */
  title: string;
  left: number;
  top: number;
}

const SYMBOLS = cfg.page.symbols as Record<LinkVerdict, string>;
const LABELS = cfg.page.verdictLabels as Record<LinkVerdict, string>;

/** The page's link and image elements whose URL has a result worth a mark. */
export function markedElements(doc: Document, results: ReadonlyMap<string, LinkResult>, isOwn: (el: Element) => boolean): { el: Element; result: LinkResult }[] {
  const out: { el: Element; result: LinkResult }[] = [];
  for (const el of Array.from(doc.querySelectorAll('a[href], area[href], img[src]'))) {
    if (out.length >= cfg.page.maxMarks) break;
    if (isOwn(el)) continue;
    const url = absoluteHttp(el.getAttribute(el.localName === 'img' ? 'src' : 'href') || '', doc.baseURI);
    if (!url) continue;
    const r = results.get(linkKey(url));
    if (!r || (r.verdict === 'ok' && !cfg.page.showOk)) continue;
    out.push({ el, result: r });
  }
  return out;
}

/** What hovering a mark says. */
export function markTitle(r: LinkResult): string {
  const lines = [`${LABELS[r.verdict]}：${r.message}`];
  if (r.status !== undefined) lines.push(`HTTP 状态：${r.status}`);
  if (r.finalUrl && r.finalUrl !== r.url) lines.push(`最终地址：${r.finalUrl}`);
  lines.push(`检查时间：${new Date(r.checkedAt).toLocaleString('zh-CN', { hour12: false })}`);
  return lines.join('\n');
}

/** Marks at the right edge of each element's box; hidden elements (no box) get none. */
export function placeMarks(items: readonly { el: Element; result: LinkResult }[]): LinkMark[] {
  const out: LinkMark[] = [];
  for (const { el, result } of items) {
    const b = el.getBoundingClientRect();
    if (!b.width && !b.height) continue;
    out.push({
      key: `${out.length}`,
      url: result.url,
      verdict: result.verdict,
      symbol: SYMBOLS[result.verdict],
      title: markTitle(result),
      left: Math.round(b.right + 2),
      top: Math.round(b.top + b.height / 2 - 8),
    });
  }
  return out;
}

/** Calls `update` at most once per frame while the page scrolls or resizes; answers the detach. */
export function followLayout(update: () => void): () => void {
  let frame = 0;
  const on = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  addEventListener('scroll', on, { passive: true, capture: true });
  addEventListener('resize', on, { passive: true });
  return () => {
    removeEventListener('scroll', on, { capture: true });
    removeEventListener('resize', on);
    if (frame) cancelAnimationFrame(frame);
  };
}
