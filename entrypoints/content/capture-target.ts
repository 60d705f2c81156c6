import type { QuoteSelector, RuleFinding, Severity } from '@/lib/types';
import type { BuiltPage } from '@/lib/scan/page-model';
import { quoteFor } from '@/lib/pipeline/report';
import { anchorsAtFooter } from '@/lib/rules/index';
import opts from '@/lib/data/capture.json';

/** What the inspector pointed at: a text selection or a picked element, with its place in the scan. */
export interface CaptureTarget {
  range?: Range;
  element?: Element;
  /** flat-text offsets into the last scan's PageModel.text, when the spot holds scanned text */
  start?: number;
  end?: number;
  evidence: string;
  quote?: QuoteSelector;
  /** stable key of the spot, for the manual finding's id */
  key: string;
}

const cut = (s: string, n = opts.maxEvidenceChars) => (s.length > n ? s.slice(0, n) + '…' : s);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** [start, end) of the scanned text nodes a range or element covers, or null when none. */
function offsets(built: BuiltPage, covers: (t: Text) => boolean, startNode?: Node, startOffset = 0, endNode?: Node, endOffset = 0) {
  const { nodes, starts } = built.index;
  let first = -1;
  let last = -1;
  for (let i = 0; i < nodes.length; i++) {
    if (!covers(nodes[i]!)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const start = starts[first]! + (nodes[first] === startNode ? startOffset : 0);
  const end = starts[last]! + (nodes[last] === endNode ? endOffset : nodes[last]!.data.length);
  return end > start ? { start, end } : null;
}

interface Placed {
  start?: number;
  end?: number;
  exact?: string;
  quote?: QuoteSelector;
}

function withText(built: BuiltPage, pos: { start: number; end: number } | null): Placed {
  if (!pos) return {};
  const exact = built.model.text.slice(pos.start, pos.end);
  return { ...pos, exact, quote: pos.end - pos.start <= opts.maxQuoteChars ? quoteFor(built.model.text, pos.start, pos.end) : undefined };
}

/** The page's current text selection as a target, or null (collapsed, or inside GovCheck's overlay). */
export function targetFromSelection(doc: Document, built: BuiltPage | null, isOwn: (n: Node) => boolean): CaptureTarget | null {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0).cloneRange();
  if (isOwn(range.commonAncestorContainer) || !squash(range.toString())) return null;
  const t: Placed = built ? withText(built, offsets(built, (n) => range.intersectsNode(n), range.startContainer, range.startOffset, range.endContainer, range.endOffset)) : {};
  const evidence = cut(squash(t.exact ?? range.toString()));
  return { range, start: t.start, end: t.end, quote: t.quote, evidence, key: t.quote ? `${t.quote.prefix}|${t.quote.exact}|${t.quote.suffix}` : `sel|${evidence}` };
}

/** A short, plain-text description of an element for the evidence column. */
function describe(el: Element, text: string): string {
  const tag = el.localName;
  if (tag === 'img') return cut(`图片：${el.getAttribute('alt') || el.getAttribute('src') || ''}`);
  if (text) return cut(text);
  if (tag === 'a') return cut(`链接：${el.getAttribute('href') ?? ''}`);
  return `<${tag}> 元素`;
}

/** A CSS-ish path of an element, for a stable key when it has no text. */
function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && parts.length < 12; e = e.parentElement) {
    const i = e.parentElement ? Array.prototype.indexOf.call(e.parentElement.children, e) : 0;
    parts.unshift(`${e.localName}:${i}`);
  }
  return parts.join('>');
}

export function targetFromElement(el: Element, built: BuiltPage | null): CaptureTarget {
  const t: Placed = built ? withText(built, offsets(built, (n) => el.contains(n))) : {};
  const evidence = describe(el, squash(t.exact ?? (el as HTMLElement).innerText ?? el.textContent ?? ''));
  return { element: el, start: t.start, end: t.end, quote: t.quote, evidence, key: t.quote ? `${t.quote.prefix}|${t.quote.exact}|${t.quote.suffix}` : `el|${pathOf(el)}` };
}

/** The target's box in viewport coordinates (the union of a range's boxes). */
export function rectOf(t: CaptureTarget): DOMRect | null {
  const r = t.range ? t.range.getBoundingClientRect() : t.element?.getBoundingClientRect();
  return r && (r.width > 0 || r.height > 0) ? r : null;
}

const SEV: Record<Severity, number> = { veto: 0, deduct: 1, hint: 2 };

/**
 * The automatic finding at the captured spot, if any: a text finding overlapping the selected
 * text, or an element finding on (or inside, or around) the picked element. Most severe wins.
 */
export function autoAt<E extends { result: RuleFinding }>(entries: E[], t: CaptureTarget, built: BuiltPage | null): E | undefined {
  const hits = entries.filter(({ result: r }) => {
    if (r.start !== undefined && r.end !== undefined && t.start !== undefined && t.end !== undefined) return r.start < t.end && t.start < r.end;
    const el = r.element !== undefined ? built?.elements[r.element] : r.start === undefined && anchorsAtFooter(r.ruleId) ? built?.footerEl : undefined;
    // element findings, and page-level footer findings (missing marks) at the footer region
    if (el && t.element) return el === t.element || t.element.contains(el) || el.contains(t.element);
    return false;
  });
  return hits.sort((a, b) => SEV[a.result.severity] - SEV[b.result.severity])[0];
}

/** The spot of an automatic finding, to capture it from the overlay's list. */
export function targetFromFinding(r: RuleFinding, built: BuiltPage, range: Range | null): CaptureTarget {
  if (range) {
    const t = withText(built, r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end } : null);
    return { range, start: t.start, end: t.end, quote: t.quote, evidence: cut(squash(t.exact ?? range.toString())), key: `auto|${r.ruleId}|${r.start}` };
  }
  const el = r.element !== undefined ? built.elements[r.element] : anchorsAtFooter(r.ruleId) ? built.footerEl : null;
  if (el) return targetFromElement(el, built);
  // a page-level finding: the visible page is the spot
  return { element: document.body, evidence: r.evidence, key: `auto|${r.ruleId}|page` };
}
