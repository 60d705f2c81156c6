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
    expect(regionalData.variants.split(' ')).toEqual(expect.arrayContaining(['牠他它']));
    expect(regionalData.$licence).toMatch(/Unicode/);
    expect(regionalData.phrases.split(' ')).toEqual(expect.arrayContaining(['网路:网络', '计画:计划']));
  });

  it('tells a regional character or word from a slip', () => {
    expect(regionalReason('想著', '想着')).toMatch(/“著”是台湾地区或繁体用字，规范写法为“想着”/);
    // a variant character outside GB 2312 (Unihan): 牠 varies 他 and 它
    expect(regionalReason('牠们', '他们')).toMatch(/“牠”是“他”的异体字/);
    expect(regionalReason('在网路上', '在网络上')).toMatch(/“网路”是台湾地区或繁体的写法，规范写作“网络”/);
    // a slip, a correction other than the standard form, a change of length: none is regional
    expect(regionalReason('布署', '部署')).toBeNull();
    expect(regionalReason('著妳', '著称')).toBeNull();
    expect(regionalReason('网路', '网')).toBeNull();
  });

  it('relabels only the word and idiom detectors’ findings', () => {
    const [word, idiom, body] = relabelRegional([finding('typo.word', '想著', '想着'), finding('typo.idiom', '在网路上', '在网络上'), finding('name.body-variant', '想著', '想着')]);
    expect(word).toMatchObject({ kind: 'typo.regional', severity: 'hint', right: '想着' });
    expect(idiom?.kind).toBe('typo.regional');
    expect(body?.kind).toBe('name.body-variant');
  });

  it('reports a regional spelling as such through detectTypos, and adds no finding of its own', () => {
    const [f] = detectTypos([{ text: '并且提昇工厂的绩效。', start: 0 }]);
    expect(f).toMatchObject({ kind: 'typo.regional', wrong: '提昇', right: '提升' });
    // the list alone reports nothing: 著 in 著名 and 显著 is the mainland standard too
    expect(detectTypos([{ text: '鲁迅是著名作家，成效显著。', start: 0 }])).toEqual([]);
  });
});
