/**
 * The document's own 文号: after its 发文字号 label, or alone on a line above the body (GB/T 9704
 * layout), and freshness.redated on it. A 文号 cited in a sentence or listed after the body is
 * another document's.
 */
import { describe, expect, it } from 'vitest';
import { ownDocNumber } from '../../../lib/text/doc-number';
import { signedYears } from '../../../lib/text/doc-number';
import { freshnessRules } from '../../../lib/rules/freshness';
import { runRules } from '../../../lib/rules/run';
import { SETTINGS, own } from './fixtures';

const BODY = '各地区、各部门要充分认识这项工作的重要意义，加强组织领导，明确责任分工，确保各项任务落到实处。';

describe('ownDocNumber', () => {
  it('finds the labelled 文号 a search from the start finds (it is tried only at each 号)', () => {
    const search = /(?:发文字号|文\s*号)[\s:：]*([^\n]{0,30}?[〔\[【(（﹝〖［](\d{4})[〕\]】)）﹞〗］]\s*第?\s*\d+\s*号)/;
    const texts = [
      '文号：见附件\n1号楼\n文 号：\u3000国发〔2019〕5号\n',
      '文件第3号\n发文字号：\n京政发[2018]第 12 号\n文号：国发〔2017〕1号',
      '号文号号\u3000文\t\n号：(2016)7号\n',
      '字号：国发〔2019〕5号\n公文 号 国办发【2015】3号',
      '文号：国发〔2019〕5 号' + '，'.repeat(40) + '号',
    ];
    for (const t of texts) {
      const m = search.exec(t)!;
      expect(m).not.toBeNull();
      expect(ownDocNumber(t + '\n' + BODY)).toMatchObject({ raw: m[1]!.trim(), year: Number(m[2]), source: 'label' });
    }
  });

  it('reads the labelled 发文字号 first, also from the next cell', () => {
    expect(ownDocNumber('发文字号：国发〔2019〕5号\n' + BODY)).toMatchObject({ raw: '国发〔2019〕5号', year: 2019, source: 'label' });
    const text = '标题\n发文字号：\n国办发〔1996〕25号\n' + BODY;
    const d = ownDocNumber(text)!;
    expect(text.slice(d.start, d.end)).toBe('国办发〔1996〕25号');
  });

  it('reads a 文号 alone on its line under the title, with its offsets', () => {
    const text = '首页 > 政策文件\n国务院办公厅关于某某工作的意见\n  国办发〔2015〕12号　\n' + BODY;
    const d = ownDocNumber(text)!;
    expect(d).toMatchObject({ raw: '国办发〔2015〕12号', year: 2015, source: 'line' });
    expect(text.slice(d.start, d.end)).toBe('国办发〔2015〕12号');
    // lookalike brackets still make a whole-line 文号
    expect(ownDocNumber('标题\n内政办发[2014]7号\n' + BODY)).toMatchObject({ year: 2014, source: 'line' });
  });

  it('a 文号 in a sentence, with other words on its line, or after the body starts is not the page’s', () => {
    expect(ownDocNumber('标题\n根据国发〔2015〕5号文件精神，制定本办法。\n' + BODY)).toBeNull();
    expect(ownDocNumber('标题\n国发〔2015〕5号 签发人：张三\n' + BODY)).toBeNull();
    expect(ownDocNumber('标题\n' + BODY + '\n相关文件：\n国发〔2015〕5号')).toBeNull();
    // no body at all: nothing says the line is this page's 文号
    expect(ownDocNumber('标题\n国发〔2015〕5号\n')).toBeNull();
  });

  it('the 文号 under the title of a 解读 page is the explained document’s', () => {
    expect(ownDocNumber('《国务院关于某某工作的意见》解读\n国发〔2015〕5号\n' + BODY)).toBeNull();
  });

  it('a 文号 line far above the body (a side bar) is not the page’s', () => {
    const nav = Array.from({ length: 300 }, (_, i) => `导航链接第${i}项`).join('\n');
    expect(ownDocNumber(`国发〔2015〕5号\n${nav}\n${BODY}`)).toBeNull();
  });
});

describe('signedYears', () => {
  it('reads dates alone on a line, in Arabic or Chinese numerals', () => {
    expect(signedYears('国务院办公厅\n2015年12月30日\n')).toEqual([2015]);
    expect(signedYears('国务院办公厅\n二〇一五年十二月三十日\n')).toEqual([2015]);
    expect(signedYears('于2015年12月30日印发。\n')).toEqual([]);
  });
});

describe('freshness.redated on a 文号 alone on its line', () => {
  const redated = (file: string) =>
    runRules(own(file), SETTINGS, freshnessRules).findings.filter((f) => f.ruleId === 'freshness.redated');

  it('an old 文号 under the title of a page published years later', () => {
    const page = own('policy-redated-line.html');
    const fs = redated('policy-redated-line.html');
    expect(fs.map((f) => [f.severity, f.evidence])).toEqual([['hint', '国办发〔2015〕95号']]);
    expect(fs[0]!.message).toBe('文号 国办发〔2015〕95号 为 2015 年，发布日期却是 2026-10-12，疑为旧文件重新标注日期发布');
    expect(page.text.slice(fs[0]!.start, fs[0]!.end)).toBe('国办发〔2015〕95号');
  });

  it('not when the text shows its true signing date under the signature', () => {
    expect(redated('policy-line-signed.html')).toEqual([]);
  });

  it('not when the 文号 is only cited in a sentence or listed after the body', () => {
    expect(redated('policy-cites-line.html')).toEqual([]);
  });
});
