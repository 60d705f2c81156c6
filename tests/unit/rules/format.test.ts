import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocNumberIssues } from '../../../lib/text/doc-number';
import { findInvalidDates, formatRules } from '../../../lib/rules/format';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { REAL, modelFromHtml } from '../../helpers/load-page';

const rows = JSON.parse(readFileSync(path.join(REAL, 'policy/rows_meta.json'), 'utf8')) as { release_number: string; file: string }[];

describe('format.doc-number', () => {
  it('accepts all 60 文号 of the policy corpus and the 令 form', () => {
    const numbers = rows.map((r) => r.release_number).filter(Boolean);
    expect(numbers.length).toBe(60);
    for (const n of numbers) expect(findDocNumberIssues(`根据${n}文件精神。`), n).toEqual([]);
    for (const ok of ['国令第707号', '国发〔2019〕5号', '国办发〔2018〕129号', '国发〔2019〕5、6号', '（2020）京0105民初12345号', '《规划（2021—2025年）》']) {
      expect(findDocNumberIssues(ok), ok).toEqual([]);
    }
  });

  it('flags lookalike brackets, two-digit years, 第, leading zeros and a missing 号', () => {
    const cases: [string, string, string][] = [
      ['京政发[2020]3号', '〔2020〕3号', '六角括号'],
      ['京政发【2020】3号', '〔2020〕3号', '六角括号'],
      ['京政发(2020)3号', '〔2020〕3号', '六角括号'],
      ['京政发（2020）3号', '〔2020〕3号', '六角括号'],
      ['京政发﹝2020﹞3号', '〔2020〕3号', '六角括号'],
      ['京政发〔20〕3号', '〔20〕3号', '四位'],
      ['京政发〔2020〕第3号', '〔2020〕3号', '第'],
      ['京政发〔2020〕03号', '〔2020〕3号', '虚位'],
      ['京政发〔2020〕3，', '〔2020〕3号', '缺“号”'],
    ];
    for (const [raw, fixed, why] of cases) {
      const text = `印发${raw}文件`;
      const [issue] = findDocNumberIssues(text);
      expect(issue, raw).toBeDefined();
      expect(text.slice(issue!.start, issue!.end), raw).toBe(raw.replace(/^京政发/, '').replace(/，$/, ''));
      expect(issue!.raw, raw).toBe(text.slice(issue!.start, issue!.end));
      expect(issue!.fixed, raw).toBe(fixed);
      expect(issue!.problems.join(' '), raw).toContain(why);
    }
  });

  it('finds nothing in the policy texts themselves', () => {
    let n = 0;
    for (const r of rows) {
      const { model } = modelFromHtml(readFileSync(path.join(REAL, 'policy', r.file), 'utf8'));
      n += model.text.split('〔').length - 1;
      expect(formatRules[0]!.check(model, DEFAULT_SETTINGS), r.file).toEqual([]);
    }
    expect(n).toBeGreaterThan(60);
  }, 60_000);
});

describe('format.date-invalid', () => {
  it('flags dates that cannot exist', () => {
    expect(findInvalidDates('会议定于2022年2月30日召开，2022年13月完成，2023年2月29日、2021年4月31日').map((d) => d.raw)).toEqual([
      '2022年2月30日',
      '2022年13月',
      '2023年2月29日',
      '2021年4月31日',
    ]);
    expect(findInvalidDates('２０２２年２月３０日')[0]!.raw).toBe('２０２２年２月３０日');
  });

  it('accepts real dates, leap days and ranges', () => {
    expect(findInvalidDates('2024年2月29日、2022年12月31日、2019年1月—12月、2000年2月29日、1949年10月1日')).toEqual([]);
  });

  it('reports as a hint with the offsets of the date', () => {
    const text = '发布时间：2022年2月30日';
    const page = { ...modelFromHtml('<p></p>').model, text };
    const [f] = formatRules[1]!.check(page, DEFAULT_SETTINGS);
    expect(f).toMatchObject({ ruleId: 'format.date-invalid', severity: 'hint', evidence: '2022年2月30日' });
    expect(text.slice(f!.start, f!.end)).toBe('2022年2月30日');
  });
});
