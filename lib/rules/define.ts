/**
 * One definition per rule (in the manner of axe-core and LanguageTool): what a rule is, how the
 * national indicators (国办秘函〔2019〕19号) count it, how it is weighed and worded, and small pages
 * on which it must fire or stay silent. Everything else (runner, score, 附件2 wording, docs, the
 * registry test) reads these fields; nothing keeps a second list of rule ids.
 */
import type { Category, PageModel, RuleFinding, Settings, Severity } from '../types';

/** What a check returns: the finding without the parts the runner stamps from the definition. */
export type Detection = Omit<RuleFinding, 'ruleId' | 'category' | 'severity'> & {
  /** one of the declared severities; omitted = the first (default) one */
  severity?: Severity;
};

/** How 国办秘函〔2019〕19号 counts what the rule finds. */
export type Indicator =
  /** a 单项否决 item (e.g. 首页不更新) and, where the item lists cases, the case */
  | { kind: 'veto'; item: string; point?: string }
  /** a 扣分 item (e.g. 信息更新情况) and the point inside it */
  | { kind: 'deduct'; item: string; point?: string }
  /** no indicator counts it directly: why the rule exists */
  | { kind: 'outside'; note: string };

export interface RuleWeight {
  points: number;
  cap: number;
}

/**
 * A small page: a body fragment (wrapped into a full page by lib/rules/examples.ts) or a whole
 * document; `url` defaults to an article URL on a gov.cn host (a home-page example gives its own).
 */
export type RuleExample = string | { html: string; url?: string };

export interface RuleSpec {
  /** family.name, e.g. footer.icp */
  id: string;
  /** the file / family it belongs to (lib/rules/<family>.ts) */
  family: string;
  category: Category;
  /** Chinese, short: shown in the overlay, exports and docs */
  title: string;
  /** what it may emit; the first is the default */
  severities: readonly [Severity, ...Severity[]];
  indicator: Indicator;
  /** score weight; omitted = the default weight of the finding's severity. Vetoes are never scored. */
  weight?: RuleWeight;
  /** how 附件2 words the site's problem (veto rules); omitted = the category's phrase */
  vetoPhrase?: string;
  /** results only colour the page (date ages): never stored or exported */
  paintOnly?: boolean;
  /** its findings feed the site verdict's column vetoes (栏目不更新 / 首页不更新) */
  columnRule?: boolean;
  /** where a page-level finding (no text offsets, no element) points: the footer region */
  anchor?: 'footer';
  /**
   * a background stage adds findings of this rule after the rules ran: 'spam-hosts' = the
   * illegal-domain list (lib/rules/links.ts spamHostFindings); 'typos' = the open-vocabulary typo
   * detectors (lib/rules/typo-open.ts typoStageFindings); 'links' = the link checker
   * (lib/rules/links-check.ts linkCheckFindings); 'home-indicators' = the 首页 checks the
   * background runs over a fetched home page (lib/indicators); its examples run through it too
   */
  stage?: 'spam-hosts' | 'typos' | 'links' | 'home-indicators';
  /** pages on which it must fire (≥ 1 finding) and stay silent (0 findings) with only it enabled */
  examples: { fires: RuleExample[]; silent: RuleExample[] };
}

export interface RuleDefinition extends RuleSpec {
  check(page: PageModel, settings: Settings): Detection[];
}

/**
 * A registered rule. `detect` is the definition's check (unstamped: the runner stamps it and
 * reports undeclared severities); `check` returns stamped findings for direct callers, leaving
 * out any finding whose severity was not declared.
 */
export interface DefinedRule extends RuleSpec {
  /** the default (first declared) severity */
  severity: Severity;
  detect(page: PageModel, settings: Settings): Detection[];
  check(page: PageModel, settings: Settings): RuleFinding[];
}

/** The runner's view of any rule: a defined one, or a bare one that stamps its own findings. */
export interface RunnableRule {
  id: string;
  category: Category;
  severity: Severity;
  severities?: readonly Severity[];
  detect?(page: PageModel, settings: Settings): Detection[];
  /** a bare rule's findings carry their own id and category: the stamp overwrites them alike */
  check(page: PageModel, settings: Settings): Detection[];
}

/**
 * Stamps id, category and severity on what a check returned. A finding with a severity the rule
 * did not declare is left out and named in `undeclared`, so a wrong grade never reaches a report.
 */
export function stamp(rule: RunnableRule, detections: readonly Detection[]): { findings: RuleFinding[]; undeclared: Severity[] } {
  const declared = rule.severities ?? [rule.severity];
  const findings: RuleFinding[] = [];
  const undeclared: Severity[] = [];
  for (const d of detections) {
    const severity = d.severity ?? rule.severity;
    if (!declared.includes(severity)) {
      undeclared.push(severity);
      continue;
    }
    findings.push({ ...d, ruleId: rule.id, category: rule.category, severity });
  }
  return { findings, undeclared };
}

export function defineRule(def: RuleDefinition): DefinedRule {
  const { check, ...spec } = def;
  const rule: DefinedRule = {
    ...spec,
    severity: def.severities[0],
    detect: check,
    check: (page, settings) => stamp(rule, check(page, settings)).findings,
  };
  return rule;
}
