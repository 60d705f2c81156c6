/**
 * The detectors' fast paths answer what the plain lookups answer: the trie read in place, the
 * block's run analysis (segmentation, word bits, token log-probabilities), the in-place scoring of a
 * substitution, the masked indexes, the confusion cost by char code behind its signature filter
 * and the integer set. Each compares against the slow, obvious computation.
 */
import { describe, expect, it } from 'vitest';
import pinyinData from '../../../lib/data/typo-pinyin.json';
import shapeData from '../../../lib/data/typo-shape.json';
import rules from '../../../lib/data/typo-rules.json';
import { confusion } from '../../../lib/typos/confusion';
import { IntSet } from '../../../lib/typos/int-set';
import { lexicon } from '../../../lib/typos/lexicon';
import { analyseRuns, isWordAt } from '../../../lib/typos/runs';
import { segmentLogP } from '../../../lib/typos/segment';

const UNKNOWN = rules.word.unknownCharLogP;
const lex = lexicon(rules.word.minBucket);

/** sentences of every kind the detectors meet: their own examples, with Latin, digits and punctuation */
const SAMPLES = [
  ...rules.word.fires,
  ...rules.word.silent,
  ...rules.idiom.fires,
  ...rules.idiom.silent,
  '根据《中华人民共和国政府信息公开条例》第二十条，2024年12月3日发布。联系电话：0731-88888888，Email: a@b.cn',
  '各乡镇人民政府，县直各单位：现将《关于进一步做好春耕生产工作布署的通知》印发给你们，请认真贯彻落实。',
  '龘', // a character no word has
];

const hanRuns = (text: string) => [...text.matchAll(/[\u4e00-\u9fff]+/gu)].map((m) => ({ start: m.index!, text: m[0] }));
const logPOr = (w: string) => lex.logP(w) ?? NaN;

describe('lexicon lookups in place', () => {
  it('logPAt, charLogP and charBucket agree with logP and bucket on every window', () => {
    for (const text of SAMPLES) {
      for (let i = 0; i < text.length; i++) {
        for (let len = 1; len <= 4 && i + len <= text.length; len++) expect(lex.logPAt(text, i, len)).toBe(logPOr(text.slice(i, i + len)));
        expect(lex.charLogP[text.charCodeAt(i)]).toBe(logPOr(text[i]!));
        expect(lex.charBucket[text.charCodeAt(i)]).toBe(lex.bucket(text[i]!));
      }
    }
    expect(lex.logPAt('部署', 0, 2)).toBeLessThan(0);
    expect(lex.logPAt('布署', 0, 2)).toBeNaN();
  });

  it('masked word lists: each word matches the piece but for the masked position, most frequent first', () => {
    const { start, words, logP, code } = lex.masked;
    let lists = 0;
    for (const text of SAMPLES) {
      for (const run of hanRuns(text)) {
        const s = run.text;
        for (let len = 2; len <= 3; len++) {
          for (let i = 0; i + len <= s.length; i++) {
            for (let at = i; at < i + len; at++) {
              const list = lex.maskedWords(s, i, len, at);
              if (list < 0) continue;
              lists++;
              for (let k = start[list]!; k < start[list + 1]!; k++) {
                const w = words[k]!;
                expect(w.length).toBe(len);
                for (let p = 0; p < len; p++) if (i + p !== at) expect(w[p]).toBe(s[i + p]);
                expect(code[k]).toBe(w.charCodeAt(at - i));
                expect(logP[k]).toBe(lex.logP(w));
                if (k > start[list]!) expect(logP[k]!).toBeLessThanOrEqual(logP[k - 1]!);
              }
            }
          }
        }
      }
    }
    expect(lists).toBeGreaterThan(50);
    const list = lex.maskedWords('布署', 0, 2, 0);
    expect(words.slice(start[list]!, start[list + 1]!)).toContain('部署');
  });

  it('masked idioms: exactly the four-character expressions agreeing at the other three positions', () => {
    expect(lex.idiomsMasked('再接再励', 0, 3)).toContain('再接再厉');
    expect(lex.idiomsMasked('迫不急待', 0, 2)).toContain('迫不及待');
    for (const w of lex.idiomsMasked('再接再励', 0, 3) ?? []) expect(w.slice(0, 3)).toBe('再接再');
    expect(lex.idiomsMasked('再接a励', 0, 3)).toBeUndefined();
  });
});

