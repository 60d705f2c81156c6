/**
 * Background stages: checks whose data or rights live in the extension's background (the
 * 13,000-host spam-domain list, the typo detectors' 1.2 MB word list, the link checker). Every
 * caller runs every stage it can reach; each caller says how to reach the background (content
 * script and offscreen document: a message; the Firefox background page and tests: a direct
 * call). A missing method skips its stage.
 */
import type { PageModel, RuleFinding, Settings } from '../types';
import type { TypoFinding, TypoRequest } from '../typos/types';
import type { LinkResult } from '../links/types';
import { hostsToCheck, spamHostFindings, type SpamHostHit } from '../rules/links';
import { ownNames, typoBlockBatches, typoStageFindings } from '../rules/typo-open';
import { linkCheckFindings, linkCheckTargets, type PageLinkTarget } from '../rules/links-check';

/** How a caller reaches the background. A missing method means that stage is skipped. */
export interface Background {
  checkSpamHosts?(hosts: string[]): Promise<SpamHostHit[]> | SpamHostHit[];
  /** the open-vocabulary typo detectors over one batch of text blocks (background/typos.ts) */
  detectTypos?(request: TypoRequest): Promise<TypoFinding[]> | TypoFinding[];
  /** checks these URLs (cached); answers the results it has (hosts it may not reach are left out) */
  checkLinks?(targets: PageLinkTarget[]): Promise<LinkResult[]> | LinkResult[];
}

export interface Stage {
  name: string;
  /** findings to add; `results` are the rule results so far (to avoid double reports) */
  run(page: PageModel, results: RuleFinding[], background: Background, settings: Settings): Promise<RuleFinding[]>;
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

/**
 * typo.idiom, typo.word, name.body-variant, expression.leader-name, typo.ganzhi and
 * name.place-province: the page's text blocks (footer left out) go to the background in batches;
 * the page's own names and the inspector's exceptions are not checked.
 */
const typoStage: Stage = {
  name: 'typos',
  async run(page, results, background, settings) {
    if (!background.detectTypos) return [];
    const exceptions = [...(settings.exceptions ?? []), ...ownNames(page)];
    const answers: TypoFinding[] = [];
    for (const blocks of typoBlockBatches(page)) {
      // markText is set on a page in traditional characters (the page test reads the whole page)
      answers.push(...((await background.detectTypos({ blocks, exceptions, traditionalPage: page.markText !== undefined })) ?? []));
    }
    return typoStageFindings(page, answers, results);
  },
};

/** links.dead / links.suspect: every link and image of the page through the background's link checker. */
export const linkCheckStage: Stage = {
  name: 'links',
  async run(page, _results, background) {
    if (!background.checkLinks) return [];
    const targets = linkCheckTargets(page);
    if (!targets.length) return [];
    return linkCheckFindings(targets, (await background.checkLinks(targets)) ?? []);
  },
};

export const STAGES: readonly Stage[] = [spamDomainStage, typoStage, linkCheckStage];

/**
 * Runs every stage after the rules. A stage that fails (no background: a reloading extension)
 * leaves a note, never a failed scan.
 */
export async function runStages(
  page: PageModel,
  results: RuleFinding[],
  background: Background,
  settings: Settings,
  stages: readonly Stage[] = STAGES,
): Promise<{ findings: RuleFinding[]; failed: string[] }> {
  const findings: RuleFinding[] = [];
  const failed: string[] = [];
  for (const stage of stages) {
    try {
      findings.push(...(await stage.run(page, [...results, ...findings], background, settings)));
    } catch {
      failed.push(stage.name);
    }
  }
  return { findings, failed };
}
