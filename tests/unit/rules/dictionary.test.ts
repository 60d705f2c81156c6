/**
 * Every dictionary entry proves itself: each `fires` sentence must yield a match of that entry,
 * each `silent` sentence must not (the LanguageTool way). The same holds for the generated party
 * congress forms, the leaders table and the renamed-bodies table.
 */
import { describe, expect, it } from 'vitest';
import { compileDictionary, entryProblems, type DictEntry } from '../../../lib/text/matcher';
import { dictionaryEntries } from '../../../lib/rules/wording';
import { leaderHits } from '../../../lib/rules/political-forms';
import { nameOutdatedRules, outdatedMentions } from '../../../lib/rules/name-outdated';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import typosData from '../../../lib/data/typos.json';
import expressionsData from '../../../lib/data/expressions.json';
import discouragedData from '../../../lib/data/discouraged.json';
import leadersData from '../../../lib/data/leaders.json';
import { fakePage } from '../../helpers/fake-page';
import renamed from '../../../lib/data/renamed-bodies.json';
import type { PageModel } from '../../../lib/types';

const files: [string, unknown[], DictEntry['class'], DictEntry['severity']][] = [
  ['typos.json', typosData, 'typo', 'deduct'],
  ['expressions.json', expressionsData, 'expression', 'veto'],
  ['discouraged.json', discouragedData, 'discouraged', 'hint'],
];
const all = dictionaryEntries;
const dict = compileDictionary(all);

describe('dictionary entries', () => {
  it('every entry (files + generated congress forms) fires on its fires sentences and stays silent on its silent sentences', () => {
    const failures: string[] = [];
    for (const e of all) {
      for (const s of e.fires) {
        if (!dict.match(s).some((m) => m.entry === e)) failures.push(`${e.wrong}: should fire on “${s}”`);
      }
      for (const s of e.silent) {
        if (dict.match(s).some((m) => m.entry === e)) failures.push(`${e.wrong}: should be silent on “${s}”`);
      }
    }
    expect(failures).toEqual([]);
    expect(all.length).toBeGreaterThan(files.reduce((n, [, d]) => n + d.length, 0)); // congress forms added
  });

  it.each(files)('%s: fields are valid and match the file', (_name, data, cls, severity) => {
    expect(data.length).toBeGreaterThan(0);
    for (const raw of data) {
      const e = raw as DictEntry;
      expect(entryProblems(e), e.wrong).toEqual([]);
      expect(e.wrong).not.toBe(e.right);
      expect(e.class, e.wrong).toBe(cls);
      expect(e.severity, e.wrong).toBe(severity);
    }
  });

  it('has no duplicate wrong forms and at least 300 typo + discouraged pairs', () => {
    const wrongs = all.map((e) => e.wrong);
    expect(new Set(wrongs).size).toBe(wrongs.length);
    expect(typosData.length + discouragedData.length).toBeGreaterThanOrEqual(300);
  });

  it('no right form contains its own wrong form unsuppressed (would fire on the fix)', () => {
    for (const e of all) {
      expect(dict.match(e.right).filter((m) => m.entry === e), e.wrong).toEqual([]);
    }
  });

  it('one error gives one finding: no wrong form also matches another entry', () => {
    const doubles = all.flatMap((e) => dict.match(e.wrong).filter((m) => m.entry !== e).map((m) => `${e.wrong} ⊃ ${m.entry.wrong}`));
    expect(doubles).toEqual([]);
  });

  it('covers the seeds and every congress from the 12th on', () => {
    const wrongs = new Set(all.map((e) => e.wrong));
    for (const w of ['中国入民', '人民代表大人', '人民代表大常', '党十九大', '烈土', '攻府', '杜会主义', '领导小姐']) expect(wrongs, w).toContain(w);
    for (const n of ['十二', '十八', '二十']) {
      expect(wrongs).toContain(`党${n}大`);
      expect(wrongs).toContain(`${n}界三中全会`);
      expect(wrongs).toContain(`${n}届第四中全会`);
    }
  });
});

describe('leaders table', () => {
  it('has a date and a source', () => {
    expect(leadersData.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(leadersData.source.length).toBeGreaterThan(20);
  });

  it('each leader: right with each checked title, wrong with another leader’s title, wrong one character off', () => {
    const failures: string[] = [];
    const before = leadersData.checkedTitles.before;
    for (const l of leadersData.leaders) {
      for (const t of l.titles.filter((x) => before.includes(x))) {
        const ok = `${t}${l.name}主持会议。`;
        if (leaderHits(ok).length) failures.push(`silent: ${ok}`);
        const off = l.name.slice(0, -1) + (l.name.endsWith('甲') ? '乙' : '甲');
        const typo = `${t}${off}主持会议。`;
        if (!leaderHits(typo).some((h) => h.right === l.name)) failures.push(`fires: ${typo}`);
      }
      const foreign = before.find((t) => !l.titles.includes(t))!;
      const wrongPair = `${foreign}${l.name}出席会议。`;
      if (!leaderHits(wrongPair).length) failures.push(`fires: ${wrongPair}`);
    }
    expect(failures).toEqual([]);
  });

  it('leaves former leaders and longer names alone', () => {
    for (const s of ['国务院总理李克强主持会议。', '国务院总理温家宝考察四川。', '国务院副总理刘鹤出席。', '国家副主席王岐山会见。', '中央纪委书记赵乐际强调。', '国务院副总理韩正出席。', '国家主席、中央军委主席习近平签署命令。']) {
      expect(leaderHits(s), s).toEqual([]);
    }
  });
});

describe('renamed bodies table', () => {
  const page = (text: string, pubDate: string | null): PageModel => fakePage(text, { pubDate });
  const rule = nameOutdatedRules[0]!;

  it('each body: fires after its date, hint without a date, silent before it and in historical mentions', () => {
    const failures: string[] = [];
    for (const b of renamed.bodies) {
      const s = `${b.old}召开专题会议，部署下一步工作。`;
      if (!outdatedMentions(s).some((h) => h.body.old === b.old)) failures.push(`fires: ${s}`);
      const after = rule.check(page(s, '2024-06-01'), DEFAULT_SETTINGS);
      if (!after.some((f) => f.severity === 'deduct' && f.evidence === b.old && f.suggestion === b.new)) failures.push(`deduct: ${s}`);
      const undated = rule.check(page(s, null), DEFAULT_SETTINGS);
      if (!undated.some((f) => f.severity === 'hint' && f.evidence === b.old)) failures.push(`hint: ${s}`);
      if (rule.check(page(s, '2017-06-01'), DEFAULT_SETTINGS).length) failures.push(`before: ${s}`);
      for (const h of [`原${b.old}副局长。`, `将${b.old}更名为${b.new}。`, `组建${b.new}，不再保留${b.old}。`]) {
        if (rule.check(page(h, '2024-06-01'), DEFAULT_SETTINGS).length) failures.push(`historical: ${h}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
