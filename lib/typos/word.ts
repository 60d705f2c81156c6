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

/** maskKey's placeholder */
const MASK = maskKey('x', 0);
import { bigramContext, seenInContext } from './context';
import { segment, segmentLogP } from './segment';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';

const R = rules.word;
/** How far below the hint threshold an estimate may be and still be scored exactly. */
const ESTIMATE_MARGIN = 4;
const MIN_COST = Math.min(...Object.values(rules.confusionCost));
const NUMERAL = R.numerals;
const DIGIT = /[0-9０-９]/u;
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
  /** the log-probability of a word of bucket rareWordBucket */
  const rareLogP = Math.log(2) * R.rareWordBucket - lex.logTotal;
    const out: TypoFinding[] = [];
  // a block of a few Han characters alone is a table cell or a list entry, most often a name
  if (LONE_CELL.test(text)) return out;
  for (const run of hanRuns(text)) {
    const s = run.text;
    if (s.length < 2) continue;
    // a few characters between spaces are a cell of a laid-out list (郑泽光　　外交部副部长): a name
    const before = text[run.start - 1];
    const after = text[run.start + s.length];
    if (s.length <= R.loneCellMaxChars && (before === undefined || /\s/u.test(before)) && (after === undefined || /\s/u.test(after))) continue;
    const { ends } = segment(s, lex, R.unknownCharLogP);
    const singles = (piece: string) => {
      let sum = 0;
      for (const ch of piece) sum += lex.logP(ch) ?? R.unknownCharLogP;
      return sum;
    };
    const starts = [0, ...ends.slice(0, -1)];
    const found: Candidate[] = [];
    // token index of every character
    const tokenOf = new Int32Array(s.length);
    for (let t = 0; t < ends.length; t++) for (let k = starts[t]!; k < ends[t]!; k++) tokenOf[k] = t;
    const isSingle = (t: number) => t >= 0 && t < ends.length && ends[t]! - starts[t]! === 1;
    const tokenLogPs = new Float64Array(ends.length).fill(NaN);
    const tokenLogP = (t: number) => {
      let v = tokenLogPs[t]!;
      if (Number.isNaN(v)) tokenLogPs[t] = v = lex.logP(s.slice(starts[t]!, ends[t]!)) ?? R.unknownCharLogP;
      return v;
    };
    const bases = new Map<number, number>();
    /**
     * score every word one confusable substitution at `at` makes of s[i, i+len), within the window
     * [ws, we) (default: the tokens the piece touches and one more on each side)
     */
    const tryPiece = (i: number, len: number, at: number, floor: number, window?: [number, number]) => {
      // the masked key straight from the run: most pieces have no candidate and cost one lookup
      const cands = lex.wordsMasked.get(s.slice(i, at) + MASK + s.slice(at + 1, i + len));
      if (!cands) return;
      const piece = s.slice(i, i + len);
      const pos = at - i;
      const tl = tokenOf[i]!;
      const tr = tokenOf[i + len - 1]!;
      const ws = window ? window[0] : tl > 0 ? starts[tl - 1]! : starts[tl]!;
      const we = window ? window[1] : tr + 1 < ends.length ? ends[tr + 1]! : ends[tr]!;
      // what the word must beat: the piece's single characters inside a stretch, else the tokens it breaks
      let replaced = 0;
      if (window) replaced = singles(piece);
      else for (let t = tl; t <= tr; t++) replaced += tokenLogP(t);
      let base = bases.get(ws * 65536 + we);
      const bar = Math.min(floor, R.hintScore) - ESTIMATE_MARGIN + replaced;
      for (let k = 0; k < cands.words.length; k++) {
        // the exact score is rarely much above logP(w) − replaced − cost: far below the bar, skip
        // the rescoring; the words come most frequent first, so the rest are below it too
        const lw = cands.logP[k]!;
        if (lw - MIN_COST < bar) break;
        const w = cands.words[k]!;
        const cost = conf.cost(piece[pos]!, w[pos]!);
        if (lw - cost < bar) continue;
        if (base === undefined) bases.set(ws * 65536 + we, (base = segmentLogP(s.slice(ws, we), lex, R.unknownCharLogP)));
        const changed = s.slice(ws, i) + w + s.slice(i + len, we);
        const score = segmentLogP(changed, lex, R.unknownCharLogP) - base - cost;
        const context = score < R.hintScore && score >= floor && seenInContext(ctx, s, i, len, w);
        if (score >= R.hintScore || context) found.push({ start: i, end: i + len, wrong: piece, right: w, score, reason: confusionReason(cost), context });
      }
    };
    for (let t = 0; t < ends.length; t++) {
      if (!isSingle(t)) continue;
      const at = starts[t]!;
      if (isSingle(t - 1) || isSingle(t + 1)) {
        // inside a stretch of single characters: pieces within the stretch, any position changed
        let a = at;
        while (a > 0 && isSingle(tokenOf[a - 1]!)) a--;
        let b = at + 1;
        while (b < s.length && isSingle(tokenOf[b]!)) b++;
        const win: [number, number] = [a > 0 ? starts[tokenOf[a - 1]!]! : a, b < s.length ? ends[tokenOf[b]!]! : b];
        for (let len = 2; len <= 3; len++) for (let i = Math.max(a, at - len + 1); i <= at && i + len <= b; i++) tryPiece(i, len, at, R.contextScore, win);
      } else if (R.islands) {
        // one stray character between words: it with a neighbouring character or two
        for (let len = 2; len <= 3; len++) for (let i = Math.max(0, at - len + 1); i <= at && i + len <= s.length; i++) tryPiece(i, len, at, R.contextScore);
      }
    }
    // a rare word may be a slip inside a frequent one (会意 in 常务会意由 for 会议): a higher bar
    for (let t = 0; t < ends.length; t++) {
      const n = ends[t]! - starts[t]!;
      if (n < 2 || n > 3 || tokenLogP(t) > rareLogP) continue;
      for (let at = starts[t]!; at < ends[t]!; at++) tryPiece(starts[t]!, n, at, R.rareWordContextScore);
    }
    // best first; keep those not overlapping a better one
    found.sort((x, y) => y.score - x.score);
    const kept: Candidate[] = [];
    for (const c of found) {
      if (kept.some((k) => c.start < k.end && c.end > k.start)) continue;
      if (R.skipParallel && parallel(s, c.start, c.end)) continue;
      // a count after digits (18.2亿件) or a numbered abbreviation ending the run (“一淀、三带”)
      if (NUMERAL.includes(c.wrong[0]!) && ((c.start === 0 && DIGIT.test(text[run.start - 1] ?? '')) || c.end === s.length)) continue;
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

/**
 * Coinages built by repetition are no slips: a character of the piece repeated right beside it or
 * one further (赛风赛纪, 校校通, 贷前贷中贷后).
 */
function parallel(s: string, start: number, end: number): boolean {
  const piece = s.slice(start, end);
  for (const k of [start - 2, start - 1, end, end + 1]) if (k >= 0 && k < s.length && piece.includes(s[k]!)) return true;
  return false;
}
