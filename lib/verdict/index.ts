import type { Finding } from '../types';

export type Verdict = '合格' | '不合格' | '疑似不合格';

/**
 * The site verdict of this slice: a confirmed veto fails the site; open (unconfirmed) vetoes make
 * it 疑似不合格 until the inspector confirms them. Dismissed findings never count. The deduction
 * score comes with the inspection-round work.
 */
export function siteVerdict(findings: Pick<Finding, 'severity' | 'status'>[]): { verdict: Verdict; vetoCount: number } {
  const vetoes = findings.filter((f) => f.severity === 'veto' && (f.status === 'open' || f.status === 'confirmed'));
  const verdict: Verdict = vetoes.some((f) => f.status === 'confirmed') ? '不合格' : vetoes.length ? '疑似不合格' : '合格';
  return { verdict, vetoCount: vetoes.length };
}
