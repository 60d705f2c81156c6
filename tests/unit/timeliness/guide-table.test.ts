/**
 * 办事指南 laid out as a table of labelled rows, under a column template with no date: a guide
 * (content), never a (blank) column; its th/td label cells are read as its elements.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/timeliness/analyse';
import { checkGuide, isGuidePage } from '../../../lib/timeliness/guide';
import { refinePageType } from '../../../lib/timeliness/page-type';
import { freshnessRules } from '../../../lib/rules/freshness';
import { serviceRules } from '../../../lib/rules/service';
import { runRules } from '../../../lib/rules/run';
import { modelFromHtml } from '../../helpers/load-page';
import { SETTINGS, own } from './fixtures';

const ids = (page: ReturnType<typeof own>) => runRules(page, SETTINGS, [...freshnessRules, ...serviceRules]).findings.map((f) => f.ruleId);

describe('a guide as a table of labelled rows', () => {
  it('a complete th/td guide under a column template is not a column and gives nothing', () => {
    const page = own('guide-table-full.html');
    expect(page.pageType).toBe('other'); // the page context holds the refined type: a guide, not a column
    expect(refinePageType(page)).toBe('other');
    expect(analyse(page, SETTINGS).pageType).toBe('other');
    expect(checkGuide(page)).toMatchObject({ isGuide: true, missing: [] });
    expect(ids(page)).toEqual([]);
  });

  it('td/td pairs with spaced, coloned and qualified labels: the missing elements are listed, no blank column', () => {
    const page = own('guide-table-partial.html');
    expect(refinePageType(page)).toBe('other');
    expect(checkGuide(page).present).toEqual(['事项名称', '设定依据', '申请条件', '申请材料', '办理地点', '办理时间']);
    const fs = runRules(page, SETTINGS, [...freshnessRules, ...serviceRules]).findings;
    expect(fs.map((f) => [f.ruleId, f.message])).toEqual([
      ['service.guide-elements', '办事指南缺少 5 项要素：办理流程、办理时限、收费标准、咨询电话、表格下载'],
    ]);
  });

  it('the same table without its guide labels is still a blank column (the change is the labels)', () => {
    const html = `<html><head><title>办事指南</title><meta name="ColumnName" content="办事指南"></head><body>
      <table><tr><th>名称</th><td>城镇污水排入排水管网许可</td></tr><tr><th>地址</th><td>市政务服务中心</td></tr></table>
      <footer class="footer"><p>主办单位：示例市人民政府办公室 网站标识码：3609990002</p></footer></body></html>`;
    const page = modelFromHtml(html).model;
    expect(refinePageType(page)).toBe('column');
    expect(ids(page)).toEqual(['freshness.blank-column']);
  });
});

describe('lists of guides stay columns', () => {
  it('a dated list of guides with a side bar of element links is a column, not a guide', () => {
    const page = own('guide-list.html');
    expect(refinePageType(page)).toBe('column');
    expect(ids(page)).toEqual([]);
  });

  it('an empty guide column is a blank column even with 办理流程/表格下载/咨询电话/收费标准 links', () => {
    const page = own('guide-list-blank.html');
    expect(isGuidePage(page)).toBe(false);
    expect(refinePageType(page)).toBe('column');
    expect(ids(page)).toEqual(['freshness.blank-column']);
  });
});
