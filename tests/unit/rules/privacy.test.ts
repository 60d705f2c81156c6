import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankCardRule, idCardRule, phoneRule } from '../../../lib/rules/privacy';
import { modelFromHtml } from '../../helpers/load-page';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel, Rule } from '../../../lib/types';
import { fakePage } from '../../helpers/fake-page';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/spam');
const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' };

function page(text: string): PageModel {
  return fakePage(text);
}
const run = (rule: Rule, text: string) => rule.check(page(text), settings);

describe('privacy.id-card', () => {
  it('fires on a valid, unmasked number with offsets on it and the number masked in message and evidence', () => {
    const text = '申请人：张三，身份证号：110101199003074477，住址：某村。';
    const fs = run(idCardRule, text);
    expect(fs).toHaveLength(1);
    expect(text.slice(fs[0]!.start, fs[0]!.end)).toBe('110101199003074477');
    expect(fs[0]!.evidence).toBe('1101**********4477');
    expect(fs[0]!.message).not.toContain('110101199003074477');
    expect(fs[0]!.severity).toBe('veto');
  });

  it('normalises full-width digits and accepts a lower-case x', () => {
    expect(run(idCardRule, '证件号１１０１０５１９４９１２３１００２ｘ。')).toHaveLength(1);
    expect(run(idCardRule, '证件号11010519491231002x。')).toHaveLength(1);
  });

  it('stays silent on masked numbers, bad checksums, impossible or future births and longer digit runs', () => {
    for (const t of [
      '身份证号：341102********1234',
      '身份证号：110105********002X',
      '身份证号：110101199003074478',
      '身份证号：440524188001010014',
      '身份证号：110101202701010015',
      '编码 1101011990030744771',
      '订单 A110101199003074477',
    ]) expect(run(idCardRule, t), t).toEqual([]);
  });

  it('tells a 统一社会信用代码 and a 索引号 from an ID number', () => {
    // 341102199001010007 passes both checksums: a credit code unless an ID label says otherwise
    expect(run(idCardRule, '统一社会信用代码：341102199001010007')).toEqual([]);
    expect(run(idCardRule, '代码 341102199001010007')).toEqual([]);
    expect(run(idCardRule, '身份证号码 341102199001010007')).toHaveLength(1);
    expect(run(idCardRule, '索引号：110101199003074477/2021-00050')).toEqual([]);
    expect(run(idCardRule, '纳税人识别号 110101199003074477')).toEqual([]);
  });
});

describe('privacy.phone', () => {
  it('fires on a list of names with unmasked mobiles, masked in the evidence', () => {
    const text = '公示名单\n张建国 13812345678\n李秀英 15987654321\n';
    const fs = run(phoneRule, text);
    expect(fs.map((f) => f.evidence)).toEqual(['张** 138****5678', '李** 159****4321']);
    expect(text.slice(fs[0]!.start, fs[0]!.end)).toBe('13812345678');
    expect(fs[0]!.severity).toBe('hint');
  });

  it('needs two name + mobile pairs; office contacts, places, masked numbers and hotlines do not count', () => {
    expect(run(phoneRule, '联系人：张伟 13907950000')).toEqual([]);
    expect(run(phoneRule, '张建国 13812345678')).toEqual([]);
    expect(run(phoneRule, '联系人：张伟 13907950000；联系人：李强 13907950001')).toEqual([]);
    expect(run(phoneRule, '王村 13812345678\n李庄 13912345678')).toEqual([]);
    expect(run(phoneRule, '张建国 138****5678\n李秀英 159****4321')).toEqual([]);
    expect(run(phoneRule, '咨询电话：0795-3221234，热线 12345，传真 0795-3221235')).toEqual([]);
  });

  it('reads a label with a full-width or a half-width colon alike', () => {
    expect(run(phoneRule, '张建国 电话：13812345678\n李秀英 电话：15987654321')).toEqual([]);
    expect(run(phoneRule, '张建国 电话:13812345678\n李秀英 电话:15987654321')).toEqual([]);
  });
});

describe('privacy.bank-card', () => {
  it('fires on a Luhn-valid number after 银行卡/卡号/账号, grouped or not', () => {
    expect(run(bankCardRule, '本人银行卡号：6222021234567890128')).toHaveLength(1);
    const fs = run(bankCardRule, '卡号 6222 0212 3456 7890 128');
    expect(fs.map((f) => f.evidence)).toEqual(['6222***********0128']);
  });

  it('stays silent without context, on a failed check digit, and on an office collection account', () => {
    expect(run(bankCardRule, '编号 6222021234567890128')).toEqual([]);
    expect(run(bankCardRule, '银行卡号：6222021234567890127')).toEqual([]);
    expect(run(bankCardRule, '户名：清溪县财政局，开户行：工行清溪支行，账号：6222021234567890128')).toEqual([]);
    expect(run(bankCardRule, '收款人：清溪县第一中学，账号：6222021234567890128')).toEqual([]);
    expect(run(bankCardRule, '收款人:清溪县第一中学，账号:6222021234567890128')).toEqual([]);
  });
});

describe('fixtures', () => {
  it('recall: the 公示名单 gives three IDs, three mobiles and one card; nothing else', () => {
    const { model } = modelFromHtml(readFileSync(path.join(FIX, 'id-list.html'), 'utf8'), 'https://www.spam-test.gov.cn/id-list.html');
    expect(idCardRule.check(model, settings).map((f) => f.evidence)).toEqual(['3411**********1234', '3205**********4566', '5101**********3786']);
    expect(phoneRule.check(model, settings).map((f) => f.evidence)).toEqual(['张** 138****5678', '李** 159****4321', '王** 186****1111']);
    expect(bankCardRule.check(model, settings).map((f) => f.evidence)).toEqual(['6222***********0128']);
  });

  it('precision: the look-alike page gives nothing', () => {
    const { model } = modelFromHtml(readFileSync(path.join(FIX, 'clean.html'), 'utf8'), 'https://www.spam-test.gov.cn/clean.html');
    for (const r of [idCardRule, phoneRule, bankCardRule]) expect(r.check(model, settings), r.id).toEqual([]);
  });
});
