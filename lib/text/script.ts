/**
 * Is a text written in traditional characters (a site's 繁体版, a reprint from Hong Kong or Taiwan)?
 * Told by the common traditional characters no simplified text uses (國 個 們 這 …,
 * lib/data/traditional-chars.json): checks written for simplified text — the typo detectors above
 * all — would read every 國 as a slip. A stray one (提昇, 乾隆) does not make a block traditional.
 */
import { block as BLOCK, common as COMMON, more as MORE, page as PAGE } from '../data/traditional-chars.json';

// built on first use; the page test needs the commonest only (the content script carries no more)
let commonSet: Set<string> | null = null;
let allSet: Set<string> | null = null;
const common = () => (commonSet ??= new Set(COMMON));
const all = () => (allSet ??= new Set(COMMON + MORE));

interface Threshold {
  minChars: number;
  minShare: number;
  /** only the first this many characters are read (a 繁体版 is traditional throughout) */
  sampleChars?: number;
}

/** How many Han characters the text's first `sample` characters hold, and how many of them are traditional. */
function count(text: string, traditional: Set<string>, sample = Infinity): { han: number; trad: number } {
  let han = 0;
  let trad = 0;
  for (let i = 0, n = Math.min(text.length, sample); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (traditional.has(text[i]!)) trad++;
  }
  return { han, trad };
}

function isTraditional(text: string, traditional: Set<string>, { minChars, minShare, sampleChars }: Threshold): boolean {
  const { han, trad } = count(text, traditional, sampleChars);
  return trad >= minChars && trad >= minShare * han;
}

/**
 * A block (a paragraph) in traditional characters; within a page (or a batch of its blocks) in
 * traditional characters, a short block with any traditional character at all.
 */
export const isTraditionalBlock = (text: string, inTraditionalPage = false): boolean =>
  inTraditionalPage ? count(text, all()).trad > 0 : isTraditional(text, all(), BLOCK);

/** How much of a page the page test reads. */
export const TRADITIONAL_SAMPLE = PAGE.sampleChars;

/** A page whose text is, in the main, in traditional characters. */
export const isTraditionalPage = (text: string): boolean => isTraditional(text, common(), PAGE);
