import { offsetOf, reverseMap, type TextIndex } from '@/lib/scan/text-index';
import type { PaintedMark } from './highlight';

/**
 * Highlights are not elements, so hovering is hit-tested: the caret under the pointer gives a text
 * node and offset, which maps to a flat-text offset and then to the mark covering it.
 */
export function createHitTester(index: TextIndex, marks: PaintedMark[]) {
  // built on the first hover: a page nobody points at never pays for a map of all its text nodes
  let reverse: Map<Node, number> | null = null;
  return (x: number, y: number): PaintedMark | null => {
    const doc = document as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | null = null;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const p = doc.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) {
        node = r.startContainer;
        offset = r.startOffset;
      }
    }
    if (!node) return null;
    reverse ??= reverseMap(index);
    const pos = offsetOf(index, reverse, node, offset);
    if (pos < 0) return null;
    for (const m of marks) {
      const { start, end } = m.result;
      // the caret sits between characters: accept the position just after the last one too
      if (start === undefined || end === undefined || pos < start || pos > end) continue;
      for (const rect of Array.from(m.range.getClientRects())) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return null;
  };
}
