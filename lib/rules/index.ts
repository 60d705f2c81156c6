/**
 * The one registry of rules: every family, in the order findings are listed. Everything that needs
 * to know about a rule (runner, score weights, 附件2 wording, paint-only results, column vetoes,
 * footer anchoring, docs) asks here by id.
 */
import type { DefinedRule } from './define';
import { footerRules } from './footer';
import { metaRules } from './meta';
import { wordingRules } from './wording';
import { nameOutdatedRules } from './name-outdated';
import { formatRules } from './format';
import { dateRules } from './dates';
import { freshnessRules } from './freshness';
import { interactionRules } from './interaction';
import { serviceRules } from './service';
import { spamRules } from './spam';
import { linkRules } from './links';
import { linkCheckRules } from './links-check';
import { privacyRules } from './privacy';
import { typoOpenRules } from './typo-open';
import { indicatorRules } from './indicators';

export const RULES: DefinedRule[] = [
  ...wordingRules,
  ...typoOpenRules,
  ...nameOutdatedRules,
  ...formatRules,
  ...footerRules,
  ...metaRules,
  ...dateRules,
  ...freshnessRules,
  ...interactionRules,
  ...serviceRules,
  ...spamRules,
  ...linkRules,
  ...linkCheckRules,
  ...privacyRules,
  ...indicatorRules,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): DefinedRule | undefined {
  return BY_ID.get(id);
}

/** Results of this rule only colour the page (date ages): never stored or exported. */
export const isPaintOnly = (ruleId: string): boolean => !!BY_ID.get(ruleId)?.paintOnly;

/** A page-level finding of this rule points at the footer region. */
export const anchorsAtFooter = (ruleId: string): boolean => BY_ID.get(ruleId)?.anchor === 'footer';
