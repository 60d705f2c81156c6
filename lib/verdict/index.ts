/**
 * The overall site verdict: 单项否决 first (a confirmed veto fails the site and nothing else is
 * scored), then the 100-point deduction score (< passScore = 不合格). Unconfirmed vetoes make the
 * site 疑似不合格 until the inspector confirms or dismisses them: a 通报 must not cite a guess.
 */
import type { Finding, Category } from '../types';
import { DEFAULT_WEIGHTS, scoreFromCounts, countScored, type ScoreWeights, type Deduction } from './score';
import phrases from '../data/veto-phrases.json';
import { ruleById } from '../rules/index';

export type Verdict = '合格' | '不合格' | '疑似不合格';

export type VerdictFinding = Pick<Finding, 'severity' | 'status'> & Partial<Pick<Finding, 'ruleId' | 'category'>>;

/**
 * A site-level veto judged across pages (e.g. lib/verdict/columns.ts: ≥ 10 stale columns).
 * A plain string is a reason not yet confirmed by the inspector.
 */
export type VetoReason = string | { reason: string; confirmed?: boolean };

export interface VerdictOptions {
  weights?: ScoreWeights;
  /** site-level veto reasons from cross-page checks (columnVerdict) */
  vetoReasons?: VetoReason[];
}

export interface SiteVerdict {
  verdict: Verdict;
  /** open + confirmed vetoes (the CLI's count) */
  vetoCount: number;
  confirmedVetoCount: number;
  /** the deduction score; still computed for a vetoed site, but `scored` is false then */
  score: number;
  scored: boolean;
  deductions: Deduction[];
  /** why the site fails or may fail, worded for 附件2 (存在的突出问题) */
  reasons: string[];
}

const CATEGORY_PHRASES = phrases.categories as Partial<Record<Category, string>>;

/** How 附件2 words one veto finding: the rule's own phrase, else its category's. */
export function vetoPhrase(f: Partial<Pick<Finding, 'ruleId' | 'category'>>): string {
  return (f.ruleId && ruleById(f.ruleId)?.vetoPhrase) || (f.category && CATEGORY_PHRASES[f.category]) || phrases.fallback;
}

export function lowScorePhrase(score: number, w: ScoreWeights = DEFAULT_WEIGHTS): string {
  return phrases.lowScore.replace('{pass}', String(w.passScore)).replace('{score}', score.toFixed(2));
}

/** Aggregated facts about a site's findings: what the dashboard reads from indexes. */
export interface VerdictCounts {
  confirmedVetoes: number;
  openVetoes: number;
  /** distinct phrases of the confirmed / open vetoes */
  confirmedPhrases: string[];
  openPhrases: string[];
  perRule: ReturnType<typeof countScored>;
}

export function verdictCounts(findings: Iterable<VerdictFinding>): VerdictCounts {
  let confirmedVetoes = 0;
  let openVetoes = 0;
  const cp = new Set<string>();
  const op = new Set<string>();
  const scored: { ruleId: string; severity: Finding['severity']; status: Finding['status'] }[] = [];
  for (const f of findings) {
    if (f.severity === 'veto') {
      if (f.status === 'confirmed') {
        confirmedVetoes++;
        cp.add(vetoPhrase(f));
      } else if (f.status === 'open') {
        openVetoes++;
        op.add(vetoPhrase(f));
      }
    } else scored.push({ ruleId: f.ruleId ?? '', severity: f.severity, status: f.status });
  }
  return { confirmedVetoes, openVetoes, confirmedPhrases: [...cp], openPhrases: [...op], perRule: countScored(scored) };
}

/** The verdict from aggregated counts (the dashboard's path; siteVerdict's too). */
export function verdictFromCounts(c: VerdictCounts, opts: VerdictOptions = {}): SiteVerdict {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const { score, deductions } = scoreFromCounts(c.perRule, w);
  const extra = (opts.vetoReasons ?? []).map((r) => (typeof r === 'string' ? { reason: r, confirmed: false } : { reason: r.reason, confirmed: !!r.confirmed }));
  const confirmedExtra = extra.filter((r) => r.confirmed).map((r) => r.reason);
  const openExtra = extra.filter((r) => !r.confirmed).map((r) => r.reason);
  const vetoCount = c.confirmedVetoes + c.openVetoes;
  const base = { vetoCount, confirmedVetoCount: c.confirmedVetoes, score, deductions };

  if (c.confirmedVetoes > 0 || confirmedExtra.length) {
    return { ...base, verdict: '不合格', scored: false, reasons: uniq([...c.confirmedPhrases, ...confirmedExtra]) };
  }
  if (score < w.passScore) {
    return { ...base, verdict: '不合格', scored: true, reasons: [lowScorePhrase(score, w)] };
  }
  if (c.openVetoes > 0 || openExtra.length) {
    return { ...base, verdict: '疑似不合格', scored: true, reasons: uniq([...c.openPhrases, ...openExtra]) };
  }
  return { ...base, verdict: '合格', scored: true, reasons: [] };
}

/**
 * The site verdict from its findings (all pages). Dismissed and fixed findings never count.
 * Callers that only have severity and status (older code) still get the veto verdict right;
 * the score needs ruleId for per-rule weights and caps.
 */
export function siteVerdict(findings: VerdictFinding[], opts: VerdictOptions = {}): SiteVerdict {
  return verdictFromCounts(verdictCounts(findings), opts);
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

export { DEFAULT_WEIGHTS, type ScoreWeights } from './score';
