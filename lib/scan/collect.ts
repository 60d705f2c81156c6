import type { ImageInfo, ScriptInfo } from '../types';
import type { TextIndex } from './text-index';
import limits from '../data/scan-limits.json';

/** What the walk does with an element, by tag name: one Map lookup per element, not a Set test per question. */
const SKIP = 1; // a subtree whose text a person never reads on the page
const BLOCK = 2; // starts a new line: its text never joins the text around it
const SCRIPT = 3;
const IFRAME = 4; // skipped too, but listed in `frames`
const LINK = 5;
const IMAGE = 6;
const KIND = new Map<string, number>();
for (const tag of [
  'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'FRAME', 'OBJECT',
  'EMBED', 'SELECT', 'TEXTAREA', 'SVG', 'svg', 'CANVAS', 'VIDEO', 'AUDIO', 'MAP',
]) KIND.set(tag, SKIP);
for (const tag of [
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'FRAMESET',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU',
  'NAV', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'BUTTON',
]) KIND.set(tag, BLOCK);
KIND.set('SCRIPT', SCRIPT);
KIND.set('IFRAME', IFRAME);
KIND.set('A', LINK);
KIND.set('AREA', LINK);
KIND.set('IMG', IMAGE);

const NEWLINE = 10;

/** Block elements and their [start, end) in the text, index by index. */
export interface Blocks {
  els: Element[];
  starts: number[];
  ends: number[];
}

export interface RawLink {
  el: HTMLAnchorElement | HTMLAreaElement;
  /** [start, end) of the link's visible text in `text` (its label: no textContent per link) */
  start: number;
  end: number;
}

export interface RawScript {
  info: Omit<ScriptInfo, 'inFooter'>;
  start: number;
}

/**
 * One pass over the DOM: visible text flattened with '\n' at block boundaries, the text-node
 * index, and the links, scripts and images met on the way, each with its text offset so the
 * footer test is a range check later. Block ranges are kept for the footer search.
 * The walk is resumable: `step()` stops when `shouldYield()` says so, so the content script can
 * give the page its main thread back between chunks.
 * It moves by firstChild / nextSibling / parentNode from one current node (no stack of every
 * child: pushing and popping each node cost more than visiting it); only the open block elements
 * are stacked, to close them on the way up.
 */
export class Collector {
  text = '';
  readonly index: TextIndex = { nodes: [], starts: [] };
  readonly links: RawLink[] = [];
  readonly scripts: RawScript[] = [];
  readonly images: { info: Omit<ImageInfo, 'inFooter'>; start: number }[] = [];
  /** block elements with their [start, end) in `text`, in the order they close (parallel arrays: no object per block) */
  readonly blocks: Blocks = { els: [], starts: [], ends: [] };
  /** iframes met on the way (their content is not walked unless `include`d) */
  readonly frames: HTMLIFrameElement[] = [];
  truncated = false;
  private parts: string[] = [];
  private length = 0;
  /** the last character's code (a one-character string per text node would be an allocation) */
  private lastCode = NEWLINE;
  /** the subtree being walked and the next node to visit in it (null: done) */
  private root: Node;
  private node: Node | null;
  /** open block elements (ancestors of `node`) and where each started */
  private readonly open: Element[] = [];
  private readonly openStarts: number[] = [];
  /** open links (ancestors of `node`), to set their end on the way up */
  private readonly openLinks: RawLink[] = [];

  constructor(
    root: Node,
    private readonly skipElement: (el: Element) => boolean = () => false,
    private readonly maxChars = limits.maxTextChars,
  ) {
    this.root = root;
    this.node = root;
  }

