/**
 * typo.context: each context rule's fires/silent sentences from lib/data/typo-context-rules.json
 * (the rule itself must fire on its own sentence, with its correction), plus the element matching
 * (clause end, POS classes, exceptions) and the path through detectTypos.
 */
import { describe, expect, it } from 'vitest';
import data from '../../../lib/data/typo-context-rules.json';
import { detectTypos } from '../../../lib/typos';
import { contextRules, contextTypos } from '../../../lib/typos/context-rule';

describe.each(contextRules().map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const { fires, silent } = rule as unknown as { fires: string[]; silent: string[] };
  it('has examples', () => expect(fires.length && silent.length).toBeTruthy());
  it.each(fires)('fires on %s', (s) => {
    const hit = contextTypos(s, [], id);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ wrong: rule.wrong, right: rule.right, kind: 'typo.context' });
    expect(s.slice(hit[0]!.start, hit[0]!.end)).toBe(rule.wrong);
  });
  it.each(silent)('silent on %s', (s) => expect(contextTypos(s)).toEqual([]));
});

describe('context rules through detectTypos', () => {
  it('reports a hint with the rule message at page offsets', () => {
    const f = detectTypos([{ text: '这件事真得很难办。', start: 50 }]);
    expect(f).toEqual([expect.objectContaining({ start: 54, end: 55, wrong: '得', right: '的', kind: 'typo.context', severity: 'hint' })]);
    expect(f[0]!.evidence).toMatch(/真的/);
  });

  it('stays silent inside titles of works and exception phrases', () => {
    expect(detectTypos([{ text: '《这件事真得很难办》出版。', start: 0 }])).toEqual([]);
    expect(detectTypos([{ text: '这件事真得很难办。', start: 0 }], { exceptions: ['真得很'] })).toEqual([]);
  });

  it('a clause end is punctuation or the block edge', () => {
    expect(contextTypos('应为他生病了')).toHaveLength(1);
    expect(contextTypos('，应为他生病了')).toHaveLength(1);
    expect(contextTypos('结果应为他人所有')).toEqual([]);
  });

  it('POS classes come from the build (jieba tags) and hold common words', () => {
    for (const [k, w] of [['v', '跑'], ['a', '快'], ['n', '书包']] as const) expect(data.pos[k].split(' ')).toContain(w);
  });

  it('every rule has one wrong character and a message', () => {
    for (const r of contextRules()) {
      expect([...r.wrong]).toHaveLength(1);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
