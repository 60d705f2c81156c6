/**
 * typo.word: a character the best segmentation leaves alone (a stretch of single characters, a
 * stray one between words, or one inside a rare word), where one confusable substitution makes a
 * frequent 2–3 character word and the whole neighbourhood segments much better (布署 → 部署,
 * 检檫 → 检察). The score is that gain in log-probability minus the substitution cost; a hint
 * above hintScore, a deduct above deductScore. A smaller gain (from contextScore, or
 * rareWordContextScore inside a rare word) is enough when the public language model has seen the
 * correction right beside a neighbouring word (lib/typos/context.ts), or when the same block writes
 * the correction nearby; a little less than hintScore when the piece is two stray characters the
 * model never saw written together (unattestedScore). Pieces built by repetition
 * (赛风赛纪), numbered abbreviations and counts (一淀, 18亿件) and laid-out cells are skipped.
 */
import rules from '../data/typo-rules.json';
import { bigramContext, seenAsPair, seenInContext, type BigramContext } from './context';
import { confusion, confusionReason, type Confusion } from './confusion';
import { lexicon, type Lexicon } from './lexicon';
import { analyseRuns, type BlockRuns, type HanRun } from './runs';
import { segmentLogP } from './segment';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';

const R = rules.word;
/** How far below the bar an estimate may be and still be scored exactly. */
const ESTIMATE_MARGIN = 4;
const MIN_COST = Math.min(...Object.values(rules.confusionCost));
const NUMERAL = R.numerals;
const DIGIT = /[0-9０-９]/u;
const SPACE = /\s/u;

interface Candidate {
  start: number;
  end: number;
  wrong: string;
  right: string;
  score: number;
  reason: string;
  /** why a score below hintScore was accepted: the bigram context, the correction written nearby, or a pair never written */
  via?: 'context' | 'nearby' | 'unattested';
  /** the block writes the correction nearby */
  nearby: boolean;
}

/**
 * One run's segmentation (token offsets relative to the run) and the candidates found in it;
 * one scorer per block, loaded with each run in turn (its buffers grow as needed).
 */
class RunScorer {
  s = '';
  /** the block the run is in, and where the run starts in it */
  private text = '';
  private runStart = 0;
  /** number of tokens */
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  private tokenLogPs = new Float64Array(64);
  /** token index of every character */
  tokenOf = new Int32Array(64);
  private readonly bases = new Map<number, number>();
  found: Candidate[] = [];

  constructor(
    private readonly lex: Lexicon,
    private readonly conf: Confusion,
    private readonly ctx: BigramContext,
  ) {}

  private static shared: RunScorer | null = null;
  /** one scorer for every block (its typed arrays cost more to make than a block's scoring) */
  static get(): RunScorer {
    return (RunScorer.shared ??= new RunScorer(lexicon(R.minBucket), confusion(), bigramContext()));
  }

  load(run: HanRun, block: BlockRuns, text: string) {
    this.text = text;
    this.runStart = run.start;
    const s = (this.s = run.text);
    const n = (this.count = run.last - run.first);
    if (this.tokenOf.length < s.length) {
      this.starts = new Int32Array(2 * s.length);
      this.ends = new Int32Array(2 * s.length);
      this.tokenLogPs = new Float64Array(2 * s.length);
      this.tokenOf = new Int32Array(2 * s.length);
    }
    for (let t = 0; t < n; t++) {
      this.starts[t] = t > 0 ? this.ends[t - 1]! : 0;
      this.ends[t] = block.ends[run.first + t]! - run.start;
      this.tokenLogPs[t] = block.tokenLogP[run.first + t]!;
      for (let k = this.starts[t]!; k < this.ends[t]!; k++) this.tokenOf[k] = t;
    }
    if (this.bases.size) this.bases.clear(); // (clearing allocates a new table, even when empty)
    if (this.found.length) this.found = [];
  }

  /** Does s[i, i+len) start and end where tokens do (it breaks no word of its neighbours)? */
  private wholeTokens(i: number, len: number): boolean {
    return this.starts[this.tokenOf[i]!] === i && this.ends[this.tokenOf[i + len - 1]!] === i + len;
  }

