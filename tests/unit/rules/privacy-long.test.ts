import { describe, expect, it } from 'vitest';
import type { PageModel } from '../../../lib/types';
import { bankCardRule, idCardRule, phoneRule } from '../../../lib/rules/privacy';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

/**
 * A long page is read unfolded when it has no full-width digit, letter, ＊, ＋ or －; the findings
 * must be those of the folded reading (forced here by one full-width letter far from any number).
 */
const CASES = [
  '申请人：张三，身份证号：110101199003074477，住址：某村。',
  '索引号：110101199003074477／2021-00050。',
  '统一社会信用代码：110101199003074477。',
  '公示名单\n张建国 13812345678\n李秀英 15987654321\n王小明：13700001111\n联系电话：13907950000',
  '本人银行卡号：6222021234567890128，户名：某某。',
  '收款人：某局，账号：6222021234567890128。',
  '手机（13812345678）与电话：（0795）12345678，卡号 6222 0212 3456 7890 128。',
];

const filler = '各单位要认真做好信息公开工作，确保内容准确。\n'.repeat(200);
const page = (text: string) => ({ text }) as PageModel;

describe('privacy rules on long pages', () => {
  for (const c of CASES) {
    it(`finds the same on the unfolded reading: ${c.slice(0, 16)}`, () => {
      const plain = filler + c + filler;
      const forced = plain + 'Ａ';
      for (const rule of [idCardRule, phoneRule, bankCardRule]) {
        expect(rule.check(page(plain), DEFAULT_SETTINGS), rule.id).toEqual(rule.check(page(forced), DEFAULT_SETTINGS));
      }
    });
  }

  it('still fires on a long page (the unfolded reading is not silent)', () => {
    const text = filler + CASES[0] + filler;
    expect(idCardRule.check(page(text), DEFAULT_SETTINGS)).toHaveLength(1);
    expect(phoneRule.check(page(filler + CASES[3] + filler), DEFAULT_SETTINGS).length).toBeGreaterThanOrEqual(2);
    expect(bankCardRule.check(page(filler + CASES[4] + filler), DEFAULT_SETTINGS)).toHaveLength(1);
  });
});
