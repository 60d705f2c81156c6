/**
 * Where the open-vocabulary detectors must not look: titles of other works (《…》), person-name
 * contexts (the characters before 同志, after 记者/通讯员/姓名 …), organisation names (the characters
 * before 公司/医院/学校 …) and the caller's exception phrases.
 * A false positive on a name is worse than a miss: these ranges are generous.
 */
import rules from '../data/typo-rules.json';

export type Range = [number, number];

const BEFORE = new Set(rules.skip.nameBefore);
const AFTER_TITLE = new Set(rules.skip.nameAfterTitles);
const BYLINE = new Set(rules.skip.nameAfter);
/** every cue word, longest first, in one pattern (one pass over the text) */
const NAME_CUES = new RegExp([...new Set([...BEFORE, ...AFTER_TITLE, ...BYLINE])].sort((a, b) => b.length - a.length).join('|'), 'gu');

const ORG_CUES = new RegExp(rules.skip.orgAfter.join('|'), 'gu');

export function skipRanges(text: string, exceptions: readonly string[] | undefined): Range[] {
  const out: Range[] = [];
  for (const [open, close] of rules.skip.titleQuotes) {
    for (let i = text.indexOf(open!); i >= 0; i = text.indexOf(open!, i + 1)) {
      const j = text.indexOf(close!, i + 1);
      out.push([i, j < 0 ? text.length : j + 1]);
    }
  }
  const span = rules.skip.nameSpan;
  for (const m of text.matchAll(NAME_CUES)) {
    const w = m[0];
    const i = m.index!;
    if (BEFORE.has(w)) out.push([Math.max(0, i - span), i]);
    if (AFTER_TITLE.has(w) || [...AFTER_TITLE].some((t) => w.endsWith(t))) out.push([i + w.length, i + w.length + span]);
    if (BYLINE.has(w)) {
      // a byline may list several names: "记者 张三 李四" — skip to the end of the clause
      let end = i + w.length;
      const stop = /[，。；！？\n]/u;
      while (end < text.length && end - i < w.length + 12 && !stop.test(text[end]!)) end++;
      out.push([i + w.length, end]);
    }
  }
  // company, hospital and school names: the characters before the organisation word (博视眼科医院)
  for (const m of text.matchAll(ORG_CUES)) out.push([Math.max(0, m.index! - rules.skip.orgSpan), m.index!]);
  return [...out, ...exceptionRanges(text, exceptions)];
}

/** Where the caller's exception phrases occur: every detector stays silent inside them. */
export function exceptionRanges(text: string, exceptions: readonly string[] | undefined): Range[] {
  const out: Range[] = [];
  for (const e of exceptions ?? []) {
    const ph = typeof e === 'string' ? e.trim() : '';
    if (!ph) continue;
    for (let i = text.indexOf(ph); i >= 0; i = text.indexOf(ph, i + 1)) out.push([i, i + ph.length]);
  }
  return out;
}

export const overlaps = (ranges: readonly Range[], s: number, e: number) => ranges.some(([a, b]) => s < b && e > a);