describe('run analysis', () => {
  it('finds the Han runs; word bits, token ends and log-probabilities match the plain lookups', () => {
    for (const text of SAMPLES) {
      const block = analyseRuns(text);
      const runs = hanRuns(text);
      expect(block.runs.map((r) => ({ start: r.start, text: r.text }))).toEqual(runs);
      for (const run of block.runs) {
        const s = run.text;
        for (let i = 0; i < s.length; i++) {
          for (let len = 1; len <= 4; len++) expect(isWordAt(block, run.start + i, len)).toBe(i + len <= s.length && lex.logP(s.slice(i, i + len)) !== undefined);
        }
        // the tokens tile the run; their log-probabilities add up to the best path's
        let from = run.start;
        let sum = 0;
        for (let t = run.first; t < run.last; t++) {
          const token = text.slice(from, block.ends[t]);
          expect(token.length === 1 || lex.logP(token) !== undefined).toBe(true);
          expect(block.tokenLogP[t]).toBe(lex.logP(token) ?? UNKNOWN);
          sum += block.tokenLogP[t]!;
          from = block.ends[t]!;
        }
        expect(from).toBe(run.start + s.length);
        expect(sum).toBe(segmentLogP(s, 0, s.length, -1, 0, lex, UNKNOWN));
      }
    }
  });

  it('the best segmentation keeps the frequent words whole', () => {
    const text = '全面做好春耕生产工作部署';
    const block = analyseRuns(text);
    const tokens: string[] = [];
    for (let t = block.runs[0]!.first, from = 0; t < block.runs[0]!.last; from = block.ends[t++]!) tokens.push(text.slice(from, block.ends[t]));
    expect(tokens.join('')).toBe(text);
    expect(tokens.every((t) => t.length >= 2)).toBe(true);
    expect(tokens).toContain('全面');
    expect(tokens).toContain('春耕');
  });

  it('a substitution scored in place equals scoring the changed string', () => {
    const s = '全面做好春耕生产工作布署要求';
    const at = s.indexOf('布');
    const changed = s.slice(0, at) + '部' + s.slice(at + 1);
    for (const [lo, hi] of [[0, s.length], [at - 2, at + 3], [at, at + 2]] as const) {
      expect(segmentLogP(s, lo, hi, at, '部'.charCodeAt(0), lex, UNKNOWN)).toBe(segmentLogP(changed.slice(lo, hi), 0, hi - lo, -1, 0, lex, UNKNOWN));
    }
    expect(segmentLogP(s, 0, s.length, at, '部'.charCodeAt(0), lex, UNKNOWN)).toBeGreaterThan(segmentLogP(s, 0, s.length, -1, 0, lex, UNKNOWN));
  });
});

describe('confusion cost by char code', () => {
  const c = confusion();
  const cost = rules.confusionCost;
  /** every ordered pair of a group's first `max` characters (the pinyin groups run to 176) */
  const pairs = (group: string, each: (a: string, b: string) => void, max = Infinity) => {
    const chars = [...group].filter((ch) => ch.length === 1).slice(0, max);
    for (const a of chars) for (const b of chars) if (a !== b) each(a, b);
  };

  it('agrees with cost() and is finite for every pair the data makes confusable (the signature hides none)', () => {
    for (const group of Object.values(pinyinData.groups as Record<string, string>)) {
      pairs(group, (a, b) => expect(c.costCode(a.charCodeAt(0), b.charCodeAt(0))).toBe(cost.samePinyin), 24);
    }
    for (const group of [...(shapeData.groups as string[]), ...rules.extraShape.groups]) {
      pairs(group, (a, b) => expect(c.costCode(a.charCodeAt(0), b.charCodeAt(0))).toBeLessThanOrEqual(cost.shape));
    }
    for (const group of (shapeData as { components?: string[] }).components ?? []) {
      pairs(group, (a, b) => expect(c.costCode(a.charCodeAt(0), b.charCodeAt(0))).toBeLessThanOrEqual(cost.component));
    }
    for (const pair of ((shapeData as { strokes?: string }).strokes ?? '').split(' ')) {
      pairs(pair, (a, b) => expect(c.costCode(a.charCodeAt(0), b.charCodeAt(0))).toBeLessThanOrEqual(cost.stroke));
    }
    for (const [a, b] of [['布', '部'], ['乎', '平'], ['四', '是'], ['的', '得'], ['国', '家'], ['a', '部']]) {
      expect(c.costCode(a!.charCodeAt(0), b!.charCodeAt(0))).toBe(c.cost(a!, b!));
    }
    expect(c.costCode('国'.charCodeAt(0), '家'.charCodeAt(0))).toBe(Infinity);
    expect(c.costCode('国'.charCodeAt(0), '国'.charCodeAt(0))).toBe(0);
  });
});

describe('IntSet', () => {
  it('holds exactly the values it was built from', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 440_000_000);
    const set = new IntSet(values);
    const inSet = new Set(values);
    expect(set.size).toBe(inSet.size);
    for (const v of values) expect(set.has(v)).toBe(true);
    for (let v = 0; v < 20_000; v++) expect(set.has(v)).toBe(inSet.has(v));
    expect(set.has(-1)).toBe(false);
    expect(new IntSet([]).has(0)).toBe(false);
  });
});
