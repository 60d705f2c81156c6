/**
 * Text helpers of the Word 通报: page text made safe for a text run, one-pass templates, and the
 * Chinese ordinals of official headings (一、 （一）).
 */

// characters XML 1.0 forbids (a document holding one will not open), and lone surrogate halves
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Page text for one text run: invalid characters dropped, whitespace runs folded to one space,
 * cut to `max` characters (with …). It is only ever a run's text, so markup or formula-like
 * strings stay literal.
 */
export function plainText(s: string, max = Infinity): string {
  const t = s.replace(XML_INVALID, '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  // do not cut a surrogate pair in half
  let end = max;
  if (/[\uD800-\uDBFF]/.test(t[end - 1] ?? '')) end--;
  return t.slice(0, end) + '…';
}

/** Fills {name} slots in one pass: a value holding "{x}" is never expanded again. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never reach 100). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? DIGITS[tens]! : '') + '十' + (ones ? DIGITS[ones]! : '');
}
