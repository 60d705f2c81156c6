/**
 * Each detector's fires/silent sentences from lib/data/typo-rules.json, plus the corrections and
 * the skip contexts (titles of works, person names, exceptions, zero-width characters, offsets).
 */
import { describe, expect, it } from 'vitest';
import rules from '../../../lib/data/typo-rules.json';
import geoNames from '../../../lib/data/typo-geo-names.json';
import { detectTypos, type TypoKind } from '../../../lib/typos';

const kinds = (text: string) => detectTypos([{ text, start: 0 }]).map((f) => f.kind);

const families: [keyof typeof rules, TypoKind][] = [
  ['idiom', 'typo.idiom'],
  ['word', 'typo.word'],
  ['rareVariant', 'typo.word'],
  ['bodies', 'name.body-variant'],
  ['leaders', 'expression.leader-name'],
  ['ganzhi', 'typo.ganzhi'],
  ['places', 'name.place-province'],
];

describe.each(families)('%s examples', (key, kind) => {
  const r = rules[key] as unknown as { fires: string[]; silent: string[] };
  it.each(r.fires)(`${kind} fires on %s`, (s) => expect(kinds(s)).toContain(kind));
  it.each(r.silent)('silent on %s', (s) => expect(kinds(s)).toEqual([]));
});

describe('geographic names (lib/data/typo-geo-names.json) examples', () => {
  it.each(geoNames.fires)('name.place-variant fires on %s', (s) => expect(kinds(s)).toContain('name.place-variant'));
  it.each(geoNames.silent)('silent on %s', (s) => expect(kinds(s)).toEqual([]));
  it('names the right place, as a hint', () => {
    expect(detectTypos([{ text: '游船沿着黄埔江行驶。', start: 0 }])).toMatchObject([{ wrong: '黄埔江', right: '黄浦江', kind: 'name.place-variant', severity: 'hint', start: 4, end: 7 }]);
  });
});

