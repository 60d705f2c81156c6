/**
 * Is a text written in traditional characters (a site's 繁体版, a reprint from Hong Kong or Taiwan)?
 * Told by the common characters of one script only (lib/data/script-chars.json, from Unihan):
 * traditional ones (國 個 們 這 …) and few or no simplified ones (国 个 们 这 …). Checks written for
 * simplified text — the typo detectors above all — would read every 國 as a slip. A stray
 * traditional character (提昇) does not make a block traditional, and a block holding both scripts
 * (关于加強网站內容建設, 繁简混用) is simplified text with slips to report.
 */
// named imports of flat keys: the content script, which tests pages only, ships the two common
// lists and markTraditional alone (the rest is the background's)
import { block as BLOCK, page as PAGE, markTraditional, simplifiedCommon, simplifiedMore, traditionalCommon, traditionalMore } from '../data/script-chars.json';

/** per char code: TRAD for a traditional-only character, SIMP for a simplified-only one (a table: no string per character) */
type ScriptTable = Uint8Array;
const TRAD = 1;
const SIMP = 2;

function table(traditional: string, simplified: string): ScriptTable {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < traditional.length; i++) t[traditional.charCodeAt(i)] = TRAD;
  for (let i = 0; i < simplified.length; i++) t[simplified.charCodeAt(i)] = SIMP;
  return t;
}

// built on first use; the page test reads the commonest characters of each script only: a page is
// told well enough by them (11 % of a real 繁体 通报's Han characters, none of a simplified page's)
let commonTable: ScriptTable | null = null;
let allTable: ScriptTable | null = null;
const common = () => (commonTable ??= table(traditionalCommon, simplifiedCommon));
const all = () => (allTable ??= table(traditionalCommon + traditionalMore, simplifiedCommon + simplifiedMore));

interface Threshold {
  minChars: number;
  minShare: number;
  /** at most this many simplified-only characters per traditional one (more: the text mixes scripts) */
  maxSimplifiedPerTraditional: number;
  /** only the first this many characters are read (a 繁体版 is traditional throughout) */
  sampleChars?: number;
}

/** The text's first `sample` characters: how many are Han, traditional-only, simplified-only. */
function count(text: string, scripts: ScriptTable, sample = Infinity): { han: number; trad: number; simp: number } {
  let han = 0;
  let trad = 0;
  let simp = 0;
  for (let i = 0, n = Math.min(text.length, sample); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    const s = scripts[c];
    if (s === TRAD) trad++;
    else if (s === SIMP) simp++;
  }
  return { han, trad, simp };
}

function isTraditional(text: string, scripts: ScriptTable, t: Threshold): boolean {
  const { han, trad, simp } = count(text, scripts, t.sampleChars);
  return trad >= t.minChars && trad >= t.minShare * han && simp <= t.maxSimplifiedPerTraditional * trad;
}

/**
 * A block (a paragraph) in traditional characters; within a page (or a batch of its blocks) in
 * traditional characters, a short block with any traditional character and no simplified one.
 */
export function isTraditionalBlock(text: string, inTraditionalPage = false): boolean {
  if (!inTraditionalPage) return isTraditional(text, all(), BLOCK);
  const { trad, simp } = count(text, all());
  return trad > 0 && simp === 0;
}

/** How much of a page the page test reads. */
export const TRADITIONAL_SAMPLE = PAGE.sampleChars;

/** A page whose text is, in the main, in traditional characters. */
export const isTraditionalPage = (text: string): boolean => isTraditional(text, common(), PAGE);

/** per char code: its simplified form when it is a traditional form of a recogniser's character, else 0 */
let markTable: Uint16Array | null = null;
let utf16: TextDecoder | null = null;

/**
 * A 繁体 page's text as the footer and date recognisers read it: their characters' traditional
 * forms simplified (網站標識碼 → 网站标识码, 贛ICP備 → 赣ICP备, 發佈時間 → 发布时间), one character
 * for one, so every offset is the page's. The recognisers and their data stay simplified-only.
 */
export function simplifyMarks(text: string): string {
  if (!markTable) {
    markTable = new Uint16Array(0x10000);
    for (let i = 0; i + 1 < markTraditional.length; i += 2) markTable[markTraditional.charCodeAt(i)] = markTraditional.charCodeAt(i + 1);
  }
  // through a code-unit array: a replace() callback per character took ~100 ms on a 2 MB page
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = markTable[c] || c;
  }
  return (utf16 ??= new TextDecoder('utf-16le')).decode(units);
}
