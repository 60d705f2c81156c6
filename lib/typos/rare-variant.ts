/**
 * typo.word (rare variant): a word of the segmentation that jieba lists only at its frequency floor
 * and that is one character from a far more frequent word, the two characters both read alike and
 * in one look-alike group (腊黄 beside 蜡黄, 缥渺 beside 飘渺): jieba counted the misspelling from
 * its corpus, so it is a word for the segmenter and the word detector never sees it as a slip.
 * Sound or shape alone is not enough (补差/不差, 期数/基数 are words of their own), nor is a place
 * name (平果 is a county-level city), nor a word whose every character is a common word by itself:
 * that is a free combination (货值, 退伙, 万袋), rare as a whole but no slip. A hint only.
 * The pairs are derived once from the word list and the confusion sets, not listed by hand.
 */
import wordsData from '../data/typo-words.json';
import rules from '../data/typo-rules.json';
import { confusion } from './confusion';
import { lexicon } from './lexicon';
import { isDivisionCore } from './place';
import type { BlockRuns } from './runs';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';

const R = rules.rareVariant;

let cached: Map<string, string> | null = null;

/** rare word → the frequent word it misspells */
function variants(): Map<string, string> {
  if (cached) return cached;
  const lex = lexicon(rules.word.minBucket);
  const conf = confusion();
  const out = new Map<string, string>();
  for (const [b, list] of Object.entries(wordsData.words as Record<string, string>)) {
    const bucket = Number(b);
    if (bucket > R.maxWrongBucket) continue;
    for (const w of list.split(' ')) {
      if (w.length < 2 || w.length > R.maxLength || isDivisionCore(w)) continue;
      if ([...w].every((ch) => lex.charBucket[ch.charCodeAt(0)]! >= R.freeCharBucket)) continue;
      let best = '';
      let bestBucket = Math.max(R.minRightBucket, bucket + R.minGap) - 1;
      for (let k = 0; k < w.length; k++) {
        for (const x of conf.homophoneLookAlikes(w[k]!)) {
          const r = w.slice(0, k) + x + w.slice(k + 1);
          const rb = lex.bucket(r);
          if (rb > bestBucket) { best = r; bestBucket = rb; }
        }
      }
      if (best) out.set(w, best);
    }
  }
  cached = out;
  return out;
}

export function rareVariantTypos(text: string, skip: readonly Range[], block: BlockRuns): TypoFinding[] {
  const map = variants();
  const out: TypoFinding[] = [];
  for (const run of block.runs) {
    for (let t = run.first, from = run.start; t < run.last; from = block.ends[t++]!) {
      const end = block.ends[t]!;
      const n = end - from;
      if (n < 2 || n > R.maxLength) continue;
      const w = text.slice(from, end);
      const right = map.get(w);
      if (!right || overlaps(skip, from, end)) continue;
      out.push({
        start: from,
        end,
        wrong: w,
        right,
        kind: 'typo.word',
        severity: 'hint',
        evidence: `“${w}”是罕见写法，与常用词“${right}”同音形近，疑为“${right}”之误`,
      });
    }
  }
  return out;
}