  /**
   * Does the block write `w` elsewhere, starting within nearbyMaxChars of the piece at s[i]? An
   * author who writes 法律 a few words away and 法津 here slipped; a word merely frequent somewhere
   * in a long page is no such evidence.
   */
  private writtenNearby(i: number, w: string): boolean {
    const at = this.runStart + i;
    // only the window is searched: an indexOf over the rest of a 40,000-character block, for every
    // candidate, made a big page's scan quadratic (the piece itself is the wrong form, never w)
    return this.text.slice(Math.max(0, at - R.nearbyMaxChars), at + R.nearbyMaxChars + w.length).includes(w);
  }

  /**
   * Is s[i, i+len) two stray characters no word list has and the language model never saw
   * together (官理, 尊守), with no content character left alone beside them? Real text writes an
   * unlisted term (交寄) often enough for the model to keep it as a pair; a content character
   * stranded beside the piece (科 of 科体供) suggests a longer unlisted term it belongs to.
   */
  private unattested(i: number, len: number): boolean {
    if (len !== 2 || !this.isSingle(this.tokenOf[i]!) || !this.isSingle(this.tokenOf[i + 1]!) || seenAsPair(this.s, i)) return false;
    const t = this.tokenOf[i]!;
    return !this.stranded(t - 1, t - 2) && !this.stranded(t + 2, t + 3);
  }

  /** Is token t a lone content character (a single between words, and no frequent function word)? */
  private stranded(t: number, beyond: number): boolean {
    return this.isSingle(t) && !this.isSingle(beyond) && this.lex.charBucket[this.s.charCodeAt(this.starts[t]!)]! < R.contextFunctionBucket;
  }

  isSingle(t: number): boolean {
    return t >= 0 && t < this.count && this.ends[t]! - this.starts[t]! === 1;
  }

  tokenLogP(t: number): number {
    return this.tokenLogPs[t]!;
  }

  private singles(i: number, end: number): number {
    const { charLogP } = this.lex;
    let sum = 0;
    for (let k = i; k < end; k++) {
      const lp = charLogP[this.s.charCodeAt(k)]!;
      sum += Number.isNaN(lp) ? R.unknownCharLogP : lp;
    }
    return sum;
  }

  /**
   * Scores every word one confusable substitution at `at` makes of s[i, i+len), within the window
   * [ws, we): by default the tokens the piece touches and one more on each side.
   */
  tryPiece(i: number, len: number, at: number, floor: number, ws = -1, we = -1): void {
    const { s, lex } = this;
    // most pieces have no candidate and cost one lookup by a number key
    const list = lex.maskedWords(s, i, len, at);
    if (list < 0) return;
    const tl = this.tokenOf[i]!;
    const tr = this.tokenOf[i + len - 1]!;
    // what the word must beat: the piece's single characters inside a stretch, else the tokens it breaks
    let replaced = 0;
    if (ws >= 0) replaced = this.singles(i, i + len);
    else {
      ws = tl > 0 ? this.starts[tl - 1]! : this.starts[tl]!;
      we = tr + 1 < this.count ? this.ends[tr + 1]! : this.ends[tr]!;
      for (let t = tl; t <= tr; t++) replaced += this.tokenLogP(t);
    }
    const bar = Math.min(floor, R.hintScore) - ESTIMATE_MARGIN + replaced;
    let base: number | undefined; // the window's own score, looked up once a candidate needs it
    const { start, words, logP, code } = lex.masked;
    const wrong = s.charCodeAt(at);
    for (let k = start[list]!, end = start[list + 1]!; k < end; k++) {
      // the exact score is rarely much above logP(w) − replaced − cost: far below the bar, skip
      // the rescoring; the words come most frequent first, so the rest are below it too
      const lw = logP[k]!;
      if (lw - MIN_COST < bar) break;
      const cost = this.conf.costCode(wrong, code[k]!);
      if (lw - cost < bar) continue;
      if (base === undefined) base = this.bases.get(ws * 65536 + we);
      if (base === undefined) this.bases.set(ws * 65536 + we, (base = segmentLogP(s, ws, we, -1, 0, lex, R.unknownCharLogP)));
      // the window with the substitution made, read in place
      const score = segmentLogP(s, ws, we, at, code[k]!, lex, R.unknownCharLogP) - base - cost;
      const w = words[k]!;
      let via: Candidate['via'];
      if (score < R.hintScore) {
        if (score >= floor && lex.charBucket[s.charCodeAt(at)]! < R.contextFunctionBucket && seenInContext(this.ctx, s, i, len, w)) via = 'context';
        else if (score >= R.nearbyScore && this.wholeTokens(i, len) && this.writtenNearby(i, w)) via = 'nearby';
        else if (score >= R.unattestedScore && this.unattested(i, len)) via = 'unattested';
        else continue;
      }
      this.found.push({ start: i, end: i + len, wrong: s.slice(i, i + len), right: w, score, reason: confusionReason(cost), via, nearby: via === 'nearby' || this.writtenNearby(i, w) });
    }
  }
}

