import { describe, expect, it } from 'vitest';
import { serviceRules } from '../../../lib/rules/service';
import { RULES } from '../../../lib/rules';
import { runRules } from '../../../lib/rules/run';
import { checkGuide } from '../../../lib/timeliness/guide';
import { realPage } from '../../helpers/load-page';
import type { PageModel, RuleFinding } from '../../../lib/types';
import { DEMO_PAGES, REAL_PAGES, SETTINGS, TODAY, demo, own } from '../timeliness/fixtures';

const run = (page: PageModel): RuleFinding[] => {
  const r = runRules(page, SETTINGS, serviceRules);
  expect(r.errors).toEqual([]);
  return r.findings;
};

describe('service.guide-elements', () => {
  it('lists what a guide lacks, from table headers', () => {
    const fs = run(own('guide-partial.html'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ ruleId: 'service.guide-elements', severity: 'deduct', category: 'service' });
    expect(fs[0]!.message).toBe('办事指南缺少 7 项要素：设定依据、办理时限、收费标准、办理地点、办理时间、咨询电话、表格下载');
  });

  it("the footer's 联系电话 is not the guide's 咨询电话", () => {
    expect(checkGuide(own('guide-partial.html')).missing).toContain('咨询电话');
  });

  it('a complete guide with numbered sections has nothing missing', () => {
    expect(checkGuide(own('guide-full.html'))).toMatchObject({ isGuide: true, missing: [] });
    expect(run(own('guide-full.html'))).toEqual([]);
  });

  it('a table guide under a column template is judged, not skipped as a column', () => {
    expect(run(own('guide-table-partial.html')).map((f) => f.message)).toEqual([
      '办事指南缺少 5 项要素：办理流程、办理时限、收费标准、咨询电话、表格下载',
    ]);
    expect(run(own('guide-table-full.html'))).toEqual([]);
    // a list of guides stays a column, whatever its side bar says
    expect(run(own('guide-list.html'))).toEqual([]);
  });

  it('a notice with 申请条件/申请材料 sections is not a guide', () => {
    const g = checkGuide(own('notice-with-sections.html'));
    expect(g.present.length).toBeGreaterThanOrEqual(3);
    expect(g.isGuide).toBe(false);
    expect(run(own('notice-with-sections.html'))).toEqual([]);
  });

  it('registered', () => {
    for (const r of serviceRules) expect(RULES).toContain(r);
  });

  it.each(REAL_PAGES)('%s: nothing', (file, host) => {
    expect(run(realPage(file, host, TODAY).model)).toEqual([]);
  });

  it('nothing on the demo site', () => {
    expect(DEMO_PAGES.flatMap((p) => run(demo(p)))).toEqual([]);
  });
});
