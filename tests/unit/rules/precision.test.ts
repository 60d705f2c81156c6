/**
 * Precision on real official text: the 60 State Council policy documents and the 9 real pages
 * produce no finding of the wording family (expression.*, typo.*, name.*, format.*), scanned as the
 * extension scans them (real PageModel, the page's own publish date). The correct side of the
 * ec-law test set is extra clean text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordingRules } from '../../../lib/rules/wording';
import { nameOutdatedRules } from '../../../lib/rules/name-outdated';
import { formatRules } from '../../../lib/rules/format';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel } from '../../../lib/types';
import { REAL, modelFromHtml } from '../../helpers/load-page';

const FIXTURES = REAL;
/** True errors found on the real pages, by file: none so far. */
const EXPECTED: Record<string, string[]> = {};

const run = (page: PageModel) => [...wordingRules, ...nameOutdatedRules, ...formatRules].flatMap((r) => r.check(page, DEFAULT_SETTINGS));

describe('wording precision on real government text', () => {
  const files = ['policy', 'pages'].flatMap((dir) =>
    readdirSync(path.join(FIXTURES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => path.join(dir, f)),
  );

  it('reads the whole corpus (60 policy documents + 9 pages)', () => {
    expect(files.filter((f) => f.startsWith('policy')).length).toBe(60);
    expect(files.filter((f) => f.startsWith('pages')).length).toBe(9);
  });

  it('reports nothing a careful reader would not call an error', () => {
    const found: Record<string, string[]> = {};
    let chars = 0;
    for (const f of files) {
      const html = readFileSync(path.join(FIXTURES, f), 'utf8');
      const { model } = modelFromHtml(html, `https://www.gov.cn/zhengce/${path.basename(f)}`);
      chars += model.text.length;
      const hits = run(model).map((x) => `${x.ruleId} ${x.evidence}`);
      if (hits.length) found[f] = hits;
    }
    expect(chars).toBeGreaterThan(300_000); // the pages really were read
    expect(found).toEqual(EXPECTED);
  }, 60_000);

  // exam questions quoting old statutes (国务院法制办) carry no page date: only the dictionary
  // and format rules apply to them
  it('finds nothing in the correct side of the ec-law test set', () => {
    const rows = readFileSync(path.join(FIXTURES, 'typos/ec-law-test.tsv'), 'utf8').split('\n');
    const text = rows.map((r) => r.split('\t')[1] ?? '').join('\n');
    expect(text.length).toBeGreaterThan(20_000);
    const page = { ...modelFromHtml('<p></p>').model, text, pubDate: '2024-01-01' };
    const hits = run(page).filter((x) => x.ruleId !== 'name.outdated');
    expect(hits.map((x) => `${x.ruleId} ${x.evidence}`)).toEqual([]);
  });
});
