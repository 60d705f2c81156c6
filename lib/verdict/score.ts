/**
 * The 100-point deduction score (扣分指标). Each counted finding costs its rule's points; one rule
 * costs at most its cap, so a footer mark missing on 300 pages is one problem, not 300.
 * Pure: the dashboard, the annex export and the CLI use the same numbers.
 */
import type { Finding, Severity } from '../types';
import defaults from '../data/score-weights.json';
import { RULES } from '../rules/index';
import type { RuleWeight } from '../rules/define';

export type { RuleWeight };

export interface ScoreWeights {
  fullScore: number;
  passScore: number;
  default: Record<'deduct' | 'hint', RuleWeight>;
  rules: Record<string, RuleWeight>;
}

/** Full score, pass line and per-severity defaults from score-weights.json; per-rule weights from the rule definitions. */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  fullScore: defaults.fullScore,
  passScore: defaults.passScore,
  default: defaults.default,
  rules: Object.fromEntries(RULES.flatMap((r) => (r.weight ? [[r.id, { ...r.weight }]] : []))),
};

export type ScoredFinding = Pick<Finding, 'ruleId' | 'severity' | 'status'>;

/**
 * Whether a finding costs points: dismissed and fixed ones never do; 待复核 (hint) only once the
 * inspector confirmed it (docs/RULES.md); vetoes are not scored (they decide the verdict instead).
 */
export function counts(f: ScoredFinding): boolean {
  if (f.status === 'dismissed' || f.status === 'fixed') return false;
  if (f.severity === 'veto') return false;
  if (f.severity === 'hint') return f.status === 'confirmed';
  return true;
}

export function weightOf(w: ScoreWeights, ruleId: string, severity: Severity): RuleWeight {
  return w.rules[ruleId] ?? w.default[severity === 'hint' ? 'hint' : 'deduct'];
}

export interface Deduction {
  ruleId: string;
  count: number;
  points: number;
}

export interface ScoreResult {
  /** rounded to 2 decimals, never below 0 */
  score: number;
  deductions: Deduction[];
}

/** Counted findings per rule → score. `perRule` lets callers pass pre-aggregated counts. */
export function scoreFromCounts(perRule: Map<string, { count: number; severity: Severity }>, w: ScoreWeights = DEFAULT_WEIGHTS): ScoreResult {
  const deductions: Deduction[] = [];
  let lost = 0;
  for (const [ruleId, { count, severity }] of perRule) {
    if (count <= 0) continue;
    const rw = weightOf(w, ruleId, severity);
    const points = Math.min(Math.max(0, rw.cap), Math.max(0, rw.points) * count);
    if (points > 0) deductions.push({ ruleId, count, points: round2(points) });
    lost += points;
  }
  deductions.sort((a, b) => b.points - a.points || (a.ruleId < b.ruleId ? -1 : 1));
  return { score: round2(Math.max(0, w.fullScore - lost)), deductions };
}

export function countScored(findings: Iterable<ScoredFinding>): Map<string, { count: number; severity: Severity }> {
  const perRule = new Map<string, { count: number; severity: Severity }>();
  for (const f of findings) {
    if (!counts(f)) continue;
    const e = perRule.get(f.ruleId);
    if (!e) perRule.set(f.ruleId, { count: 1, severity: f.severity });
    else {
      e.count++;
      // a rule seen with both severities (an inspector re-graded a capture) weighs as 'deduct',
      // whatever the order: the dashboard's stored aggregates (lib/store/stats.ts) do the same
      if (f.severity === 'deduct') e.severity = 'deduct';
    }
  }
  return perRule;
}

export function siteScore(findings: Iterable<ScoredFinding>, w: ScoreWeights = DEFAULT_WEIGHTS): ScoreResult {
  return scoreFromCounts(countScored(findings), w);
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Checks weights edited by the user (or read from storage); returns a Chinese error or null. */
export function validateWeights(w: unknown): string | null {
  const o = w as Partial<ScoreWeights> | null;
  const okWeight = (x: unknown) => {
    const r = x as RuleWeight | null;
    return !!r && Number.isFinite(r.points) && r.points >= 0 && Number.isFinite(r.cap) && r.cap >= 0;
  };
  if (!o || typeof o !== 'object') return '分值设置格式不正确。';
  if (!Number.isFinite(o.fullScore) || o.fullScore! <= 0) return '满分必须是大于 0 的数字。';
  if (!Number.isFinite(o.passScore) || o.passScore! < 0 || o.passScore! > o.fullScore!) return '合格分数线必须在 0 与满分之间。';
  if (!o.default || !okWeight(o.default.deduct) || !okWeight(o.default.hint)) return '默认扣分值必须是不小于 0 的数字。';
  if (!o.rules || typeof o.rules !== 'object') return '规则扣分表格式不正确。';
  for (const [id, r] of Object.entries(o.rules)) if (!okWeight(r)) return `规则 ${id} 的扣分值必须是不小于 0 的数字。`;
  return null;
}
