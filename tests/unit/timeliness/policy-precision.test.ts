/**
 * Precision on the 60 State Council policy pages of tests/fixtures/real/policy (信息公开 table with
 * 成文日期/发文字号/发布日期, then the text): none is a list, and no timeliness, 留言 or 办事指南 rule
 * fires. Many are old files posted to the policy library years later with their true 成文日期:
 * honest, so not freshness.redated.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REAL, modelFromHtml } from '../../helpers/load-page';
import { freshnessRules } from '../../../lib/rules/freshness';
import { interactionRules } from '../../../lib/rules/interaction';
import { serviceRules } from '../../../lib/rules/service';
import { runRules } from '../../../lib/rules/run';
import { analyse } from '../../../lib/timeliness/analyse';
import { SETTINGS, TODAY } from './fixtures';

const DIR = path.join(REAL, 'policy');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html'));

describe('policy corpus', () => {
  it('has the 60 pages', () => expect(FILES).toHaveLength(60));

  it.each(FILES)('%s: not a list, no finding', (file) => {
    const page = modelFromHtml(readFileSync(path.join(DIR, file), 'utf8'), `https://www.gov.cn/zhengce/${file}`, TODAY).model;
    expect(['article', 'other']).toContain(analyse(page, SETTINGS).pageType);
    const r = runRules(page, SETTINGS, [...freshnessRules, ...interactionRules, ...serviceRules]);
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
