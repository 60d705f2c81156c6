/**
 * A costly global regex run only where a cheap one says it can start. V8 scans for a plain
 * pattern like \d{4}[ -]?\d{4} much faster than for one opening with a lookbehind, which it
 * tries at every character of the page.
 */

/**
 * The matches `text.matchAll(full as global)` would give, in order. `sticky` is the full regex with
 * the 'y' flag; `prefilter` (flag 'g') must match at the start of every match of it. Each place the
 * prefilter matches is tried in turn, from the end of the last match on: no match is skipped.
 * Matches are never empty here (callers' regexes consume characters).
 */
export function* prefilteredMatches(text: string, prefilter: RegExp, sticky: RegExp): Generator<RegExpExecArray> {
  let from = 0;
  while (from < text.length) {
    prefilter.lastIndex = from;
    const p = prefilter.exec(text);
    if (!p) return;
    sticky.lastIndex = p.index;
    const m = sticky.exec(text);
    if (m && m[0].length) {
      yield m;
      from = p.index + m[0].length;
    } else from = p.index + 1;
  }
}

/**
 * The matches a global scan of `sticky` (flag 'y') would give, for a regex whose every match holds
 * exactly one `anchor` character, preceded by exactly `lead` characters and then a run of `gap`
 * characters (like (\d{4})\s*年): each anchor fixes the one place a match can start, so the
 * regex is tried only there. A lead character must never be a gap character.
 */
export function anchoredMatches(text: string, anchor: string, lead: number, gap: (c: number) => boolean, sticky: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (let p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + 1)) {
    let start = p;
    while (start > 0 && gap(text.charCodeAt(start - 1))) start--;
    start -= lead;
    if (start < lastEnd) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    lastEnd = start + m[0].length;
  }
  return out;
}
