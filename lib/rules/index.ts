import type { Rule } from '../types';
import { footerRules } from './footer';
import { metaRules } from './meta';
import { wordingRules } from './wording';
import { dateRules } from './dates';
import { freshnessRules } from './freshness';
import { interactionRules } from './interaction';
import { serviceRules } from './service';
import { spamRules } from './spam';
import { linkRules } from './links';
import { privacyRules } from './privacy';

/** The one place rules are registered. Order is the order findings are listed in. */
export const RULES: Rule[] = [...wordingRules, ...footerRules, ...metaRules, ...dateRules, ...freshnessRules, ...interactionRules, ...serviceRules, ...spamRules, ...linkRules, ...privacyRules];

/** Rules whose results only paint the page (date ages) and are never stored or exported. */
export const PAINT_ONLY = new Set(['date.age']);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
