/**
 * Maps offsets in the flattened page text back to DOM text nodes.
 * `starts[i]` is the offset of `nodes[i]`'s first character in the flat text.
 */
export interface TextIndex {
  nodes: Text[];
  starts: number[];
}

/** Index of the node holding `offset`, or -1 (offset falls in a block separator). */
export function nodeAt(index: TextIndex, offset: number): number {
  const { starts, nodes } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  if (hi < 0) return -1;
  const len = nodes[hi]!.data.length;
  return offset < starts[hi]! + len ? hi : -1;
}

/** A DOM Range over [start, end) of the flat text, or null when the nodes are gone. */
export function rangeFor(index: TextIndex, start: number, end: number, doc: Document): Range | null {
  const a = nodeAt(index, start);
  const b = nodeAt(index, Math.max(start, end - 1));
  if (a < 0 || b < 0) return null;
  const na = index.nodes[a]!;
  const nb = index.nodes[b]!;
  if (!na.isConnected || !nb.isConnected) return null;
  const so = start - index.starts[a]!;
  const eo = end - index.starts[b]!;
  if (so > na.data.length || eo > nb.data.length) return null; // node changed since the scan
  const range = doc.createRange();
  range.setStart(na, so);
  range.setEnd(nb, eo);
  return range;
}

/** Flat-text offset of a (text node, offset) caret, using a lazily built reverse map. */
export function offsetOf(index: TextIndex, reverse: Map<Node, number>, node: Node, offset: number): number {
  const i = reverse.get(node);
  if (i === undefined) return -1;
  return index.starts[i]! + offset;
}

export function reverseMap(index: TextIndex): Map<Node, number> {
  const m = new Map<Node, number>();
  index.nodes.forEach((n, i) => m.set(n, i));
  return m;
}
