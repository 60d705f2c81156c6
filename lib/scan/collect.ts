import type { ImageInfo, ScriptInfo } from '../types';
import type { TextIndex } from './text-index';
import limits from '../data/scan-limits.json';

/** Subtrees whose text a person never reads on the page. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'FRAME', 'OBJECT',
  'EMBED', 'SELECT', 'TEXTAREA', 'SVG', 'svg', 'CANVAS', 'VIDEO', 'AUDIO', 'MAP',
]);

/** Elements that start a new line: their text never joins the text around them. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'FRAMESET',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU',
  'NAV', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'BUTTON',
]);

export interface RawLink {
  el: HTMLAnchorElement | HTMLAreaElement;
  start: number;
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
 */
export class Collector {
  text = '';
  readonly index: TextIndex = { nodes: [], starts: [] };
  readonly links: RawLink[] = [];
  readonly scripts: RawScript[] = [];
  readonly images: { info: Omit<ImageInfo, 'inFooter'>; start: number }[] = [];
  /** block elements with their [start, end) in `text` */
  readonly blocks: { el: Element; start: number; end: number }[] = [];
  /** iframes met on the way (their content is not walked unless `include`d) */
  readonly frames: HTMLIFrameElement[] = [];
  truncated = false;
  private parts: string[] = [];
  private length = 0;
  /** the last character's code (a one-character string per text node would be an allocation) */
  private lastCode = 10;
  /**
   * Explicit DFS stack of nodes, with a parallel stack of block starts: -1 for a node to visit,
   * else the exit of that block element, started at that offset. Two monomorphic arrays: an
   * `'exit' in node` test on every DOM node cost more than the walk itself.
   */
  private stack: Node[];
  private exits: number[];

  constructor(
    root: Node,
    private readonly skipElement: (el: Element) => boolean = () => false,
    private readonly maxChars = limits.maxTextChars,
  ) {
    this.stack = [root];
    this.exits = [-1];
  }

  /** Runs until done (true) or until shouldYield() returns true (false). */
  step(shouldYield: () => boolean = () => false): boolean {
    const stack = this.stack;
    const exits = this.exits;
    let n = 0;
    while (stack.length) {
      if ((++n & 63) === 0 && shouldYield()) return false;
      const node = stack.pop()!;
      const exit = exits.pop()!;
      if (exit >= 0) {
        this.sep();
        this.blocks.push({ el: node as Element, start: exit, end: this.length });
        continue;
      }
      const type = node.nodeType;
      if (type === 3) {
        this.addText(node as Text);
        continue;
      }
      if (type !== 1 && type !== 9 && type !== 11) continue;
      if (type === 1) {
        const el = node as Element;
        const tag = el.tagName;
        if (tag === 'SCRIPT') {
          this.addScript(el as HTMLScriptElement);
          continue;
        }
        if (tag === 'IFRAME' && !this.skipElement(el)) this.frames.push(el as HTMLIFrameElement);
        if (SKIP.has(tag) || this.skipElement(el) || (el as HTMLElement).hidden) continue;
        if (tag === 'A' || tag === 'AREA') this.links.push({ el: el as HTMLAnchorElement, start: this.length });
        else if (tag === 'IMG') {
          const img = el as HTMLImageElement;
          this.images.push({ info: { src: img.getAttribute('src') || '', alt: img.getAttribute('alt') || '' }, start: this.length });
        }
        if (BLOCK.has(tag)) {
          this.sep();
          stack.push(el);
          exits.push(this.length);
        }
      }
      // children pushed in reverse so they pop in document order
      for (let c = node.lastChild; c; c = c.previousSibling) {
        stack.push(c);
        exits.push(-1);
      }
    }
    this.text = this.parts.join('');
    this.parts = [this.text];
    return true;
  }

  /** Walks `root` (a same-origin frame's body) next, its text after what was collected so far. */
  include(root: Node): void {
    this.stack.push(root);
  }

  private sep() {
    if (this.lastCode !== 10) this.push('\n');
  }

  private push(s: string) {
    this.parts.push(s);
    this.length += s.length;
    if (s.length) this.lastCode = s.charCodeAt(s.length - 1);
  }

  private addText(t: Text) {
    const data = t.data;
    if (!data) return;
    if (this.length + data.length > this.maxChars) {
      this.truncated = true;
      this.stack.length = 0;
      this.exits.length = 0;
      return;
    }
    this.index.nodes.push(t);
    this.index.starts.push(this.length);
    this.push(data);
  }

  private addScript(s: HTMLScriptElement) {
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
      start: this.length,
    });
  }
}
