/**
 * Recall on our own dirty fixtures (tests/fixtures/wording/): every listed sentence yields a
 * finding of its rule with exactly the wrong text as evidence, and a whole dirty page yields its
 * findings through the real PageModel (zero-width characters included).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordingRules } from '../../../lib/rules/wording';
import { nameOutdatedRules } from '../../../lib/rules/name-outdated';
import { formatRules } from '../../../lib/rules/format';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel } from '../../../lib/types';
import { modelFromHtml } from '../../helpers/load-page';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/wording');
const cases = readFileSync(path.join(DIR, 'recall.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string]);

const blank = modelFromHtml('<p></p>').model;
/** The rules that read the wording of the text: dictionaries, renamed bodies, 文号 and dates. */
const TEXT_RULES = [...wordingRules, ...nameOutdatedRules, ...formatRules];
const run = (page: PageModel) => TEXT_RULES.flatMap((r) => r.check(page, DEFAULT_SETTINGS));

describe('wording recall', () => {
  it('every rule of the family has positive cases, the seeds included', () => {
    const rules = new Set(cases.map(([r]) => r));
    expect([...rules].sort()).toEqual(TEXT_RULES.map((r) => r.id).sort());
    const evidence = cases.map(([, e]) => e);
    for (const seed of ['中国入民', '烈土', '人民代表大人', '人民代表大常', '党十九大']) expect(evidence).toContain(seed);
  });

  it('finds every case', () => {
    const missed: string[] = [];
    for (const [rule, evidence, sentence] of cases) {
      const fs = run({ ...blank, text: sentence, pubDate: '2023-06-01' });
      if (!fs.some((f) => f.ruleId === rule && f.evidence === evidence && sentence.slice(f.start, f.end) === evidence)) {
        missed.push(`${rule} ${evidence}: ${fs.map((f) => `${f.ruleId}/${f.evidence}`).join(', ')}`);
      }
    }
    expect(missed).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it('finds the errors of a dirty page through the real page model, and nothing else', () => {
    const { model } = modelFromHtml(readFileSync(path.join(DIR, 'recall-page.html'), 'utf8'));
    expect(model.pubDate).toBe('2023-06-01');
    const got = run(model).map((f) => `${f.ruleId} ${f.evidence.replace('\u200b', '<ZWSP>')}`);
    expect(got.sort()).toEqual(
      [
        'expression.political 攻府',
        'expression.political 党二十大',
        'expression.political 中国<ZWSP>入民',
        'typo.known 秸杆',
        'typo.known 烈土',
        'name.outdated 国土资源局',
        'name.outdated 农业局',
        'format.doc-number [2023]7号',
        'format.date-invalid 2023年2月30日',
      ].sort(),
    );
  });
});
