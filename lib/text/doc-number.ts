/**
 * 发文字号 (GB/T 9704-2012 7.2.4): 发文机关代字 + 年份 in 六角括号〔〕 + 序号 + 号, e.g. 国发〔2019〕5号.
 * Finds 文号-shaped strings and lists what is off: lookalike brackets ([2020] 【2020】 (2020) （2020）
 * ﹝2020﹞), a two-digit year, 第 before the number, a leading zero, no 号.
 * 国令第707号 (no year) is a different, correct form and is not matched.
 * Also the one reader of a page's own 文号 and its year (ownDocNumber).
 */

export interface DocNumberIssue {
  start: number;
  end: number;
  raw: string;
  fixed: string;
  problems: string[];
}

/** Brackets a 文号 year is written in, right (〔〕) or wrong: regex class bodies. */
const OPEN_ANY = '〔\\[【(（﹝〖［';
const CLOSE_ANY = '〕\\]】)）﹞〗］';

// an agency code (CJK) right before a bracketed year, then the number. The agency is a lookbehind
// so the search starts at the rare bracket characters, not at every Chinese character.
const DOC_NO = new RegExp(
  `(?<=[\\u4e00-\\u9fff]\\s?)([${OPEN_ANY}])\\s?((?:19|20)\\d{2}|\\d{2})\\s?([${CLOSE_ANY}])\\s?(第)?\\s?(\\d{1,5})(号)?`,
  'g',
);

const OPEN_OK = '〔';
const CLOSE_OK = '〕';

export function findDocNumberIssues(text: string): DocNumberIssue[] {
  const out: DocNumberIssue[] = [];
  for (const m of text.matchAll(DOC_NO)) {
    const [raw, open, year, close, di, num, hao] = m as unknown as string[];
    // the agency code cannot be told from the words before it (印发京政发…): report from the bracket
    const start = m.index!;
    const end = m.index! + raw!.length;
    const next = text[end] ?? '';
    if (/\d/.test(next)) continue; // a longer number: not this form
    const problems: string[] = [];
    const bracketsOk = open === OPEN_OK && close === CLOSE_OK;
    // Without 号 and without the right brackets the string is too unsure to be a 文号 at all
    if (!hao && !bracketsOk) continue;
    // a two-digit "year" in round brackets is most often a list number, e.g. 条件(1)3项
    if (year!.length === 2 && !bracketsOk && !hao) continue;
    if (!bracketsOk) problems.push(`年份应使用六角括号“〔〕”，不用“${open}${close}”`);
    if (year!.length === 2) problems.push('年份应写全四位');
    if (di) problems.push('序号前不加“第”');
    if (num!.length > 1 && num!.startsWith('0')) problems.push('序号不编虚位（不加“0”）');
    if (!hao) {
      // 国发〔2019〕5、6号 lists share one 号
      if (next === '、' || next === '-' || next === '至') continue;
      problems.push('序号后缺“号”');
    }
    if (!problems.length) continue;
    // a two-digit year cannot be completed with certainty; keep it and say so
    const fullYear = year!;
    const fixed = `〔${fullYear}〕${String(Number(num))}号`;
    out.push({ start, end, raw: text.slice(start, end), fixed, problems });
  }
  return out;
}

/** The labelled 文号 (发文字号：国发〔2019〕5号, 文号: …): group 1 the 文号, group 2 its year. */
const LABELLED = new RegExp(`(?:发文字号|文\\s*号)[\\s:：]*([^\\n]{0,30}?[${OPEN_ANY}](\\d{4})[${CLOSE_ANY}]\\s*第?\\s*\\d+\\s*号)`);

/**
 * The 文号 a policy page gives itself, read only from its label so a document cited in the body
 * (根据国发〔2015〕5号) never counts.
 */
export function ownDocNumber(text: string): { raw: string; year: number; start: number; end: number } | null {
  const m = LABELLED.exec(text);
  if (!m) return null;
  const raw = m[1]!.trim();
  const start = m.index + m[0].length - m[1]!.length + (m[1]!.length - m[1]!.trimStart().length);
  return { raw, year: Number(m[2]), start, end: start + raw.length };
}
