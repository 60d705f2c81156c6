/**
 * Runs of ASCII digits, for number patterns (身份证号, 银行卡号, 手机号, the year of a 文号) that can
 * only start at the first digit of a run or a few characters before it: the text census lists the
 * runs in its one read of the text, and each pattern is tried only there, instead of a page-long
 * regex search per pattern.
 */
import { textCensus } from './census';

/** Runs of ≥ 2 digits as flat [start, end, start, end …] in text order (read by the text census). */
export function digitRuns(text: string): number[] {
  return textCensus(text).digitRuns;
}

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
