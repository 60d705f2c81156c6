/**
 * Background stages: checks whose data or rights live in the extension's background (the
 * 13,000-host spam-domain list now, link checks later). Every caller runs every stage; each
 * caller says how to reach the background (content script and offscreen document: a message;
 * the Firefox background page and tests: a direct call).
 */
import type { PageModel, RuleFinding } from '../types';
import { hostsToCheck, spamHostFindings, type SpamHostHit } from '../rules/links';

/** How a caller reaches the background. A missing method means that stage is skipped. */
export interface Background {
  checkSpamHosts?(hosts: string[]): Promise<SpamHostHit[]> | SpamHostHit[];
}

export interface Stage {
  name: string;
  /** findings to add; `results` are the rule results so far (to avoid double reports) */
  run(page: PageModel, results: RuleFinding[], background: Background): Promise<RuleFinding[]>;
}

/** links.spam against the known spam-domain list: one request with the page's distinct external hosts. */
const spamDomainStage: Stage = {
  name: 'spam-domains',
  async run(page, results, background) {
    if (!background.checkSpamHosts) return [];
    const hosts = hostsToCheck(page);
    if (!hosts.length) return [];
    return spamHostFindings(page, (await background.checkSpamHosts(hosts)) ?? [], results);
  },
};

export const STAGES: readonly Stage[] = [spamDomainStage];

/**
 * Runs every stage after the rules. A stage that fails (no background: a reloading extension)
 * leaves a note, never a failed scan.
 */
export async function runStages(
  page: PageModel,
  results: RuleFinding[],
  background: Background,
  stages: readonly Stage[] = STAGES,
): Promise<{ findings: RuleFinding[]; failed: string[] }> {
  const findings: RuleFinding[] = [];
  const failed: string[] = [];
  for (const stage of stages) {
    try {
      findings.push(...(await stage.run(page, [...results, ...findings], background)));
    } catch {
      failed.push(stage.name);
    }
  }
  return { findings, failed };
}
