/**
 * The main-content region (the article) of a page, found by @mozilla/readability on a clone of
 * the document (Readability changes the tree it reads), only on article-like pages and only
 * below a size limit (it parses the whole clone in one go: on a large page that is one long
 * task). Its text is mapped back to [start, end) of the page text by anchoring the first and
 * last lines of the article.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import limits from '../data/scan-limits.json';

export interface MainRegion {
  start: number;
  end: number;
}

/** Anchors shorter than this could match navigation words. */
const MIN_ANCHOR = 8;
/** How much of the first/last line is searched for. */
const ANCHOR_CHARS = 24;

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Lines of the article long enough to anchor on, white space removed. */
function anchorLines(article: string): string[] {
  return article
    .split('\n')
    .map(squeeze)
    .filter((l) => l.length >= MIN_ANCHOR);
}

/** [start, end) of the article's first and last lines in the page text, or null when either is not found. */
export function mapArticle(text: string, article: string): MainRegion | null {
  const lines = anchorLines(article);
  if (!lines.length) return null;
  const first = lines[0]!.slice(0, ANCHOR_CHARS);
  const last = lines[lines.length - 1]!.slice(-ANCHOR_CHARS);
  // the page text keeps spaces inside lines; search a copy without them, with a way back
  const pos: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    flat += c;
    pos.push(i);
  }
  const s = flat.indexOf(first);
  if (s < 0) return null;
  const e = flat.lastIndexOf(last);
  if (e < s) return null;
  return { start: pos[s]!, end: pos[e + last.length - 1]! + 1 };
}

/**
 * Whether to look for the article at all: 'too-large' above the limits of
 * lib/data/scan-limits.json (Readability parses in one go: on the 2 MB bench page it takes
 * ~170 ms, one long task on the page's main thread), false when the page is not article-like.
 */
export function articleLike(doc: Document, text: string): boolean | 'too-large' {
  if (text.length > limits.readabilityMaxChars) return 'too-large';
  const root = doc.documentElement;
  if (!root) return false;
  if (root.getElementsByTagName('*').length > limits.readabilityMaxElements) return 'too-large';
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

/** The article region Readability finds on a clone of `doc`, or null when none maps back to the text. */
export function parseArticle(doc: Document, text: string): MainRegion | null {
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability(clone, { maxElemsToParse: limits.readabilityMaxElements }).parse();
    if (!article?.textContent) return null;
    return mapArticle(text, article.textContent);
  } catch {
    // an odd document: no region, the checks read the whole text as before
    return null;
  }
}
