import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromHtml, REAL } from '../../helpers/load-page';
import { spamRules } from '../../../lib/rules/spam';
import { linkRules } from '../../../lib/rules/links';
import { privacyRules } from '../../../lib/rules/privacy';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const RULES = [...spamRules, ...linkRules, ...privacyRules];
const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };
/** True findings on the real pages, by file: none. */
const EXPECTED: Record<string, string[]> = {};

describe('spam, link and privacy rules on real government pages', () => {
  const files = ['policy', 'pages'].flatMap((dir) =>
    readdirSync(join(REAL, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(dir, f)),
  );

  it('reads the whole corpus', () => {
    expect(files.length).toBe(69);
  });

  it('report nothing on the 60 policy documents and 9 real pages (probes included)', () => {
    const found: Record<string, string[]> = {};
    let links = 0;
    for (const f of files) {
      const html = readFileSync(join(REAL, f), 'utf8');
      const { model } = modelFromHtml(html, `https://www.example.gov.cn/${f}`);
      links += model.links.length;
      expect(model.spamProbe).toBeDefined();
      const hits = RULES.flatMap((r) => r.check(model, settings)).map((x) => `${x.ruleId} ${x.evidence}`);
      if (hits.length) found[f] = hits;
    }
    expect(links).toBeGreaterThan(500);
    expect(found).toEqual(EXPECTED);
  }, 120_000);
});
