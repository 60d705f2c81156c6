/**
 * 暗链 probe: which external links a person cannot see, judged from computed style and layout.
 * Runs once per scan on the live page (content script), only for links to hosts outside the
 * page's site that are not official (gov.cn/edu.cn), at most `maxLinks` of them; ancestors are
 * walked with a per-element cache so a block of 100 hidden links costs one style read per element.
 * The decision logic takes a LayoutSource, so unit tests can feed it fake styles and boxes.
 */
import type { LinkInfo } from '../types';
import { externalHostOf } from './external-host';

/** The computed-style properties the decision reads (a CSSStyleDeclaration has them all). */
export interface StyleLike {
  display: string;
  visibility: string;
  opacity: string;
  position: string;
  left: string;
  top: string;
  fontSize: string;
  textIndent: string;
  clip: string;
  clipPath: string;
  overflow: string;
  width: string;
  height: string;
  transform: string;
  color: string;
  backgroundColor: string;
  backgroundImage: string;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface LayoutSource {
  style(el: Element): StyleLike;
  /** null when there is no layout engine (happy-dom, detached documents): style checks only */
  rect(el: Element): RectLike | null;
  scrollX: number;
  scrollY: number;
  /** viewport width, for links pushed far to the right */
  viewWidth: number;
}

/** Hiding techniques, as codes; the rule turns them into Chinese. */
export type Technique =
  | 'display:none'
  | 'visibility:hidden'
  | 'opacity:0'
  | 'off-screen'
  | 'zero-size'
  | 'font-size:0'
  | 'text-indent'
  | 'clip'
  | 'same-colour';

export const MAX_LINKS = 300;
const FAR = 1000;

const px = (v: string): number => {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : NaN;
};

/** rgb()/rgba() → [r,g,b,a], or null for other forms */
function rgba(v: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(v);
  if (!m) return v === 'transparent' ? [0, 0, 0, 0] : null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [parseFloat(m[1]!), parseFloat(m[2]!), parseFloat(m[3]!), a];
}

function zeroClip(s: StyleLike): boolean {
  const clip = s.clip || '';
  if (/rect\(\s*0(px)?[,\s]+0(px)?[,\s]+0(px)?[,\s]+0(px)?\s*\)/.test(clip)) return true;
  const cp = s.clipPath || '';
  return /circle\(\s*0(px|%)?\s*[)a]|inset\(\s*(50%|100%)|polygon\(\s*0(px)?\s+0(px)?\s*\)/.test(cp);
}

function translatedFar(transform: string): boolean {
  if (!transform || transform === 'none') return false;
  // matrix(a, b, c, d, tx, ty) as computed; translate(…) as specified (happy-dom)
  const m = /matrix\(([^)]*)\)/.exec(transform);
  if (m) {
    const v = m[1]!.split(',').map((x) => parseFloat(x));
    return Math.abs(v[4] ?? 0) >= FAR || Math.abs(v[5] ?? 0) >= FAR;
  }
  const t = /translate[XY]?\(\s*(-?[\d.]+)px(?:\s*,\s*(-?[\d.]+)px)?/.exec(transform);
  return !!t && (Math.abs(parseFloat(t[1]!)) >= FAR || Math.abs(parseFloat(t[2] ?? '0')) >= FAR);
}

/** Techniques that hide an element and everything inside it (properties that are not inherited). */
function boxTechnique(s: StyleLike, rect: () => RectLike | null): Technique | null {
  if (s.display === 'none') return 'display:none';
  const op = parseFloat(s.opacity);
  if (Number.isFinite(op) && op <= 0.01) return 'opacity:0';
  if (zeroClip(s)) return 'clip';
  if (s.position === 'absolute' || s.position === 'fixed') {
    if (px(s.left) <= -FAR || px(s.top) <= -FAR) return 'off-screen';
  }
  if (translatedFar(s.transform)) return 'off-screen';
  if (s.overflow === 'hidden' || s.overflow === 'clip') {
    // layout read only here: most elements never get this far
    const r = rect();
    if (r ? r.width < 1 || r.height < 1 : px(s.width) === 0 || px(s.height) === 0) return 'zero-size';
  }
  return null;
}

export interface Verdict {
  technique: Technique;
  /** the element whose style hides the link (the link itself or an ancestor) */
  by: Element;
}

/** Judges links one by one; the cache makes shared ancestors cost one style read each. */
export class VisibilityJudge {
  private cache = new Map<Element, Verdict | null>();
  private styles = new Map<Element, StyleLike>();
  constructor(private readonly src: LayoutSource) {}

  private style(el: Element): StyleLike {
    let s = this.styles.get(el);
    if (!s) this.styles.set(el, (s = this.src.style(el)));
    return s;
  }

  /** The first hiding ancestor-or-self by a non-inherited property, cached per element. */
  private boxChain(el: Element | null): Verdict | null {
    const path: Element[] = [];
    let found: Verdict | null = null;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = this.cache.get(e);
      if (c !== undefined) {
        found = c;
        break;
      }
      path.push(e);
      const t = boxTechnique(this.style(e), () => this.src.rect(e));
      if (t) {
        found = { technique: t, by: e };
        break;
      }
      if (e.tagName === 'BODY') break;
    }
    for (const e of path) this.cache.set(e, found);
    return found;
  }

  judge(link: Element): Verdict | null {
    const own = this.style(link);
    // inherited properties: the link's own computed value already reflects its ancestors
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return { technique: 'visibility:hidden', by: link };
    const box = this.boxChain(link);
    if (box) return box;
    const fs = px(own.fontSize);
    if (Number.isFinite(fs) && fs < 1) return { technique: 'font-size:0', by: link };
    const indent = px(own.textIndent);
    if (indent <= -50) return { technique: 'text-indent', by: link };
    const r = this.src.rect(link);
    if (r && (r.width > 0 || r.height > 0)) {
      const x = r.left + this.src.scrollX;
      const y = r.top + this.src.scrollY;
      if ((r.right + this.src.scrollX <= 0 && x <= -FAR) || (r.bottom + this.src.scrollY <= 0 && y <= -FAR) || x >= this.src.viewWidth + FAR) {
        return { technique: 'off-screen', by: link };
      }
    }
    if (this.sameColour(link, own)) return { technique: 'same-colour', by: link };
    return null;
  }

  /** Text colour equal to the background behind it (no background image on the way). */
  private sameColour(link: Element, own: StyleLike): boolean {
    if (!(link.textContent || '').trim() || link.querySelector('img')) return false;
    const fg = rgba(own.color);
    if (!fg) return false;
    if (fg[3] <= 0.01) return true;
    let bg: [number, number, number, number] | null = null;
    for (let e: Element | null = link; e && e.nodeType === 1; e = e.parentElement) {
      const s = this.style(e);
      if (s.backgroundImage && s.backgroundImage !== 'none') return false;
      const c = rgba(s.backgroundColor);
      if (c && c[3] > 0.5) {
        bg = c;
        break;
      }
      if (!c && s.backgroundColor) return false;
    }
    bg ??= [255, 255, 255, 1];
    return Math.abs(fg[0] - bg[0]) + Math.abs(fg[1] - bg[1]) + Math.abs(fg[2] - bg[2]) <= 12;
  }
}

/** The live page as a LayoutSource; `rect` is null when the engine does no layout. */
export function liveSource(doc: Document): LayoutSource | null {
  const win = doc.defaultView;
  if (!win || typeof win.getComputedStyle !== 'function') return null;
  const root = doc.documentElement;
  const hasLayout = !!root && (root.getBoundingClientRect().width > 0 || (doc.body?.getBoundingClientRect().width ?? 0) > 0);
  return {
    style: (el) => win.getComputedStyle(el) as unknown as StyleLike,
    rect: hasLayout ? (el) => el.getBoundingClientRect() : () => null,
    scrollX: win.scrollX || 0,
    scrollY: win.scrollY || 0,
    viewWidth: root?.clientWidth || win.innerWidth || 1280,
  };
}

/**
 * Marks `links[i].hidden` with the technique for the external, non-official links a person
 * cannot see. Returns how many links were judged. Never throws: a page whose styles cannot be
 * read is simply not judged.
 */
export function probeLinkVisibility(
  doc: Document,
  links: LinkInfo[],
  elements: Element[],
  pageHost: string,
  src?: LayoutSource | null,
  maxLinks = MAX_LINKS,
): number {
  try {
    src ??= liveSource(doc);
  } catch {
    return 0;
  }
  if (!src) return 0;
  const judge = new VisibilityJudge(src);
  let n = 0;
  for (const link of links) {
    if (n >= maxLinks) break;
    if (!externalHostOf(link.href, pageHost)) continue;
    const el = elements[link.element];
    if (!el) continue;
    n++;
    try {
      const v = judge.judge(el);
      if (v) link.hidden = v.technique;
    } catch {
      /* a style we cannot read is no finding */
    }
  }
  return n;
}
