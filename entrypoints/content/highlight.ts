import type { RuleFinding, Severity } from '@/lib/types';
import { rangeFor, type TextIndex } from '@/lib/scan/text-index';
import { HIGHLIGHT_STYLES, ensureHighlightStyles, type HighlightName } from './highlight-style';

/** Highlight names, one per severity and one per date age (styles in highlight-style.ts). */
export const HIGHLIGHT_NAMES = Object.keys(HIGHLIGHT_STYLES) as HighlightName[];

const bySeverity: Record<Severity, HighlightName> = { veto: 'gc-veto', deduct: 'gc-deduct', hint: 'gc-hint' };

export interface PaintedMark {
  result: RuleFinding;
  /** the stored finding's id; undefined for paint-only marks (date ages) */
  id?: string;
  range: Range;
}

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

/** Paints text marks with the CSS Custom Highlight API; returns the marks that could be placed. */
export function paint(index: TextIndex, items: { result: RuleFinding; id?: string }[], doc: Document = document): PaintedMark[] {
  const reg = registry();
  const groups = new Map<HighlightName, Range[]>();
  const marks: PaintedMark[] = [];
  for (const it of items) {
    const { start, end } = it.result;
    if (start === undefined || end === undefined || end <= start) continue;
    const range = rangeFor(index, start, end, doc);
    if (!range) continue;
    const name: HighlightName = it.result.paint ? `gc-date-${it.result.paint}` : bySeverity[it.result.severity];
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(range);
    marks.push({ ...it, range });
  }
  if (reg) {
    // styles first, for the names painted now only: nothing is added to a page with no marks
    if (groups.size) ensureHighlightStyles(groups.keys(), doc);
    for (const name of HIGHLIGHT_NAMES) {
      if (name === 'gc-active') continue;
      const ranges = groups.get(name);
      if (ranges?.length) reg.set(name, new Highlight(...ranges));
      else reg.delete(name);
    }
  }
  return marks;
}

export function clearPaint() {
  const reg = registry();
  if (reg) for (const name of HIGHLIGHT_NAMES) reg.delete(name);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes one range (the side panel's "go to" and the navigator's next/previous). */
export function flash(range: Range, ms = 1600) {
  const reg = registry();
  if (!reg) return;
  ensureHighlightStyles(['gc-active'], range.startContainer.ownerDocument ?? document);
  reg.set('gc-active', new Highlight(range));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => reg.delete('gc-active'), ms);
}
