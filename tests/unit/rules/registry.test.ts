/**
 * The rule registry, in the manner of LanguageTool's rule tests: every rule's own examples run
 * through the real page-model builder with only that rule enabled, and every data key that names
 * a rule names a real one.
 */
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '../../../lib/rules/index';
import { runRules } from '../../../lib/rules/run';
import { defineRule, type DefinedRule, type RuleExample } from '../../../lib/rules/define';
import { EXAMPLE_TODAY, examplePage } from '../../../lib/rules/examples';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_WEIGHTS } from '../../../lib/verdict/score';
import { vetoPhrase } from '../../../lib/verdict/index';
import { COLUMN_RULES } from '../../../lib/verdict/site-columns';
import { modelFromHtml } from '../../helpers/load-page';
import { hostsToCheck, spamHostFindings } from '../../../lib/rules/links';
import { checkSpamHosts } from '../../../entrypoints/background/spam';
import { answerTypos } from '../../../lib/typos/answer';
import { runStages } from '../../../lib/pipeline/stages';
import { runHomeIndicators } from '../../../lib/indicators/index';
import { stamp } from '../../../lib/rules/define';
import { linkCheckStage } from '../../../lib/pipeline/stages';
import { LinkChecker } from '../../../lib/links/index';
import type { Settings } from '../../../lib/types';
import footerData from '../../../lib/data/footer-rules.json';
import weightsData from '../../../lib/data/score-weights.json';
import vetoData from '../../../lib/data/veto-phrases.json';
import labels from '../../../lib/data/labels.json';
import { readFileSync } from 'node:fs';
import { RULES_DOC, renderRulesDoc } from '../../../scripts/docs-rules';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: EXAMPLE_TODAY };
const IDS = new Set(RULES.map((r) => r.id));

/**
 * The background of the 'links' stage, pointed at a double of the network (no request leaves the
 * test): 404 under /missing/, 403 under /forbidden/, a page everywhere else.
 */
const fakeFetch = (async (input: string | URL | Request) => {
  const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname;
  const status = path.startsWith('/missing/') ? 404 : path.startsWith('/forbidden/') ? 403 : 200;
  return new Response('<html><head><title>页面</title></head><body>正文内容</body></html>', { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}) as typeof fetch;
const linkBackground = {
  checkLinks: async (targets: { url: string }[]) => [...(await new LinkChecker({ fetchImpl: fakeFetch, delayMs: 0, redirectMode: 'manual' }).run(targets)).results.values()],
};

async function runExample(rule: DefinedRule, ex: RuleExample) {
  const { html, url } = examplePage(ex);
  const { model } = modelFromHtml(html, url, EXAMPLE_TODAY);
  const r = runRules(model, SETTINGS, [rule]);
  // the background stage the scanner runs after the rules, with the real domain list
  if (rule.stage === 'spam-hosts') r.findings.push(...spamHostFindings(model, checkSpamHosts(hostsToCheck(model)), r.findings));
  // the typos stage with the real background handler; the stage serves seven rules: keep this one's
  if (rule.stage === 'typos') {
    const staged = await runStages(model, r.findings, { detectTypos: answerTypos }, SETTINGS);
    expect(staged.failed).toEqual([]);
    r.findings.push(...staged.findings.filter((f) => f.ruleId === rule.id));
  }
  // the 首页 checks the background runs over a fetched home page: a fake network that serves the
  // example at its address (and to the search form), and refuses https:// for an http:// page
  if (rule.stage === 'home-indicators') {
    const fetchImpl = (async (input: string | URL | Request) => {
      const asked = new URL(input instanceof Request ? input.url : String(input));
      if (asked.protocol === 'https:' && url.startsWith('http:')) throw new TypeError('connect ECONNREFUSED');
      return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }) as typeof fetch;
    const run = await runHomeIndicators(url, { fetchImpl, today: EXAMPLE_TODAY, timeoutMs: 2000 });
    const own = run.problems.filter((p) => p.ruleId === rule.id).map(({ ruleId: _id, category: _c, ...d }) => d);
    r.findings.push(...stamp(rule, own).findings);
  }
  // the link checker's stage, through the checker itself; only this rule's findings count
  if (rule.stage === 'links') r.findings.push(...(await linkCheckStage.run(model, r.findings, linkBackground, SETTINGS)).filter((f) => f.ruleId === rule.id));
  return r;
}

describe('rule registry', () => {
  it('has unique ids, each found by ruleById', () => {
    expect(IDS.size).toBe(RULES.length);
    for (const r of RULES) expect(ruleById(r.id)).toBe(r);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: title, family, category, severities, 19号 indicator, examples', (_id, r) => {
    expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    expect(r.family).toMatch(/^[a-z-]+$/);
    expect(Object.keys(labels.category)).toContain(r.category);
    expect(r.severities.length).toBeGreaterThan(0);
    expect(new Set(r.severities).size).toBe(r.severities.length);
    expect(r.severity).toBe(r.severities[0]);
    const ind = r.indicator;
    expect(ind.kind === 'outside' ? ind.note : ind.item).toMatch(/[\u4e00-\u9fff]/);
    expect(r.examples.fires.length).toBeGreaterThan(0);
    expect(r.examples.silent.length).toBeGreaterThan(0);
    // a veto rule names how 附件2 words it; others are never worded as vetoes
    if (r.severities.includes('veto')) expect(r.vetoPhrase).toMatch(/[\u4e00-\u9fff]/);
    else expect(r.vetoPhrase).toBeUndefined();
    // vetoes are never scored; paint-only results are never stored
    if (r.weight) expect(r.severities.some((s) => s !== 'veto') && !r.paintOnly).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: fires on each fires example, with declared severities only', async (_id, r) => {
    for (const [i, ex] of r.examples.fires.entries()) {
      const { findings, errors } = await runExample(r, ex);
      expect(errors, `fires[${i}]`).toEqual([]);
      expect(findings.filter((f) => f.ruleId === r.id).length, `fires[${i}]`).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.ruleId).toBe(r.id);
        expect(f.category).toBe(r.category);
        expect(r.severities).toContain(f.severity);
      }
    }
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: stays silent on each silent example', async (_id, r) => {
    for (const [i, ex] of r.examples.silent.entries()) {
      const { findings, errors } = await runExample(r, ex);
      expect(errors, `silent[${i}]`).toEqual([]);
      expect(findings.map((f) => f.message), `silent[${i}]`).toEqual([]);
    }
  });

  it('every declared severity is emitted by some example (the declaration is not wider than the rule)', async () => {
    const unseen: string[] = [];
    for (const r of RULES) {
      const seen = new Set<string>();
      for (const ex of r.examples.fires) for (const f of (await runExample(r, ex)).findings) seen.add(f.severity);
      for (const s of r.severities) if (!seen.has(s)) unseen.push(`${r.id} ${s}`);
    }
    expect(unseen).toEqual([]);
  });
});

