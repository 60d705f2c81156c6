/**
 * Footer marks in a non-standard form (tests/fixtures/footer, one page per form; README there):
 * reported as a footer.*-format hint with the standard form, never as a missing mark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromHtml } from '../../helpers/load-page';
import { footerRules } from '../../../lib/rules/footer';
import type { PageModel, RuleFinding, Settings } from '../../../lib/types';

const SETTINGS: Settings = { freshDays: 30, staleDays: 365, paintDates: false, inspector: '', today: '2026-11-23' };
const DIR = path.resolve(import.meta.dirname, '../../fixtures/footer');

function fixture(file: string): PageModel {
  return modelFromHtml(readFileSync(path.join(DIR, file), 'utf8'), `https://www.nmg.gov.cn/t/${file}`).model;
}

const run = (m: PageModel): RuleFinding[] => footerRules.flatMap((r) => r.check(m, SETTINGS));

interface Case {
  file: string;
  /** every footer.* finding, as [ruleId, severity, suggestion (format hints only)] */
  fires: [string, string, string?][];
  /** the exact text a format hint points at */
  at?: string;
}

const CASES: Case[] = [
  { file: 'standard.html', fires: [] },
  {
    file: 'icp-space-no-hao.html',
    fires: [['footer.icp-format', 'hint', '规范写法：蒙ICP备05006530号，并链接到 beian.miit.gov.cn']],
    at: '蒙ICP备 05006530',
  },
  {
    file: 'icp-no-province.html',
    fires: [['footer.icp-format', 'hint', '规范写法：省份简称ICP备05006530号，并链接到 beian.miit.gov.cn']],
    at: 'ICP备05006530号',
  },
  {
    file: 'icp-fullwidth.html',
    fires: [['footer.icp-format', 'hint', '规范写法：蒙ICP备05006530号，并链接到 beian.miit.gov.cn']],
    at: '蒙ICP备０５００６５３０号',
  },
  { file: 'icp-labelled.html', fires: [] },
  {
    file: 'police-label.html',
    fires: [['footer.police-format', 'hint', '规范写法：蒙公网安备 15010202000001号，并链接到 beian.gov.cn']],
    at: '公安机关备案号：15010202000001',
  },
  { file: 'police-label-standard.html', fires: [] },
  {
    file: 'police-link-only.html',
    fires: [['footer.police-format', 'hint', '规范写法：蒙公网安备 15010202000001号，并链接到 beian.gov.cn']],
  },
  {
    file: 'sponsor-bracket.html',
    fires: [['footer.sponsor-format', 'hint', '规范写法：主办单位：内蒙古自治区人民政府办公室']],
    at: '内蒙古自治区人民政府办公室（主办）',
  },
  {
    file: 'sponsor-by.html',
    fires: [['footer.sponsor-format', 'hint', '规范写法：主办单位：呼和浩特市人民政府']],
    at: '本网站由呼和浩特市人民政府主办',
  },
  {
    file: 'sponsor-name-first.html',
    fires: [['footer.sponsor-format', 'hint', '规范写法：主办单位：呼和浩特市人民政府']],
    at: '呼和浩特市人民政府主办',
  },
  {
    file: 'sponsor-no-colon.html',
    fires: [['footer.sponsor-format', 'hint', '规范写法：主办单位：内蒙古自治区人民政府办公室']],
    at: '主办单位　内蒙古自治区人民政府办公室',
  },
  { file: 'sponsor-label-forms.html', fires: [] },
  // 承办 is not 主办, and 主办 in the article is not the footer's: the sponsor is missing
  { file: 'sponsor-chengban-only.html', fires: [['footer.sponsor', 'deduct']] },
  { file: 'sponsor-in-body-only.html', fires: [['footer.sponsor', 'deduct']] },
  { file: 'site-code-spaced.html', fires: [] },
  { file: 'contact-forms.html', fires: [] },
  // a 繁体版 page: its footer is read through the traditional forms of the marks' characters
  { file: 'traditional.html', fires: [] },
];

describe.each(CASES)('$file', (c) => {
  const m = fixture(c.file);
  const fs = run(m);

  it(`fires exactly: ${c.fires.map((f) => f[0]).join(', ') || 'nothing'}`, () => {
    expect(fs.map((f) => [f.ruleId, f.severity, ...(f.ruleId.endsWith('-format') ? [f.suggestion] : [])])).toEqual(c.fires);
  });

  if (c.at) {
    it(`points at “${c.at}”`, () => {
      const f = fs[0]!;
      expect(m.text.slice(f.start, f.end)).toBe(c.at);
      expect(f.evidence).toBe(c.at);
      expect(f.message).toContain('不规范');
      expect(f.message).toContain(c.at);
    });
  }
});

describe('format hints', () => {
  it('a link-only police mark names its number and points at the footer', () => {
    const [f] = run(fixture('police-link-only.html'));
    expect(f!.message).toBe('公安机关备案标识只有链接，未显示备案号（15010202000001）');
    expect(f!.evidence.startsWith('底部区域：')).toBe(true);
  });

  it('the police suggestion takes the province from the number (川 for 51)', () => {
    const html = readFileSync(path.join(DIR, 'police-label.html'), 'utf8').replace('15010202000001', '51010402000001');
    const [f] = run(modelFromHtml(html).model);
    expect(f!.suggestion).toBe('规范写法：川公网安备 51010402000001号，并链接到 beian.gov.cn');
  });

  it('a 繁体版 footer\'s odd mark is hinted like a simplified one, quoted as written', () => {
    const html = readFileSync(path.join(DIR, 'traditional.html'), 'utf8').replace('蒙ICP備05006530號', '蒙ICP備 05006530');
    const m = modelFromHtml(html).model;
    const found = run(m);
    expect(found.map((f) => [f.ruleId, f.suggestion])).toEqual([['footer.icp-format', '规范写法：蒙ICP备05006530号，并链接到 beian.miit.gov.cn']]);
    expect(found[0]!.evidence).toBe('蒙ICP備 05006530');
    expect(m.text.slice(found[0]!.start, found[0]!.end)).toBe('蒙ICP備 05006530');
  });

  it('a standard mark anywhere in scope silences the hint for a second, odd one', () => {
    const html = readFileSync(path.join(DIR, 'standard.html'), 'utf8').replace('网站地图</a>', '网站地图</a> 蒙ICP备 05006530 内蒙古自治区人民政府办公室（主办）');
    expect(run(modelFromHtml(html).model)).toEqual([]);
  });

  it('one hint per distinct standard form', () => {
    const html = readFileSync(path.join(DIR, 'icp-space-no-hao.html'), 'utf8').replace('网站地图</a>', '网站地图</a> 蒙ICP备05006530');
    expect(run(modelFromHtml(html).model).map((f) => f.ruleId)).toEqual(['footer.icp-format']);
  });

  it('without the mark in any form, the missing finding stays', () => {
    const html = readFileSync(path.join(DIR, 'standard.html'), 'utf8');
    const noIcp = html.replace(/<a href="https:\/\/beian\.miit\.gov\.cn\/">[^<]*<\/a>/, '');
    expect(run(modelFromHtml(noIcp).model).map((f) => f.ruleId)).toEqual(['footer.icp']);
    const noPolice = html.replace(/<a href="http:\/\/www\.beian\.gov\.cn[^>]*>[^<]*<\/a>/, '');
    expect(run(modelFromHtml(noPolice).model).map((f) => f.ruleId)).toEqual(['footer.police-record']);
  });
});