  /** Runs until done (true) or until shouldYield() returns true (false). */
  step(shouldYield: () => boolean = () => false): boolean {
    const { open, openStarts, openLinks, index, skipElement, blocks } = this;
    const root = this.root;
    let node = this.node;
    // pieces joined once at the end: a flat string (a concatenated one stays a rope underneath,
    // and every character loop over the page text paid for that)
    const parts = this.parts;
    let length = this.length;
    let lastCode = this.lastCode;
    let n = 0;
    outer: while (node) {
      if ((++n & 63) === 0 && shouldYield()) break;
      const type = node.nodeType;
      let descend = false;
      if (type === 3) {
        const data = (node as Text).data;
        if (data) {
          if (length + data.length > this.maxChars) {
            this.truncated = true;
            node = null;
            break;
          }
          index.nodes.push(node as Text);
          index.starts.push(length);
          parts.push(data);
          length += data.length;
          lastCode = data.charCodeAt(data.length - 1);
        }
      } else if (type === 1) {
        const el = node as Element;
        const kind = KIND.get(el.tagName);
        if (kind === SCRIPT) this.addScript(el as HTMLScriptElement, length);
        else if (kind === IFRAME) this.frames.push(el as HTMLIFrameElement);
        // skipElement is asked about tags the walk does not know only (the overlay's custom
        // element): a call per element of every kind cost more than the test itself
        else if (kind !== SKIP && !(el as HTMLElement).hidden && (kind !== undefined || !skipElement(el))) {
          descend = true;
          if (kind === BLOCK) {
            if (lastCode !== NEWLINE) {
              parts.push('\n');
              length++;
              lastCode = NEWLINE;
            }
            open.push(el);
            openStarts.push(length);
          } else if (kind === LINK) {
            const link = { el: el as HTMLAnchorElement, start: length, end: length };
            this.links.push(link);
            openLinks.push(link);
          } else if (kind === IMAGE) {
            const img = el as HTMLImageElement;
            this.images.push({ info: { src: img.getAttribute('src') || '', alt: img.getAttribute('alt') || '' }, start: length });
          }
        }
      } else descend = type === 9 || type === 11;
      if (descend) {
        const first = node.firstChild;
        if (first) {
          node = first;
          continue;
        }
      }
      // leave this node, then every ancestor it was the last child of, closing open blocks
      for (;;) {
        if (openLinks.length && openLinks[openLinks.length - 1]!.el === node) openLinks.pop()!.end = length;
        if (open.length && open[open.length - 1] === node) {
          if (lastCode !== NEWLINE) {
            parts.push('\n');
            length++;
            lastCode = NEWLINE;
          }
          blocks.els.push(open.pop()!);
          blocks.starts.push(openStarts.pop()!);
          blocks.ends.push(length);
        }
        if (node === root) {
          node = null;
          break outer;
        }
        const next: Node | null = node!.nextSibling;
        if (next) {
          node = next;
          continue outer;
        }
        node = node!.parentNode;
        if (!node) break outer; // detached under us
      }
    }
    this.node = node;
    if (node === null) {
      // cut off at the text limit: the links still open end where the text does
      for (const l of openLinks.splice(0)) l.end = length;
      this.text = parts.join('');
      this.parts = [this.text];
    }
    this.length = length;
    this.lastCode = lastCode;
    return node === null;
  }

  /** Walks `root` (a same-origin frame's body) next, its text after what was collected so far. */
  include(root: Node): void {
    this.root = root;
    this.node = root;
    this.open.length = 0;
    this.openStarts.length = 0;
    this.openLinks.length = 0;
  }

  private addScript(s: HTMLScriptElement, start: number) {
    const attrs: Record<string, string> = {};
    for (const a of Array.from(s.attributes)) {
      const name = a.name.toLowerCase();
      if (name !== 'src' && name !== 'id') attrs[name] = a.value;
    }
    this.scripts.push({
      info: {
        src: s.getAttribute('src') || '',
        id: s.id || '',
        attrs,
        inline: s.getAttribute('src') ? '' : (s.textContent || '').slice(0, limits.inlineScriptChars),
      },
      start,
    });
  }
}