describe('the runner', () => {
  const base = { id: 'test.sev', family: 'test', title: '测试', category: 'typo' as const, indicator: { kind: 'outside' as const, note: '测试' }, examples: { fires: [], silent: [] } };
  const page = modelFromHtml('<p>正文</p>').model;

  it('stamps id, category and the default severity on what a check returns', () => {
    const rule = defineRule({ ...base, severities: ['deduct', 'hint'], check: () => [{ message: 'm', evidence: 'e' }, { severity: 'hint', message: 'm2', evidence: 'e2' }] });
    expect(runRules(page, SETTINGS, [rule])).toEqual({
      findings: [
        { ruleId: 'test.sev', category: 'typo', severity: 'deduct', message: 'm', evidence: 'e' },
        { ruleId: 'test.sev', category: 'typo', severity: 'hint', message: 'm2', evidence: 'e2' },
      ],
      errors: [],
    });
  });

  it('turns an undeclared severity into an error note and leaves that finding out, without stopping', () => {
    const rule = defineRule({ ...base, severities: ['hint'], check: () => [{ severity: 'veto', message: 'm', evidence: 'e' }, { message: 'ok', evidence: 'e' }] });
    const { findings, errors } = runRules(page, SETTINGS, [rule, ruleById('date.age')!]);
    expect(findings.map((f) => f.message)).toEqual(['ok']);
    expect(errors).toEqual([{ ruleId: 'test.sev', error: '产生了未声明的严重程度“单项否决”，相关结果已略去' }]);
    expect(rule.check(page, SETTINGS).map((f) => f.message)).toEqual(['ok']);
  });
});

describe('data keyed by rule id', () => {
  it('footer-rules.json messages name real footer rules, and every footer rule has its messages', () => {
    const keys = Object.keys(footerData.messages);
    expect(keys.filter((k) => !IDS.has(k))).toEqual([]);
    expect(RULES.filter((r) => r.family === 'footer').map((r) => r.id).sort()).toEqual(keys.sort());
  });

  it('no per-rule maps are left in score-weights.json and veto-phrases.json; their category keys are categories', () => {
    expect(Object.keys(weightsData).sort()).toEqual(['$comment', 'default', 'fullScore', 'passScore']);
    expect(Object.keys(vetoData).sort()).toEqual(['$comment', 'categories', 'fallback', 'lowScore']);
    expect(Object.keys(vetoData.categories).filter((c) => !(c in labels.category))).toEqual([]);
  });

  it('default weights, veto phrases and column rules come from the definitions', () => {
    expect(Object.keys(DEFAULT_WEIGHTS.rules).filter((id) => !IDS.has(id))).toEqual([]);
    expect(DEFAULT_WEIGHTS.rules['footer.icp']).toEqual(ruleById('footer.icp')!.weight);
    expect(vetoPhrase({ ruleId: 'links.hidden', category: 'links' })).toBe('存在暗链');
    expect(vetoPhrase({ ruleId: 'no.such-rule', category: 'links' })).toBe(vetoData.categories.links);
    expect(COLUMN_RULES.sort()).toEqual(['freshness.blank-column', 'freshness.column-stale', 'freshness.home-stale']);
  });
});

describe('docs/RULES.md', () => {
  it('is what the rule definitions generate', () => {
    const fresh = renderRulesDoc();
    for (const r of RULES) expect(fresh).toContain(`\`${r.id}\``);
    expect(readFileSync(RULES_DOC, 'utf8') === fresh, 'docs/RULES.md is stale: run `npm run docs:rules` and commit it').toBe(true);
  });
});
