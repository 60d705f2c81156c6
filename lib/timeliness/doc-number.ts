/**
 * The 文号 a policy page gives itself (发文字号：国发〔2019〕5号), read only from its label so a
 * document cited in the body (根据国发〔2015〕5号) never counts.
 */
const LABELLED = /(?:发文字号|文\s*号)[\s:：]*([^\n]{0,30}?[〔\[［(（【](\d{4})[〕\]］)）】]\s*第?\s*\d+\s*号)/;

export function ownDocNumber(text: string): { raw: string; year: number; start: number; end: number } | null {
  const m = LABELLED.exec(text);
  if (!m) return null;
  const raw = m[1]!.trim();
  const start = m.index + m[0].length - m[1]!.length + (m[1]!.length - m[1]!.trimStart().length);
  return { raw, year: Number(m[2]), start, end: start + raw.length };
}
