/**
 * typo.idiom: a 4-character window that is no word but becomes a 4-character idiom of jieba's list
 * by one confusable substitution (再接再励 → 再接再厉, 迫不急待 → 迫不及待).
 */
import rules from '../data/typo-rules.json';
import { confusion, confusionReason } from './confusion';
import { hanPair, lexicon } from './lexicon';
import { analyseRuns, isWordAt, type BlockRuns } from './runs';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';

export function idiomTypos(text: string, skip: readonly Range[], block: BlockRuns = analyseRuns(text)): TypoFinding[] {
  const lex = lexicon(rules.word.minBucket);
  const conf = confusion();
  const out: TypoFinding[] = [];
  for (const run of block.runs) {
    const s = run.text;
    let lastEnd = -1;
    for (let i = 0; i + 4 <= s.length; i++) {
      // (the cheapest tests first: the segmentation's word bits)
      if (isWordAt(block, run.start + i, 4)) continue;
      // two words side by side (职业 资格) are a compound, not a misspelt expression
      if (isWordAt(block, run.start + i, 2) && isWordAt(block, run.start + i + 2, 2)) continue;
      // one substitution leaves the first or the last two characters of the idiom intact
      const head = lex.idiomHeads.has(hanPair(s, i));
      const tail = lex.idiomTails.has(hanPair(s, i + 2));
      if (!head && !tail) continue;
      let best: { right: string; cost: number } | null = null;
      // a change in the first half needs an idiom ending in this tail, one in the second half an
      // idiom starting with this head
      for (let pos = tail ? 0 : 2; pos < (head ? 4 : 2); pos++) {
        // a changed first or last character that makes a word with its outside neighbour
        // (国务院领导, 的十四届 → …第十四届) means the window straddles a word boundary
        if (pos === 0 && i > 0 && isWordAt(block, run.start + i - 1, 2)) continue;
        if (pos === 3 && i + 4 < s.length && isWordAt(block, run.start + i + 3, 2)) continue;
        const wrong = s.charCodeAt(i + pos);
        // so does a function character at the edge (的十四届 is 的 + 十四届, not 第十四届)
        if ((pos === 0 || pos === 3) && lex.charBucket[wrong]! >= rules.idiom.edgeFunctionBucket) continue;
        for (const idiom of lex.idiomsMasked(s, i, pos) ?? []) {
          const cost = conf.costCode(wrong, idiom.charCodeAt(pos));
          if (cost > 0 && cost <= rules.idiom.maxCost && (!best || cost < best.cost)) best = { right: idiom, cost };
        }
      }
      const start = run.start + i;
      if (!best || start < lastEnd || overlaps(skip, start, start + 4)) continue;
      lastEnd = start + 4;
      const w = s.slice(i, i + 4);
      out.push({
        start,
        end: start + 4,
        wrong: w,
        right: best.right,
        kind: 'typo.idiom',
        severity: 'deduct',
        evidence: `“${w}”不成词，与四字成语（固定词组）“${best.right}”只差一个${confusionReason(best.cost)}字`,
      });
    }
  }
  return out;
}
