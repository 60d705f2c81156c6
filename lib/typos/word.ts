/**
 * typo.word: a stretch the best segmentation leaves as single characters (no word covers them),
 * where one confusable substitution makes a frequent 2–3 character word and the whole
 * neighbourhood segments much better (布署 → 部署, 检檫 → 检察). The score is that gain in
 * log-probability minus the substitution cost; a hint above hintScore, a deduct above deductScore.
 * A smaller gain (from contextScore) is enough when the public language model has seen the
 * correction right beside a neighbouring word (lib/typos/context.ts).
 */
import rules from '../data/typo-rules.json';
import { confusion, confusionReason } from './confusion';
import { hanRuns } from './han-runs';
import { lexicon, maskKey } from './lexicon';
import { bigramContext, seenInContext } from './context';
import { segment, segmentLogP } from './segment';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';

const R = rules.word;
/** How far below the hint threshold an estimate may be and still be scored exactly. */
const ESTIMATE_MARGIN = 4;
const LONE_CELL = new RegExp(`^\\s*[\\u4e00-\\u9fff]{2,${R.loneCellMaxChars}}\\s*$`, 'u');

interface Candidate {
  start: number;
  end: number;
  wrong: string;
  right: string;
  score: number;
  reason: string;
  /** accepted on the bigram context, below hintScore */
  context: boolean;
}

export function wordTypos(text: string, skip: readonly Range[]): TypoFinding[] {
  const lex = lexicon(R.minBucket);
  const conf = confusion();
  const ctx = bigramContext();
  const lowest = Math.min(R.hintScore, R.contextScore);
  const out: TypoFinding[] = [];
  // a block of a few Han characters alone is a table cell or a list entry, most often a name
  if (LONE_CELL.test(text)) return out;
  for (const run of hanRuns(text)) {
    const s = run.text;
    if (s.length < 2) continue;
    const { ends } = segment(s, lex, R.unknownCharLogP);
    const singles = (piece: string) => {
      let sum = 0;
      for (const ch of piece) sum += lex.logP(ch) ?? R.unknownCharLogP;
      return sum;
    };
    const starts = [0, ...ends.slice(0, -1)];
    const found: Candidate[] = [];
    // maximal stretches of single-character tokens
    for (let t = 0; t < ends.length; ) {
      if (ends[t]! - starts[t]! !== 1) { t++; continue; }
      let u = t;
      while (u + 1 < ends.length && ends[u + 1]! - starts[u + 1]! === 1) u++;
      if (u > t) {
        const a = starts[t]!;
        const b = ends[u]!;
        const ws = t > 0 ? starts[t - 1]! : a;
        const we = u + 1 < ends.length ? ends[u + 1]! : b;
        const base = segmentLogP(s.slice(ws, we), lex, R.unknownCharLogP);
        for (let len = 2; len <= 3; len++) {
          for (let i = a; i + len <= b; i++) {
            const piece = s.slice(i, i + len);
            for (let pos = 0; pos < len; pos++) {
              for (const w of lex.wordsMasked.get(maskKey(piece, pos)) ?? []) {
                const cost = conf.cost(piece[pos]!, w[pos]!);
                if (!Number.isFinite(cost)) continue;
                // the exact score is at least this estimate (the word replacing its single
                // characters) and rarely much above it: far below the threshold, skip the rescoring
                if (lex.logP(w)! - singles(piece) - cost < lowest - ESTIMATE_MARGIN) continue;
                const changed = s.slice(ws, i) + w + s.slice(i + len, we);
                const score = segmentLogP(changed, lex, R.unknownCharLogP) - base - cost;
                const context = score < R.hintScore && score >= R.contextScore && seenInContext(ctx, s, i, len, w);
                if (score >= R.hintScore || context) found.push({ start: i, end: i + len, wrong: piece, right: w, score, reason: confusionReason(cost), context });
              }
            }
          }
        }
      }
      t = u + 1;
    }
    // best first; keep those not overlapping a better one
    found.sort((x, y) => y.score - x.score);
    const kept: Candidate[] = [];
    for (const c of found) {
      if (kept.some((k) => c.start < k.end && c.end > k.start)) continue;
      const s0 = run.start + c.start;
      const e0 = run.start + c.end;
      if (overlaps(skip, s0, e0)) continue;
      kept.push(c);
      out.push({
        start: s0,
        end: e0,
        wrong: c.wrong,
        right: c.right,
        kind: 'typo.word',
        severity: c.score >= R.deductScore ? 'deduct' : 'hint',
        evidence: c.context
          ? `“${c.wrong}”不成词，${c.reason}替换后为常用词“${c.right}”，且与上下文构成语料中的常见搭配（得分 ${c.score.toFixed(1)}）`
          : `“${c.wrong}”不成词，${c.reason}替换后为常用词“${c.right}”（得分 ${c.score.toFixed(1)}）`,
      });
    }
  }
  return out;
}
