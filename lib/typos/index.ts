/**
 * detectTypos: the open-vocabulary typo detectors over a page's text blocks. Pure: no DOM, no
 * storage, so it runs in the background or an offscreen document; the data is loaded on first
 * use and kept (loadTypoData warms it up ahead of time).
 * Zero-width characters are ignored and offsets point back into the page text. The word and idiom
 * detectors skip titles of other works and person-name contexts; every detector skips the
 * caller's exception phrases. Where two findings overlap, the more specific one is kept
 * (name and year checks before idioms, idioms before single words, single words before the
 * context rules for real-word confusions). A proposed correction that is the mainland standard for
 * a Taiwan or traditional spelling is reported as such (typo.regional).
 */
import rules from '../data/typo-rules.json';
import { stripZeroWidth, toOriginalRange } from '../text/normalise';
import { isTraditionalBlock, isTraditionalPage, TRADITIONAL_SAMPLE } from '../text/script';
import { bodyTypos } from './body';
import { confusion } from './confusion';
import { contextTypos } from './context-rule';
import { divisionGapTypos } from './division-gap';
import { ganzhiTypos } from './ganzhi';
import { geoNameTypos } from './geo-name';
import { idiomTypos } from './idiom';
import { leaderTypos } from './leader';
import { longIdiomTypos } from './long-idiom';
import { lexicon } from './lexicon';
import { placeTypos } from './place';
import { rareVariantTypos } from './rare-variant';
import { relabelRegional } from './regional';
import { analyseRuns } from './runs';
import { exceptionRanges, overlaps, skipRanges } from './skip';
import type { TextBlock, TypoContext, TypoFinding, TypoKind } from './types';
import { wordTypos } from './word';

export type { TextBlock, TypoContext, TypoFinding, TypoKind, TypoRequest, TypoSeverity } from './types';

/** Order of preference when findings overlap. */
const PRIORITY: TypoKind[] = ['expression.leader-name', 'name.body-variant', 'name.place-province', 'name.place-variant', 'typo.ganzhi', 'typo.idiom', 'typo.word', 'typo.context'];

export function loadTypoData(): void {
  lexicon(rules.word.minBucket);
  confusion();
  detectTypos([{ text: '习近平住房和城乡建设局湖南省长沙市己亥年再接再厉', start: 0 }], {});
}

export function detectTypos(blocks: readonly TextBlock[], context: TypoContext = {}): TypoFinding[] {
  const out: TypoFinding[] = [];
  const texts: string[] = [];
  // a paragraph in traditional characters (繁体版) is not read as simplified text full of slips
  const traditionalBatch = context.traditionalPage === true || isTraditionalPage(batchSample(blocks));
  for (const block of blocks) {
    if (isTraditionalBlock(block.text, traditionalBatch)) continue;
    const norm = stripZeroWidth(block.text);
    const text = norm.text;
    texts.push(text);
    const exceptionOnly = exceptionRanges(text, context.exceptions);
    const skip = skipRanges(text, context.exceptions);
    const runs = analyseRuns(text);
    const found = [
      ...leaderTypos(text),
      ...bodyTypos(text),
      ...placeTypos(text),
      ...geoNameTypos(text),
      ...divisionGapTypos(text),
      ...ganzhiTypos(text),
      ...idiomTypos(text, skip, runs),
      ...longIdiomTypos(text, skip, runs),
      ...wordTypos(text, skip, runs),
      ...rareVariantTypos(text, skip, runs),
      ...contextTypos(text, skip),
    ].filter((f) => !overlaps(exceptionOnly, f.start, f.end));
    found.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start);
    const kept: TypoFinding[] = [];
    for (const f of found) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f);
    for (const f of kept) {
      const r = toOriginalRange(norm, f.start, f.end);
      out.push({ ...f, start: block.start + r.start, end: block.start + r.end });
    }
  }
  // regional spellings are told apart after the page's own terms went (a relabelling only)
  return relabelRegional(dropPageTerms(out, texts)).sort((a, b) => a.start - b.start);
}

/** The batch's first blocks, as much text as the traditional-page test reads. */
function batchSample(blocks: readonly TextBlock[]): string {
  let sample = '';
  for (const b of blocks) {
    if (sample.length >= TRADITIONAL_SAMPLE) break;
    sample += b.text + '\n';
  }
  return sample;
}

/**
 * A non-word written the same way more than once in a page is the page's own term (a place, a
 * product, an abbreviation: 科创板 … 科创板), not a slip of the pen: its typo.word hints go.
 */
function dropPageTerms(found: TypoFinding[], texts: readonly string[]): TypoFinding[] {
  if (!found.some((f) => f.kind === 'typo.word' && f.severity === 'hint')) return found;
  const page = texts.join('\n');
  const count = (w: string) => {
    let n = 0;
    for (let i = page.indexOf(w); i >= 0 && n < rules.word.pageTermMinCount; i = page.indexOf(w, i + 1)) n++;
    return n;
  };
  return found.filter((f) => f.kind !== 'typo.word' || f.severity !== 'hint' || count(f.wrong) < rules.word.pageTermMinCount);
}
