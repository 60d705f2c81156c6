/**
 * Check-digit validators for numbers that must not be published (privacy rules) and for the
 * look-alike codes that must not be mistaken for them. Pure; no DOM.
 */

import { foldWidth as fold } from './normalise';

const NUMBER_CHARS = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0A]/g;

/** Full-width digits, letters and ＊ → ASCII (lib/text/normalise.ts), one unit for one, so offsets hold. */
export function foldWidth(s: string): string {
  return fold(s, NUMBER_CHARS);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits, or '' when they are not digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) return '';
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[s % 11]!;
}

/** The birth date (ISO) of an 18-char ID number when it is a real calendar date, else null. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!(y >= 1900) || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * A 居民身份证号 (GB 11643-1999): 18 chars, a non-zero area code, a real birth date from 1900 up
 * to `today` (ISO), and a valid check character.
 */
export function isValidIdCard(id: string, today: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const birth = idBirthDate(id);
  if (!birth || birth > today) return false;
  return idCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/** Luhn (ISO/IEC 7812) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

// GB 32100-2015: 统一社会信用代码 uses 0-9 and the capitals without I O Z S V
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 (GB 32100): 18 chars from its alphabet with a valid check character. */
export function isCreditCode(code: string): boolean {
  const c = code.toUpperCase();
  if (c.length !== 18) return false;
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(c[i]!);
    if (v < 0) return false;
    s += v * CREDIT_WEIGHTS[i]!;
  }
  const check = (31 - (s % 31)) % 31;
  return CREDIT_CHARS[check] === c[17];
}

/** Keeps the first and last `keep` chars, masks the rest: 341102199001011234 → 3411**********1234. */
export function maskNumber(s: string, keep = 4): string {
  if (s.length <= keep * 2) return '*'.repeat(s.length);
  return s.slice(0, keep) + '*'.repeat(s.length - keep * 2) + s.slice(-keep);
}
