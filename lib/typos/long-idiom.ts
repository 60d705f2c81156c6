/**
 * typo.idiom, long form: a window of 5–8 characters one confusable substitution away from a long
 * idiom of jieba's list (防患于未燃 → 防患于未然, 有过之而无不急 → 有过之而无不及). One
 * substitution leaves the first two or the last two characters intact, so candidates are looked
 * up by either pair; the window itself must be no idiom.
 */
import wordsData from '../data/typo-words.json';
import rules from '../data/typo-rules.json';
import { confusion, confusionReason } from './confusion';
import { hanPair } from './lexicon';
import type { BlockRuns } from './runs';
import { overlaps, type Range } from './skip';
import type { TypoFinding } from './types';
import { oneDiff } from './one-diff';

interface LongIdioms {
  set: Set<string>;
  /** by the hanPair of the first two characters, and of the last two */
  byHead: Map<number, string[]>;
  byTail: Map<number, string[]>;
  /** per char code: bits HEAD_1/HEAD_2/TAIL_1/TAIL_2 when it is the first or second character of
   * some idiom's head or tail pair (most positions of a page fail this before any lookup) */
  charBits: Uint8Array;
}

const HEAD_1 = 1;
const HEAD_2 = 2;
const TAIL_1 = 4;
const TAIL_2 = 8;

let cached: LongIdioms | null = null;

function longIdioms(): LongIdioms {
  if (cached) return cached;
  const list = ((wordsData as { longIdioms?: string }).longIdioms ?? '').split(' ').filter(Boolean);
  const byHead = new Map<number, string[]>();
  const byTail = new Map<number, string[]>();
  const push = (m: Map<number, string[]>, k: number, w: string) => {
    if (k < 0) return;
    const l = m.get(k);
    if (l) l.push(w);
    else m.set(k, [w]);
  };
  const charBits = new Uint8Array(65536);
  for (const w of list) {
    push(byHead, hanPair(w, 0), w);
    push(byTail, hanPair(w, w.length - 2), w);
    charBits[w.charCodeAt(0)]! |= HEAD_1;
    charBits[w.charCodeAt(1)]! |= HEAD_2;
    charBits[w.charCodeAt(w.length - 2)]! |= TAIL_1;
    charBits[w.charCodeAt(w.length - 1)]! |= TAIL_2;
  }
  cached = { set: new Set(list), byHead, byTail, charBits };
  return cached;
}

export function longIdiomTypos(text: string, skip: readonly Range[], block: BlockRuns): TypoFinding[] {
  const L = longIdioms();
  if (!L.set.size) return [];
  const conf = confusion();
  const maxCost = rules.idiom.maxCost;
  const out: TypoFinding[] = [];
  for (const run of block.runs) {
    const s = run.text;
    if (s.length < 5) continue;
    let lastEnd = -1;
    const tryIdiom = (idiom: string, at: number) => {
      if (at < 0 || at + idiom.length > s.length) return;
      const pos = oneDiff(s, at, idiom);
      if (pos < 0) return;
      const cost = conf.costCode(s.charCodeAt(at + pos), idiom.charCodeAt(pos));
      if (!(cost > 0 && cost <= maxCost)) return;
      const start = run.start + at;
      const end = start + idiom.length;
      if (start < lastEnd || overlaps(skip, start, end)) return;
      const wrong = s.slice(at, at + idiom.length);
      if (L.set.has(wrong)) return;
      lastEnd = end;
      out.push({
        start,
        end,
        wrong,
        right: idiom,
        kind: 'typo.idiom',
        severity: 'deduct',
        evidence: `“${wrong}”不成词，与成语（固定词组）“${idiom}”只差一个${confusionReason(cost)}字`,
      });
    };
    const bits = L.charBits;
    for (let i = 0; i + 2 <= s.length; i++) {
      const pairBits = bits[s.charCodeAt(i)]! & (bits[s.charCodeAt(i + 1)]! >> 1);
      if (!(pairBits & (HEAD_1 | TAIL_1))) continue;
      const pair = hanPair(s, i);
      if (pair < 0) continue;
      // idioms starting here (the changed character after their first two), and idioms ending at
      // i + 2 (the changed character before their last two)
      const heads = pairBits & HEAD_1 ? L.byHead.get(pair) : undefined;
      if (heads) for (const w of heads) tryIdiom(w, i);
      const tails = pairBits & TAIL_1 ? L.byTail.get(pair) : undefined;
      if (tails) for (const w of tails) tryIdiom(w, i + 2 - w.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
