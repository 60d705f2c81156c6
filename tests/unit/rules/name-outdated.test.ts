import { describe, expect, it } from 'vitest';
import { documentDate, nameOutdatedRules, outdatedMentions } from '../../../lib/rules/name-outdated';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel } from '../../../lib/types';
import { modelFromHtml } from '../../helpers/load-page';

const page = (text: string, pubDate: string | null, extra: Partial<PageModel> = {}): PageModel => ({
  ...modelFromHtml('<p></p>').model,
  text,
  pubDate,
  ...extra,
});
const check = (p: PageModel) => nameOutdatedRules[0]!.check(p, DEFAULT_SETTINGS);

describe('name.outdated', () => {
  const text = '县国土资源局、县环保局和县卫计委联合开展检查。';

  it('fires (deduct) on a page dated after the reform, with the new name', () => {
    const fs = check(page(text, '2023-05-06'));
    expect(fs.map((f) => [f.evidence, f.suggestion, f.severity])).toEqual([
      ['国土资源局', '自然资源局', 'deduct'],
      ['环保局', '生态环境局', 'deduct'],
      ['卫计委', '卫健委', 'deduct'],
    ]);
    expect(fs[0]!.message).toBe('机构名称已过时：“国土资源局”已于机构改革后更名为“自然资源局”');
  });

  it('is a hint without a date and silent before the local bureaus were renamed', () => {
    expect(check(page(text, null)).every((f) => f.severity === 'hint')).toBe(true);
    expect(check(page(text, null))).toHaveLength(3);
    expect(check(page(text, '2018-12-01'))).toEqual([]);
    // national bodies changed earlier than local ones
    expect(check(page('国土资源部发布通知。', '2018-12-01')).map((f) => f.evidence)).toEqual(['国土资源部']);
  });

  it('leaves historical mentions alone', () => {
    for (const t of ['原国土资源局副局长张某。', '将县环保局更名为县生态环境局。', '组建县农业农村局，不再保留县农业局。', '县卫计委整合后划入县卫健局。']) {
      expect(check(page(t, '2023-05-06')), t).toEqual([]);
    }
    expect(outdatedMentions('农业部门、农业部署')).toEqual([]);
  });

  it('treats an archived document by its own 成文日期 / 文号 year', () => {
    const archived = '成文日期：2004年10月15日\n发文字号：国办函〔2004〕71号\n国土资源部会同民政部研究。';
    expect(documentDate(page(archived, '2018-12-24'))).toBe('2004-10-15');
    expect(check(page(archived, '2018-12-24'))).toEqual([]);
    expect(documentDate(page('发文字号：国办函〔2005〕57号', '2019-01-03'))).toBe('2005-12-31');
    expect(documentDate(page('正文', null))).toBeNull();
  });
});
