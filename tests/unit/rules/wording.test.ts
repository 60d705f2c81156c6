import { describe, expect, it } from 'vitest';
import { wordingRules } from '../../../lib/rules/wording';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel, RuleFinding } from '../../../lib/types';
import { fakePage as basePage } from '../../helpers/fake-page';

function fakePage(text: string, footerStart?: number): PageModel {
  return basePage(text, {}, footerStart);
}

const rule = (id: string) => wordingRules.find((r) => r.id === id)!;
const run = (page: PageModel): RuleFinding[] => wordingRules.flatMap((r) => r.check(page, DEFAULT_SETTINGS));

describe('wording rules', () => {
  it('declares the wording family', () => {
    expect(wordingRules.map((r) => [r.id, r.category, r.severity, r.title])).toEqual([
      ['expression.political', 'expression', 'veto', '严重表述错误'],
      ['typo.known', 'typo', 'deduct', '错别字'],
      ['typo.discouraged', 'typo', 'hint', '不规范用语'],
    ]);
  });

  it('reports a political expression with offsets on the wrong form', () => {
    const text = '标题\n全心全意为中国入民服务，认真学习贯彻党十九大精神。';
    const fs = rule('expression.political').check(fakePage(text), DEFAULT_SETTINGS);
    expect(fs).toHaveLength(2);
    expect(fs[0]).toEqual({
      ruleId: 'expression.political',
      severity: 'veto',
      category: 'expression',
      message: '疑似严重表述错误：“中国入民”应为“中国人民”',
      evidence: '中国入民',
      suggestion: '中国人民',
      start: text.indexOf('中国入民'),
      end: text.indexOf('中国入民') + 4,
    });
    for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.evidence);
    expect(fs[1]!.suggestion).toBe('党的十九大');
  });

  it('reports a typo, also inside the footer region', () => {
    const text = '向革命烈土敬献花篮。\n剧烈土壤侵蚀。\n主办：齐齐哈市人民政府';
    const fs = rule('typo.known').check(fakePage(text, text.indexOf('主办')), DEFAULT_SETTINGS);
    expect(fs.map((f) => [f.evidence, f.suggestion, text.slice(f.start, f.end)])).toEqual([
      ['烈土', '烈士', '烈土'],
      ['齐齐哈市', '齐齐哈尔市', '齐齐哈市'],
    ]);
    expect(fs[0]!.message).toBe('疑似错别字：“烈土”应为“烈士”');
    expect(fs.every((f) => f.ruleId === 'typo.known' && f.severity === 'deduct' && f.category === 'typo')).toBe(true);
  });

  it('keeps the classes apart and finds nothing in clean text', () => {
    const page = fakePage('省人民攻府关于秸杆禁烧的通知');
    expect(rule('expression.political').check(page, DEFAULT_SETTINGS).map((f) => f.evidence)).toEqual(['攻府']);
    expect(rule('typo.known').check(page, DEFAULT_SETTINGS).map((f) => f.evidence)).toEqual(['秸杆']);
    expect(run(fakePage('纳入民生实事，深入民心；全国人民代表大会常务委员会；党的十九大。'))).toEqual([]);
  });

  it('flags a quoted typo too (the inspector dismisses it once)', () => {
    expect(run(fakePage('通报指出，某网站将“烈士”错写成“烈土”。')).map((f) => f.evidence)).toEqual(['烈土']);
  });
});

describe('discouraged forms, member lists and leaders', () => {
  it('reports 新华社 forms as hints with the right form', () => {
    const fs = rule('typo.discouraged').check(fakePage('中共湖南省省委书记出席推进“一带一路”战略座谈会。'), DEFAULT_SETTINGS);
    expect(fs.map((f) => [f.evidence, f.suggestion, f.severity])).toEqual([
      ['省省委书记', '省委书记', 'hint'],
      ['“一带一路”战略', '“一带一路”倡议', 'hint'],
    ]);
  });

  it('checks the members of 四个意识 / 四个自信 / 两个维护', () => {
    const text =
      '增强“四个意识”（政治意识、大局意识、核心意识、看齐意识），坚定“四个自信”（道路自信、理论自信、制度自信、历史自信），' +
      '做到“两个维护”（坚决维护习近平总书记党中央的核心、全党的核心地位）。';
    const fs = rule('expression.political').check(fakePage(text), DEFAULT_SETTINGS);
    expect(fs.map((f) => f.evidence)).toEqual(['道路自信、理论自信、制度自信、历史自信', '坚决维护习近平总书记党中央的核心、全党的核心地位']);
    expect(fs[0]!.suggestion).toBe('道路自信、理论自信、制度自信、文化自信');
    for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.evidence);
    // members in another order, a list that is not a list, and the phrase alone are fine
    const ok = '牢固树立“四个意识”（大局意识、政治意识、看齐意识、核心意识），坚定“四个自信”，增强“四个意识”、坚定“四个自信”、做到“两个维护”。';
    expect(rule('expression.political').check(fakePage(ok), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('flags a title with another leader’s name and a name one character off', () => {
    const text = '国务院总理王沪宁主持召开常务会议。国务院总理李墙在会上强调。国务院总理李强出席。';
    const fs = rule('expression.political').check(fakePage(text), DEFAULT_SETTINGS);
    expect(fs.map((f) => [f.evidence, f.suggestion])).toEqual([
      ['国务院总理王沪宁', '国务院总理李强'],
      ['李墙', '李强'],
    ]);
  });
});

describe('the inspector’s own pairs and exceptions', () => {
  const text = '本镇将开展防汎演练。请联系烈土陵园管理处。';
  it('custom pairs fire as typo.known, compiled per settings and cached', () => {
    const settings = { ...DEFAULT_SETTINGS, customPairs: [{ wrong: '防汎', right: '防汛' }, { wrong: '', right: 'x' }, { wrong: 'a', right: 'a' }] };
    const fs = rule('typo.known').check(fakePage(text), settings);
    expect(fs.map((f) => [f.evidence, f.suggestion])).toEqual([
      ['防汎', '防汛'],
      ['烈土', '烈士'],
    ]);
    expect(rule('typo.known').check(fakePage(text), DEFAULT_SETTINGS).map((f) => f.evidence)).toEqual(['烈土']);
  });

  it('an exception phrase suppresses any match inside it', () => {
    const settings = { ...DEFAULT_SETTINGS, exceptions: ['烈土陵园管理处'] };
    expect(run(fakePage(text, undefined)).map((f) => f.evidence)).toContain('烈土');
    expect(wordingRules.flatMap((r) => r.check(fakePage(text), settings)).map((f) => f.evidence)).toEqual([]);
  });

  it('matches through zero-width characters and says so', () => {
    const t = '全心全意为中国\u200b入民服务。';
    const [f] = rule('expression.political').check(fakePage(t), DEFAULT_SETTINGS);
    expect(f!.evidence).toBe('中国\u200b入民');
    expect(t.slice(f!.start, f!.end)).toBe(f!.evidence);
    expect(f!.message).toContain('不可见字符');
  });
});
