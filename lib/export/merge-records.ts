/** Incoming records against the stored ones: a new one is added, a changed one merged; each counted in `tally`. */
export function mergeRecords<T>(
  incoming: Iterable<T>,
  storedOf: (r: T, i: number) => T | undefined,
  merge: (prev: T, inc: T) => T,
  same: (a: T, b: T) => boolean,
  tally: { added: number; updated: number },
): T[] {
  const out: T[] = [];
  let i = 0;
  for (const r of incoming) {
    const prev = storedOf(r, i++);
    if (!prev) {
      tally.added++;
      out.push(r);
      continue;
    }
    const m = merge(prev, r);
    if (!same(m, prev)) {
      tally.updated++;
      out.push(m);
    }
  }
  return out;
}
