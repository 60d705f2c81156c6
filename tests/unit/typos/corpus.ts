/**
 * Test corpora of the typo detectors, shared by tests/unit/typos, scripts/eval-typos.ts and
 * tests/bench/typos.ts: the sentence-pair sets (SIGHAN-15, ec-law), the real errors from
 * government sites, and the precision corpus (60 policy documents + 9 real pages, visible text
 * split into blocks). Test data only: nothing here feeds the detectors' data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextBlock } from '../../../lib/typos';

export const REAL = path.resolve(import.meta.dirname, '../../fixtures/real');

export interface SentencePair {
  line: number;
  wrong: string;
  right: string;
}

export function sentencePairs(file: 'sighan15-test.tsv' | 'ec-law-test.tsv'): SentencePair[] {
  return readFileSync(path.join(REAL, 'typos', file), 'utf8')
    .split('\n')
    .map((l, i) => {
      const [wrong = '', right = ''] = l.replace(/\r$/, '').split('\t');
      return { line: i + 1, wrong, right };
    })
    .filter((p) => p.wrong && p.right);
}

export interface RealTypo {
  wrong: string;
  right: string;
  kind: string;
  /** the sentence the error was reported in, or the wrong form alone when the context lacks it */
  text: string;
}

/**
 * The real errors of real-typos.tsv that are character slips: same length, one or two characters
 * differ, not a political wording or punctuation rule (those belong to the curated dictionaries).
 */
/** Every row of real-typos.tsv, in its context sentence when the context holds it. */
export function realTypoRows(): RealTypo[] {
  const rows = readFileSync(path.join(REAL, 'typos', 'real-typos.tsv'), 'utf8').split('\n').slice(1);
  const out: RealTypo[] = [];
  for (const row of rows) {
    const [wrong = '', right = '', kind = '', context = ''] = row.split('\t');
    if (wrong) out.push({ wrong, right, kind, text: context.includes(wrong) ? context : wrong });
  }
  return out;
}

export function realTypos(): RealTypo[] {
  const rows = readFileSync(path.join(REAL, 'typos', 'real-typos.tsv'), 'utf8').split('\n').slice(1);
  const out: RealTypo[] = [];
  for (const row of rows) {
    const [wrong = '', right = '', kind = '', context = ''] = row.split('\t');
    if (!wrong || kind === '政治表述' || kind === '标点与格式' || wrong.length !== right.length) continue;
    const diff = [...wrong].filter((c, i) => c !== right[i]).length;
    if (diff === 0 || diff > 2 || !/^[\u4e00-\u9fff0-9年]+$/u.test(wrong)) continue;
    out.push({ wrong, right, kind, text: context.includes(wrong) ? context : wrong });
  }
  return out;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…' };

/** Visible text of an HTML file, one block per line of text. */
export function htmlBlocks(html: string): TextBlock[] {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m)));
  const blocks: TextBlock[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ text: line, start });
    start += line.length + 1;
  }
  return blocks;
}

/** A plain text as blocks, one per line, with their offsets in the text. */
export function lineBlocks(text: string): TextBlock[] {
  let at = 0;
  return text.split('\n').map((line) => {
    const block = { text: line, start: at };
    at += line.length + 1;
    return block;
  });
}

/** The precision corpus: file name → blocks. */
export function precisionCorpus(): { file: string; blocks: TextBlock[] }[] {
  return ['policy', 'pages'].flatMap((dir) =>
    readdirSync(path.join(REAL, dir))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ file: `${dir}/${f}`, blocks: htmlBlocks(readFileSync(path.join(REAL, dir, f), 'utf8')) })),
  );
}