describe('corrections and severities', () => {
  const one = (text: string) => {
    const f = detectTypos([{ text, start: 100 }]);
    expect(f).toHaveLength(1);
    return f[0]!;
  };

  it('idiom: window, correction, deduct', () => {
    const f = one('希望大家再接再励。');
    expect(f).toMatchObject({ start: 104, end: 108, wrong: '再接再励', right: '再接再厉', severity: 'deduct' });
  });

  it('long idiom: the 5–8 character window, its correction, from either end of the idiom', () => {
    // changed character after the first two (found by the idiom's head) …
    expect(one('安全生产要防患于未燃。')).toMatchObject({ start: 105, end: 110, wrong: '防患于未燃', right: '防患于未然', kind: 'typo.idiom', severity: 'deduct' });
    // … and before the last two (found by its tail)
    expect(one('要防换于未然。')).toMatchObject({ start: 101, end: 106, wrong: '防换于未然', right: '防患于未然' });
    // a character that is no sound- or look-alike of the idiom's is no slip
    expect(kinds('要防火于未然。')).toEqual([]);
  });

  it('word: deduct when the evidence is overwhelming', () => {
    expect(one('市人民检檫院依法提起公诉。')).toMatchObject({ wrong: '检檫', right: '检察', severity: 'deduct' });
    expect(one('请于本周五前提交申清材料。')).toMatchObject({ wrong: '申清', right: '申请', severity: 'hint' });
  });

  it('word: a smaller gain counts when the language model pairs the correction with a neighbour', () => {
    // 判觉 → 判决 gains less than hintScore; open-gram has 判决 right after 依法 … 进行
    const f = one('依法进行判觉。');
    expect(f).toMatchObject({ wrong: '判觉', right: '判决', severity: 'hint' });
    expect(f.evidence).toContain('搭配');
  });

  it('word: a smaller gain counts when the same block writes the correction nearby, within 60 characters', () => {
    // 判觉 → 判决 (7.9, below hintScore) with no language-model pair in 应当载明判觉理由
    expect(kinds('应当载明判觉理由。')).toEqual([]);
    const f = one('判决书应当载明判觉理由。');
    expect(f).toMatchObject({ wrong: '判觉', right: '判决', severity: 'hint' });
    expect(f.evidence).toContain('同段邻近处写作“判决”');
    // the window: the correction starting 57 characters before the slip is near, 65 is not
    const apart = (n: number) => `判决${'，'.repeat(n - 6)}应当载明判觉理由。`;
    expect(apart(57).indexOf('判觉')).toBe(57);
    expect(kinds(apart(57))).toEqual(['typo.word']);
    expect(kinds(apart(65))).toEqual([]);
  });

  it('word: of the corrections of one piece, the one the block writes nearby is proposed', () => {
    // alone, 登纪 reads as 登基 (the likelier word); after 登记 it is 登记
    expect(one('登纪材料应当真实。').right).toBe('登基');
    expect(one('依法办理登记手续，登纪材料应当真实。')).toMatchObject({ wrong: '登纪', right: '登记', evidence: expect.stringContaining('同段邻近处写作“登记”') });
  });

  it('word: a smaller gain counts for two stray characters the language model never saw together', () => {
    // 尊守 → 遵守 gains less than hintScore; no word list has 尊守 and open-gram never kept it as a pair
    const f = one('请大家尊守会场纪律。');
    expect(f).toMatchObject({ wrong: '尊守', right: '遵守', severity: 'hint' });
    expect(f.evidence).toContain('未见“尊守”');
    // 交寄 scores alike (→ 交给) but open-gram keeps it as a pair: real text writes it
    expect(kinds('邮局要做好包裹交寄工作。')).toEqual([]);
    // a content character left alone beside the pair: a longer unlisted term it may belong to
    expect(kinds('推进体供建设。')).toEqual(['typo.word']);
    expect(kinds('推进科体供建设。')).toEqual([]);
  });

  it('word: a non-word repeated in the page, or built by repetition, is a term, not a slip', () => {
    expect(kinds('请于本周五前提交申清材料。')).toEqual(['typo.word']);
    // the same spelling twice in one page (a block each)
    expect(detectTypos([{ text: '请于周五前提交申清材料。', start: 0 }, { text: '申清材料一式两份。', start: 20 }])).toEqual([]);
    expect(kinds('请于本周五前提交申清清单。')).toEqual([]);
    // a numbered abbreviation ending the run (“一淀、三带”)
    expect(kinds('共有一淀。')).toEqual([]);
  });

  it('word: a word jieba lists only at its floor, beside a frequent homophone look-alike, is a hint', () => {
    const f = one('山顶云雾缥渺。');
    expect(f).toMatchObject({ start: 104, end: 106, wrong: '缥渺', right: '飘渺', kind: 'typo.word', severity: 'hint' });
    expect(f.evidence).toContain('罕见写法');
    // a place name (平果市) written without its suffix is no slip for 苹果
    expect(kinds('来自平果的芒果很甜。')).toEqual([]);
    // nor a free combination of two common characters (货值 beside 货殖)
    expect(kinds('违法生产经营的食品货值金额不足一万元的。')).toEqual([]);
  });

  it('name: the state’s full name one character off, by any character', () => {
    expect(one('中国人民共和国成立。')).toMatchObject({ wrong: '中国人民共和国', right: '中华人民共和国', kind: 'name.body-variant', severity: 'deduct' });
    expect(kinds('朝鲜民主主义人民共和国')).toEqual([]);
  });

  it('word: the non-word and the word it should be', () => {
    const f = one('全面做好春耕生产工作布署。');
    expect(f).toMatchObject({ wrong: '布署', right: '部署', kind: 'typo.word' });
    expect(['hint', 'deduct']).toContain(f.severity);
  });

  it('body: the right name with its suffix', () => {
    expect(one('县住房与城乡建设局').right).toBe('住房和城乡建设局');
    expect(one('国家发展与改革委员会').right).toBe('国家发展和改革委员会');
  });

  it('leader: veto, both for swapped and for look-alike characters', () => {
    expect(one('习近乎同志指出').severity).toBe('veto');
    expect(one('近平习总书记').right).toBe('习近平');
  });

  it('leader: a look-alike needs the title nearby unless the surname is unique', () => {
    expect(kinds('刘国忠在村里开会。')).toEqual([]);
    expect(kinds('国务院副总理刘国忠出席。')).toEqual(['expression.leader-name']);
  });

  it('ganzhi: look-alike and Gregorian year', () => {
    expect(one('己亥年戊戍年').right).toBe('戊戌');
    expect(one('2018年（农历戊戌年）2019年乙亥年').right).toBe('己亥');
  });

  it('place: the province the unit belongs to', () => {
    const f = one('湖北省张家界市');
    expect(f).toMatchObject({ right: '湖南省张家界市', severity: 'deduct' });
    expect(f.evidence).toContain('湖南省');
  });
});

describe('skip contexts', () => {
  it('titles of other works', () => {
    expect(kinds('学习《再接再励》一文。')).toEqual([]);
    expect(kinds('学习再接再励一文。')).toEqual(['typo.idiom']);
  });

  it('person-name contexts', () => {
    expect(kinds('记者 布署')).toEqual([]);
    expect(kinds('全面做好春耕生产工作布署。')).toEqual(['typo.word']);
  });

  it('the caller’s exceptions silence every detector', () => {
    expect(detectTypos([{ text: '湖北省张家界市', start: 0 }], { exceptions: ['湖北省张家界市'] })).toEqual([]);
    expect(detectTypos([{ text: '希望大家再接再励。', start: 0 }], { exceptions: ['再接再励'] })).toEqual([]);
  });

  it('zero-width characters are ignored and offsets point into the original text', () => {
    const f = detectTypos([{ text: '希望再接\u200b再励。', start: 10 }]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ start: 12, end: 17, right: '再接再厉' });
  });

  it('places of the division table are words, not typos', () => {
    expect(kinds('前往张家界考察。')).toEqual([]);
  });
});

describe('table cells', () => {
  it('a block of a few characters alone (a name in a 姓名 column) is not checked as a word', () => {
    expect(detectTypos([{ text: '检檫', start: 0 }])).toEqual([]);
    expect(detectTypos([{ text: '市检檫院', start: 0 }])).toEqual([]);
    expect(detectTypos([{ text: '市人民检檫院', start: 0 }]).map((f) => f.kind)).toEqual(['typo.word']);
  });
});
