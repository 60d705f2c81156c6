/**
 * npm run eval:typos — how well the open-vocabulary typo detectors (lib/typos) do:
 *  - sentence-level detection P/R/F1 on SIGHAN-15 test and ec-law (every 5th line, as issue 9
 *    measured, and all lines); "located" counts flagged error sentences whose finding covers a
 *    changed character;
 *  - recall on the real errors from government sites (tests/unit/typos/corpus.ts realTypos),
 *    found by the detectors alone (the curated dictionary is not used by them);
 *  - the precision corpus (60 policy documents + 9 real pages): deduct/veto findings (must be 0)
 *    and hints (at most 5), each listed.
 * `--show` lists every finding on the sentence sets.
 */
import { detectTypos, loadTypoData, type TypoFinding } from '../lib/typos';
import { precisionCorpus, realTypos, sentencePairs, type SentencePair } from '../tests/unit/typos/corpus';

const show = process.argv.includes('--show');
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
loadTypoData();

function evalSet(name: string, pairs: SentencePair[]) {
  let tp = 0, fp = 0, fn = 0, located = 0;
  for (const p of pairs) {
    const found = detectTypos([{ text: p.wrong, start: 0 }]);
    const isError = p.wrong !== p.right;
    if (found.length && isError) {
      tp++;
      if (found.some((f) => covers(f, p))) located++;
    } else if (found.length) fp++;
    else if (isError) fn++;
    if (show && found.length) console.log(`  ${isError ? 'TP' : 'FP'} ${p.line} ${p.wrong} :: ${found.map(describe).join(' | ')}`);
  }
  const P = tp / (tp + fp), R = tp / (tp + fn);
  console.log(`${name.padEnd(26)} n=${String(pairs.length).padEnd(5)} P ${fmt(P)}  R ${fmt(R)}  F1 ${fmt((2 * P * R) / (P + R))}  (flagged ${tp + fp}, errors ${tp + fn}, located ${located})`);
  return { P, R };
}

function covers(f: TypoFinding, p: SentencePair) {
  for (let i = f.start; i < f.end; i++) if (p.wrong[i] !== p.right[i]) return true;
  return false;
}
const describe = (f: TypoFinding) => `${f.kind} ${f.severity} ${f.wrong}→${f.right}`;

console.log('— sentence sets (detection at sentence level) —');
const results: Record<string, { P: number; R: number }> = {};
for (const file of ['sighan15-test.tsv', 'ec-law-test.tsv'] as const) {
  const all = sentencePairs(file);
  results[file] = evalSet(`${file} every 5th`, all.filter((_, i) => i % 5 === 0));
  evalSet(`${file} all`, all);
}

console.log('\n— real errors from government sites (detectors alone) —');
const real = realTypos();
let hit = 0;
for (const r of real) {
  const at = r.text.indexOf(r.wrong);
  const found = detectTypos([{ text: r.text, start: 0 }]).filter((f) => f.start < at + r.wrong.length && f.end > at);
  if (found.length) hit++;
  console.log(`  ${found.length ? 'found ' : 'missed'} ${r.wrong}→${r.right} (${r.kind})${found.length ? ' :: ' + found.map(describe).join(' | ') : ''}`);
}
console.log(`real typos: ${hit}/${real.length} = ${fmt(hit / real.length)}`);

console.log('\n— precision corpus (60 policy documents + 9 pages) —');
let severe = 0, hints = 0, chars = 0;
for (const doc of precisionCorpus()) {
  chars += doc.blocks.reduce((n, b) => n + b.text.length, 0);
  for (const f of detectTypos(doc.blocks)) {
    if (f.severity === 'hint') hints++;
    else severe++;
    console.log(`  ${doc.file}: ${describe(f)} — ${f.evidence}`);
  }
}
console.log(`precision corpus: ${chars} characters, deduct/veto ${severe} (must be 0), hints ${hints} (at most 5)`);

const ok = results['sighan15-test.tsv']!.P >= 0.8 && results['ec-law-test.tsv']!.P >= 0.85 && severe === 0 && hints <= 5;
console.log(`\nprecision targets ${ok ? 'met' : 'NOT met'} (targets: SIGHAN P ≥ 0.80, R ≥ 0.25; ec-law P ≥ 0.85, R ≥ 0.30; real ≥ 60 %)`);
process.exitCode = ok ? 0 : 1;
