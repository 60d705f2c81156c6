import { describe, expect, it } from 'vitest';
import regionalData from '../../../lib/data/typo-regional.json';
import { detectTypos, loadTypoData } from '../../../lib/typos';
import { regionalReason, relabelRegional } from '../../../lib/typos/regional';
import type { TypoFinding } from '../../../lib/typos/types';

loadTypoData();

const finding = (kind: TypoFinding['kind'], wrong: string, right: string): TypoFinding => ({ start: 0, end: wrong.length, wrong, right, kind, severity: 'hint', evidence: 'x' });

describe('regional spellings (OpenCC data)', () => {
  it('carries its source and licence, and the pairs the detectors meet', () => {
    expect(regionalData.$source).toMatch(/OpenCC/);
    expect(regionalData.$licence).toMatch(/Apache-2.0/);
    expect(regionalData.chars.split(' ')).toEqual(expect.arrayContaining(['著着', '昇升']));
    expect(regionalData.variants.split(' ')).toEqual(expect.arrayContaining(['牠它|他', '妳你您祢|奶']));
    expect(regionalData.$licence).toMatch(/Unicode/);
    expect(regionalData.phrases.split(' ')).toEqual(expect.arrayContaining(['网路:网络', '计画:计划']));
  });

  it('tells a regional character or word from a slip', () => {
    expect(regionalReason('想著', '想着')?.reason).toMatch(/“著”是台湾地区或繁体用字，规范写法为“想着”/);
    expect(regionalReason('在网路上', '在网络上')?.reason).toMatch(/“网路”是台湾地区或繁体的写法，规范写作“网络”/);
    // a variant character outside the 通用规范汉字表 (Unihan): 妳 varies 你; 牠 varies 他 and 它 but is
    // 它's specialised variant, so the detector's 他们 gives way to 它们
    expect(regionalReason('妳的', '你的')).toMatchObject({ right: '你的', reason: expect.stringMatching(/“妳”是“你”的异体字/) });
    expect(regionalReason('牠们', '他们')).toMatchObject({ right: '它们', reason: expect.stringMatching(/“牠”是“它”的异体字，规范写法为“它们”/) });
    // standard characters of the 2013 table are no variants, however rare (喆, 堃 in names)
    expect(regionalReason('王喆', '王哲')).toBeNull();
    // a slip, a correction other than the standard form, a change of length: none is regional
    expect(regionalReason('布署', '部署')).toBeNull();
    expect(regionalReason('著妳', '著称')).toBeNull();
    expect(regionalReason('网路', '网')).toBeNull();
  });

  it('relabels only the word and idiom detectors’ findings', () => {
    const [word, idiom, body] = relabelRegional([finding('typo.word', '想著', '想着'), { ...finding('typo.idiom', '在网路上', '在网络上'), severity: 'deduct' }, finding('name.body-variant', '想著', '想着')]);
    expect(word).toMatchObject({ kind: 'typo.regional', severity: 'hint', right: '想着' });
    // the severity stays: a traditional or Taiwan form in simplified text is 用字不规范 either way
    expect(idiom).toMatchObject({ kind: 'typo.regional', severity: 'deduct' });
    expect(body?.kind).toBe('name.body-variant');
  });

  it('reports a regional spelling as such through detectTypos, and adds no finding of its own', () => {
    const [f] = detectTypos([{ text: '并且提昇工厂的绩效。', start: 0 }]);
    expect(f).toMatchObject({ kind: 'typo.regional', wrong: '提昇', right: '提升' });
    // the list alone reports nothing: 著 in 著名 and 显著 is the mainland standard too
    expect(detectTypos([{ text: '鲁迅是著名作家，成效显著。', start: 0 }])).toEqual([]);
  });
});