export function wordTypos(text: string, skip: readonly Range[], block: BlockRuns = analyseRuns(text)): TypoFinding[] {
  const lex = lexicon(R.minBucket);
  /** the log-probability of a word of bucket rareWordBucket */
  const rareLogP = Math.LN2 * R.rareWordBucket - lex.logTotal;
  const out: TypoFinding[] = [];
  const r = RunScorer.get();
  for (const run of block.runs) {
    const s = run.text;
    if (s.length < 2) continue;
    // a few characters between spaces are a cell of a laid-out list (郑泽光　　外交部副部长): a name
    const before = text[run.start - 1];
    const after = text[run.start + s.length];
    if (s.length <= R.loneCellMaxChars && (before === undefined || SPACE.test(before)) && (after === undefined || SPACE.test(after))) continue;
    // most runs are all frequent words: no single character and no rare word, nothing to score
    if (!needsScoring(run, block, rareLogP)) continue;
    r.load(run, block, text);
    const { starts, ends, tokenOf, count } = r;
    // the current stretch of single characters [a, b) and the words around it [ws, we): found
    // once per stretch, at its first character
    let a = 0;
    let b = -1;
    let ws = 0;
    let we = 0;
    for (let t = 0; t < count; t++) {
      if (!r.isSingle(t)) continue;
      const at = starts[t]!;
      if (r.isSingle(t - 1) || r.isSingle(t + 1)) {
        // inside a stretch of single characters: pieces within the stretch, any position changed
        if (at >= b) {
          a = at;
          while (a > 0 && r.isSingle(tokenOf[a - 1]!)) a--;
          b = at + 1;
          while (b < s.length && r.isSingle(tokenOf[b]!)) b++;
          ws = a > 0 ? starts[tokenOf[a - 1]!]! : a;
          we = b < s.length ? ends[tokenOf[b]!]! : b;
        }
        for (let len = 2; len <= 3; len++) for (let i = Math.max(a, at - len + 1); i <= at && i + len <= b; i++) r.tryPiece(i, len, at, R.contextScore, ws, we);
      } else if (R.islands) {
        // one stray character between words: it with a neighbouring character or two
        for (let len = 2; len <= 3; len++) for (let i = Math.max(0, at - len + 1); i <= at && i + len <= s.length; i++) r.tryPiece(i, len, at, R.contextScore);
      }
    }
    // a rare word may be a slip inside a frequent one (会意 in 常务会意由 for 会议): a higher bar
    for (let t = 0; t < count; t++) {
      const n = ends[t]! - starts[t]!;
      if (n < 2 || n > 3 || r.tokenLogP(t) > rareLogP) continue;
      for (let at = starts[t]!; at < ends[t]!; at++) r.tryPiece(starts[t]!, n, at, R.rareWordContextScore);
    }
    // a correction the block writes nearby beats the other corrections of the same piece (登纪 after
    // 登记: 登记, not the likelier 登基)
    const written = new Set(r.found.filter((c) => c.nearby).map((c) => c.start * 65536 + c.end));
    const found = written.size ? r.found.filter((c) => c.nearby || !written.has(c.start * 65536 + c.end)) : r.found;
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
        evidence: `“${c.wrong}”不成词，${c.reason}替换后为常用词“${c.right}”${viaText(c)}（得分 ${c.score.toFixed(1)}）`,
      });
    }
  }
  return out;
}

/** What besides the score made a candidate a finding, for its evidence. */
function viaText(c: Candidate): string {
  if (c.via === 'context') return '，且与上下文构成语料中的常见搭配';
  if (c.via === 'unattested') return `，且语料中未见“${c.wrong}”二字连用`;
  return c.nearby ? `，且同段邻近处写作“${c.right}”` : '';
}

/** Has the run's segmentation a token of one character, or a rare word of two or three? */
function needsScoring(run: HanRun, block: BlockRuns, rareLogP: number): boolean {
  for (let t = run.first, from = run.start; t < run.last; from = block.ends[t++]!) {
    const n = block.ends[t]! - from;
    if (n === 1 || (n <= 3 && block.tokenLogP[t]! <= rareLogP)) return true;
  }
  return false;
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
