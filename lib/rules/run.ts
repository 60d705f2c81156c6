import type { PageModel, RuleFinding, Settings } from '../types';
import { severityLabel } from '../labels';
import { stamp, type RunnableRule } from './define';
import { RULES } from './index';

export interface RuleError {
  ruleId: string;
  error: string;
}

/**
 * Runs every rule on one page and stamps id, category and severity on what each check returned.
 * A rule that throws, or emits a severity it did not declare, is reported as a note (its
 * undeclared findings left out), so one bad rule or one odd page never stops the scan.
 */
export function runRules(page: PageModel, settings: Settings, rules: readonly RunnableRule[] = RULES): { findings: RuleFinding[]; errors: RuleError[] } {
  const findings: RuleFinding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    try {
      const raw = rule.detect ? rule.detect(page, settings) : rule.check(page, settings);
      const r = stamp(rule, raw);
      findings.push(...r.findings);
      for (const s of new Set(r.undeclared)) errors.push({ ruleId: rule.id, error: `产生了未声明的严重程度“${severityLabel(s)}”，相关结果已略去` });
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
  rules: readonly RunnableRule[] = RULES,
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
