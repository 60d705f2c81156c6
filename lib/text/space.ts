/**
 * The regex class \s (and what String.prototype.trim removes) as a test on one UTF-16 code:
 * loops over long text use it where a regex per character, or a copy, would cost more.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether text[from, to) has at least `min` characters outside \s (stops as soon as it does). */
export function hasNonSpace(text: string, from: number, to: number, min: number): boolean {
  let n = 0;
  for (let i = from; i < to && n < min; i++) if (!isSpaceCode(text.charCodeAt(i))) n++;
  return n >= min;
}
