import type { PageModel, RuleFinding, Settings, Rule } from '../types';
import { RULES } from './index';

export interface RuleError {
  ruleId: string;
  error: string;
}

/**
 * Runs every rule on one page. A rule that throws is reported as a note and skipped, so one bad
 * rule or one odd page never stops the scan.
 */
export function runRules(page: PageModel, settings: Settings, rules: Rule[] = RULES): { findings: RuleFinding[]; errors: RuleError[] } {
  const findings: RuleFinding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(page, settings));
    } catch (e) {
      errors.push({ ruleId: rule.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { findings, errors };
}

/** Same as runRules, yielding to the page between rules. */
export async function runRulesChunked(
  page: PageModel,
  settings: Settings,
  yieldToPage: () => Promise<void>,
  rules: Rule[] = RULES,
): Promise<{ findings: RuleFinding[]; errors: RuleError[] }> {
  const findings: RuleFinding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    await yieldToPage();
    const r = runRules(page, settings, [rule]);
    findings.push(...r.findings);
    errors.push(...r.errors);
  }
  return { findings, errors };
}
