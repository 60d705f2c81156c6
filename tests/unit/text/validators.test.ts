import { describe, expect, it } from 'vitest';
import { foldWidth, idBirthDate, idCheckChar, isCreditCode, isValidIdCard, luhnValid, maskNumber } from '../../../lib/text/validators';

const TODAY = '2026-11-23';

describe('GB 11643 身份证号', () => {
  it('accepts the published test vectors', () => {
    for (const id of ['11010519491231002X', '110101199003074477', '11010519491231002x']) expect(isValidIdCard(id, TODAY)).toBe(true);
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character, a birth before 1900, in the future or not on the calendar', () => {
    expect(isValidIdCard('110101199003074478', TODAY)).toBe(false);
    // valid checksum, born 1880
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdCard('440524188001010014', TODAY)).toBe(false);
    const future = '11010120270101001';
    expect(isValidIdCard(future + idCheckChar(future), TODAY)).toBe(false);
    const feb30 = '11010119900230001';
    expect(isValidIdCard(feb30 + idCheckChar(feb30), TODAY)).toBe(false);
    expect(idBirthDate('110101200002290011')).toBe('2000-02-29');
    expect(idBirthDate('110101190002290011')).toBeNull();
    expect(isValidIdCard('011010199003074477', TODAY)).toBe(false);
    expect(isValidIdCard('341102********1234', TODAY)).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('recognises valid codes, letters included, and rejects a changed character', () => {
    expect(isCreditCode('91340100MA2N0AB1CJ')).toBe(true);
    expect(isCreditCode('123400004859601231')).toBe(true);
    expect(isCreditCode('91340100MA2N0AB1CK')).toBe(false);
    // I, O, S, V, Z are not in the alphabet
    expect(isCreditCode('91340100MA2N0AB1OJ')).toBe(false);
    expect(isCreditCode('9134')).toBe(false);
  });
});

describe('Luhn', () => {
  it('accepts card numbers with a valid check digit only', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('6222021234567890127')).toBe(false);
    expect(luhnValid('62220212345x')).toBe(false);
  });
});

describe('width folding and masking', () => {
  it('folds full-width digits one for one so offsets hold', () => {
    const s = '证号５１０１０７２００１０８１５３７８６。';
    expect(foldWidth(s)).toBe('证号510107200108153786。');
    expect(foldWidth(s)).toHaveLength(s.length);
    expect(foldWidth('abc')).toBe('abc');
  });

  it('masks all but the ends', () => {
    expect(maskNumber('341102198506121234')).toBe('3411**********1234');
    expect(maskNumber('1234')).toBe('****');
  });
});
