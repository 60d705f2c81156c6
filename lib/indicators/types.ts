import type { Category } from '../types';

/** One home-page indicator problem (always a 待复核 hint): what the finding will say. */
export interface IndicatorProblem {
  ruleId: 'indicator.search' | 'indicator.annual-report' | 'indicator.https';
  category: Category;
  message: string;
  evidence: string;
  suggestion: string;
}

/** What a check saw, for the side panel's note line even when there is no problem. */
export interface IndicatorOutcome {
  problem: IndicatorProblem | null;
  /** Chinese, one line: what was checked and found */
  note: string;
}
