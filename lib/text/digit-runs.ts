/**
 * Runs of ASCII digits, for number patterns (身份证号, 银行卡号, 手机号, the year of a 文号) that can
 * only start at the first digit of a run or a few characters before it: one regex pass lists the
 * runs, and each pattern is tried only there, instead of a page-long regex search per pattern.
 * The runs of the last long text are kept (the privacy rules and the 文号 check share them).
 */

/** at least this many digits: the shortest run any of those patterns starts with */
const MIN_RUN = 2;
const RUN = /\d{2,}/g;
/** Below this length the runs are not kept. */
const KEEP_MIN = 4096;
let last: { text: string; runs: number[] } | null = null;

/** Runs of ≥ 2 digits as flat [start, end, start, end …] in text order. */
export function digitRuns(text: string): number[] {
  if (last?.text === text) return last.runs;
  const runs: number[] = [];
  RUN.lastIndex = 0;
  // test, not exec: no match object per run; the leftmost run start has no digit before it
  while (RUN.test(text)) {
    const end = RUN.lastIndex;
    let start = end - MIN_RUN;
    while (start > 0 && isDigitCode(text.charCodeAt(start - 1))) start--;
    runs.push(start, end);
  }
  last = text.length >= KEEP_MIN ? { text, runs } : null;
  return runs;
}

/** Forgets the kept runs (see forgetLongTexts in ./normalise). */
export function forgetDigitRuns(): void {
  last = null;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/**
 * The starts of the runs of at least `minLength` digits, each moved back by every distance in
 * `back` (largest first, none above minLength: the starts then come in text order, since such
 * runs begin more than minLength apart).
 */
export function runStarts(runs: number[], minLength: number, back: readonly number[] = [0]): number[] {
  const out: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k + 1]! - runs[k]! < minLength) continue;
    for (const b of back) if (runs[k]! - b >= 0) out.push(runs[k]! - b);
  }
  return out;
}

/**
 * The matches a global search for `sticky` (flag 'y', never matching empty) from the text's start
 * gives, trying it only at `starts` (ascending, duplicates allowed): every position where a match
 * can begin must be among them. After a match the next one is looked for from its end on.
 */
export function* matchesAt(text: string, starts: Iterable<number>, sticky: RegExp): Generator<RegExpExecArray> {
  let from = 0;
  for (const p of starts) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m && m[0].length) {
      yield m;
      from = p + m[0].length;
    }
  }
}
