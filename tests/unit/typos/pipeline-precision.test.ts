/**
 * The typos stage on the precision corpus — 60 State Council policy documents and 9 real
 * government pages — scanned the way the extension scans them: the real page model, every rule,
 * then the stages with the background's own handler called directly. These texts are written
 * correctly: no deduct or veto finding of the open-vocabulary rules, at most 5 hints (待复核) in
 * all. (Test data only: nothing is tuned on it.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/pipeline/scan-page';
import { typoOpenRules } from '../../../lib/rules/typo-open';
import { answerTypos } from '../../../lib/typos/answer';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { REAL, parseHtml } from '../../helpers/load-page';

const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };
const IDS = new Set(typoOpenRules.map((r) => r.id));

describe('typos stage: precision through the real pipeline', () => {
  const files = ['policy', 'pages'].flatMap((dir) =>
    readdirSync(path.join(REAL, dir))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `${dir}/${f}`),
  );

  it('gives no deduct or veto and at most 5 hints over the 60 documents and 9 pages', async () => {
    expect(files.filter((f) => f.startsWith('policy/'))).toHaveLength(60);
    expect(files.filter((f) => f.startsWith('pages/'))).toHaveLength(9);
    const found: string[] = [];
    let sent = 0;
    for (const file of files) {
      const url = `https://www.gov.cn/zhengce/${path.basename(file)}`;
      const doc = parseHtml(readFileSync(path.join(REAL, file), 'utf8'), url);
      const scan = await scanPage(doc, {
        url,
        settings,
        background: { detectTypos: (req) => ((sent += req.blocks.reduce((n, b) => n + b.text.length, 0)), answerTypos(req)) },
      });
      expect(scan.report.notes.filter((n) => n.includes('错别字检查')), file).toEqual([]);
      for (const f of scan.results) if (IDS.has(f.ruleId)) found.push(`${file}: ${f.ruleId} ${f.severity} ${f.message}`);
    }
    expect(sent).toBeGreaterThan(200_000); // the corpus really went to the detectors (lines with Han characters, footers left out)
    expect(found.filter((f) => !/ hint /.test(f))).toEqual([]);
    expect(found.length, found.join('\n')).toBeLessThanOrEqual(5);
  }, 120_000);
});
