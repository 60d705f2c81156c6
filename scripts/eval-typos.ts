/**
 * npm run eval:typos — how well the open-vocabulary typo detectors (lib/typos) do:
 *  - sentence-level detection P/R/F1 on SIGHAN-15 test and ec-law (every 5th line, as issue 9
 *    measured, and all lines); "located" counts flagged error sentences whose finding covers a
 *    changed character;
 *  - recall on the real errors from government sites (tests/unit/typos/corpus.ts realTypos: the
 *    one/two-character substitutions; and every row of the file),
 *    found by the detectors alone (the curated dictionary is not used by them);
 *  - the precision corpus (60 policy documents + 9 real pages): deduct/veto findings (must be 0)
 *    and hints (at most 5), each listed;
 *  - the same sentence sets through the extension's pipeline (scanPage, one sentence per page, the
 *    typos stage answered by the background's own handler): the open-vocabulary rules alone, and
 *    together with the curated dictionary rules (typo.known, expression.political …).
 * `--show` lists every finding on the sentence sets; `--missed` lists the error sentences nothing
 * was found in, with the changed characters marked ([wrong→right]); `--rules` measures each context
 * rule (lib/data/typo-context-rules.json) alone: its hits on both sets and on the precision corpus.
 */
import { detectTypos, loadTypoData, type TypoFinding } from '../lib/typos';
import { contextRules, contextTypos } from '../lib/typos/context-rule';
import { precisionCorpus, realTypos, realTypoRows, sentencePairs, type SentencePair } from '../tests/unit/typos/corpus';
import { scanPage } from '../lib/pipeline/scan-page';
import { typoOpenRules } from '../lib/rules/typo-open';
import { wordingRules } from '../lib/rules/wording';
import { nameOutdatedRules } from '../lib/rules/name-outdated';
import { EXAMPLE_TODAY, EXAMPLE_URL, examplePage } from '../lib/rules/examples';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { answerTypos } from '../lib/typos/answer';
import { parseHtml } from '../tests/helpers/load-page';

const show = process.argv.includes('--show');
const perRule = process.argv.includes('--rules');
const missed = process.argv.includes('--missed');
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
loadTypoData();

/**
 * Slips of the pen only: a regional spelling (typo.regional: 想著, 提昇, 网路 — standard in Taiwan,
 * which the SIGHAN gold, from Taiwanese learners, accepts) is another norm, counted apart.
 */
const REGIONAL = 'typo.regional';
const slips = (found: TypoFinding[]) => found.filter((f) => f.kind !== REGIONAL);
/** The slips reported on a real-typo row's wrong form, in its sentence. */
const rowFindings = (r: { text: string; wrong: string }) => {
  const at = r.text.indexOf(r.wrong);
  return slips(detectTypos([{ text: r.text, start: 0 }])).filter((f) => f.start < at + r.wrong.length && f.end > at);
};

function evalSet(name: string, pairs: SentencePair[]) {
  let tp = 0, fp = 0, fn = 0, located = 0, regionalOk = 0, regionalErr = 0;
  for (const p of pairs) {
    const all = detectTypos([{ text: p.wrong, start: 0 }]);
    const found = slips(all);
    const isError = p.wrong !== p.right;
    if (!found.length && all.length) {
      if (isError) regionalErr++;
      else regionalOk++;
      if (show) console.log(`  REGIONAL ${isError ? 'error' : 'correct'} ${p.line} ${p.wrong} :: ${all.map(describe).join(' | ')}`);
    }
    if (found.length && isError) {
      tp++;
      if (found.some((f) => covers(f, p))) located++;
    } else if (found.length) fp++;
    else if (isError) fn++;
    if (show && found.length) console.log(`  ${isError ? 'TP' : 'FP'} ${p.line} ${p.wrong} :: ${found.map(describe).join(' | ')}`);
    if (missed && isError && !found.length) console.log(`  MISSED ${p.line} ${marked(p)}`);
  }
  const P = tp / (tp + fp), R = tp / (tp + fn);
  console.log(`${name.padEnd(26)} n=${String(pairs.length).padEnd(5)} P ${fmt(P)}  R ${fmt(R)}  F1 ${fmt((2 * P * R) / (P + R))}  (flagged ${tp + fp}, errors ${tp + fn}, located ${located}; regional spellings alone: ${regionalOk} correct + ${regionalErr} error sentences)`);
  return { P, R };
}

/** The wrong sentence with each changed character shown as [wrong→right]. */
function marked(p: SentencePair) {
  let out = '';
  for (let i = 0; i < p.wrong.length; i++) out += p.wrong[i] === p.right[i] ? p.wrong[i] : `[${p.wrong[i]}→${p.right[i] ?? ''}]`;
  return out;
}

function covers(f: TypoFinding, p: SentencePair) {
  for (let i = f.start; i < f.end; i++) if (p.wrong[i] !== p.right[i]) return true;
  return false;
}
const describe = (f: TypoFinding) => `${f.kind} ${f.severity} ${f.wrong}→${f.right}`;

if (perRule) {
  // each context rule alone: TP = a hit on a changed character of an error sentence; FP = a hit
  // in a correct sentence; "off" = a hit in an error sentence on an unchanged character
  console.log('— context rules alone (typo.context), all lines —');
  const sets = (['sighan15-test.tsv', 'ec-law-test.tsv'] as const).map((f) => [f, sentencePairs(f)] as const);
  const corpus = precisionCorpus();
  for (const rule of contextRules()) {
    const parts: string[] = [];
    for (const [file, pairs] of sets) {
      let tp = 0, fp = 0, off = 0;
      for (const p of pairs) {
        for (const f of contextTypos(p.wrong, [], rule.id)) {
          if (p.wrong === p.right) fp++;
          else if (covers(f, p)) tp++;
          else off++;
          if (show) console.log(`    ${rule.id} ${p.wrong === p.right ? 'FP' : covers(f, p) ? 'TP' : 'OFF'} ${file} ${p.line} ${p.wrong}`);
        }
      }
      parts.push(`${file.slice(0, 6)} TP ${tp} FP ${fp} off ${off}`);
    }
    let hits = 0;
    for (const doc of corpus) for (const b of doc.blocks) for (const f of contextTypos(b.text, [], rule.id)) {
      hits++;
      console.log(`    ${rule.id} precision corpus ${doc.file}: …${b.text.slice(Math.max(0, f.start - 12), f.end + 12)}…`);
    }
    console.log(`  ${rule.id.padEnd(22)} ${parts.join('  |  ')}  |  precision corpus ${hits}`);
  }
  process.exit(0);
}

console.log('— sentence sets (detection at sentence level) —');
const results: Record<string, { sample: { P: number; R: number }; all: { P: number; R: number } }> = {};
for (const file of ['sighan15-test.tsv', 'ec-law-test.tsv'] as const) {
  const all = sentencePairs(file);
  // every 5th line: the sample the baseline was measured on; all lines: the test set
  results[file] = { sample: evalSet(`${file} every 5th`, all.filter((_, i) => i % 5 === 0)), all: evalSet(`${file} all`, all) };
}

console.log('\n— real errors from government sites (detectors alone) —');
const real = realTypos();
let hit = 0;
for (const r of real) {
  const found = rowFindings(r);
  if (found.length) hit++;
  console.log(`  ${found.length ? 'found ' : 'missed'} ${r.wrong}→${r.right} (${r.kind})${found.length ? ' :: ' + found.map(describe).join(' | ') : ''}`);
}
console.log(`real typos: ${hit}/${real.length} = ${fmt(hit / real.length)}`);
// every row of the file, including the kinds the subset above leaves out (political wording,
// punctuation, changed length, more than two characters changed), as the issue counts them
let hitAll = 0;
let hitOther = 0;
const allRows = realTypoRows();
// political wording and format rows are list knowledge, not wrong characters
const isListKind = (r: { kind: string }) => r.kind === '政治表述' || r.kind === '标点与格式';
for (const r of allRows) {
  if (!rowFindings(r).length) continue;
  hitAll++;
  if (!isListKind(r)) hitOther++;
}
console.log(`real typos, every row of real-typos.tsv: ${hitAll}/${allRows.length} = ${fmt(hitAll / allRows.length)}`);
const listKinds = allRows.filter(isListKind).length;
console.log(`  (${listKinds} of the ${allRows.length} rows are 政治表述 or 标点与格式 — wording a list knows, not a wrong character — so no open detector reaches more than ${allRows.length - listKinds}/${allRows.length} = ${fmt((allRows.length - listKinds) / allRows.length)}; of the other ${allRows.length - listKinds}, ${hitOther} found)`);

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

console.log('\n— through scanPage (one sentence per page; open slip rules | open + regional + curated wording rules) —');
const OPEN = new Set(typoOpenRules.map((r) => r.id).filter((id) => id !== REGIONAL));
const WORDING = new Set([...typoOpenRules, ...wordingRules, ...nameOutdatedRules].map((r) => r.id));
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const settings = { ...DEFAULT_SETTINGS, today: EXAMPLE_TODAY };
async function pipelineSet(name: string, pairs: SentencePair[]) {
  const tally = { open: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 } };
  for (const p of pairs) {
    const { html, url } = examplePage(`<p>${escapeHtml(p.wrong)}</p>`);
    const scan = await scanPage(parseHtml(html, url ?? EXAMPLE_URL), { url, settings, background: { detectTypos: answerTypos } });
    const isError = p.wrong !== p.right;
    for (const [key, ids] of [['open', OPEN], ['all', WORDING]] as const) {
      const flagged = scan.results.some((f) => ids.has(f.ruleId));
      const t = tally[key];
      if (flagged && isError) t.tp++;
      else if (flagged) t.fp++;
      else if (isError) t.fn++;
    }
  }
  const line = (t: { tp: number; fp: number; fn: number }) => `P ${fmt(t.tp / (t.tp + t.fp))}  R ${fmt(t.tp / (t.tp + t.fn))}`;
  console.log(`${name.padEnd(26)} n=${String(pairs.length).padEnd(5)} open: ${line(tally.open)}  |  open + curated: ${line(tally.all)}`);
}
for (const file of ['sighan15-test.tsv', 'ec-law-test.tsv'] as const) await pipelineSet(`${file} all`, sentencePairs(file));

// every target of the issue, each with its own verdict (a single line hid which one missed)
const S = results['sighan15-test.tsv']!;
const E = results['ec-law-test.tsv']!;
const pr = (x: { P: number; R: number }, p: number, r: number) => [`P ${fmt(x.P)} ≥ ${p}, R ${fmt(x.R)} ≥ ${r}`, x.P >= p && x.R >= r] as const;
const targets: [string, readonly [string, boolean]][] = [
  ['SIGHAN-15, all lines', pr(S.all, 0.8, 0.25)],
  ['SIGHAN-15, every 5th line', pr(S.sample, 0.8, 0.25)],
  ['ec-law, all lines', pr(E.all, 0.85, 0.3)],
  ['ec-law, every 5th line', pr(E.sample, 0.85, 0.3)],
  ['real typos, subset', [`${fmt(hit / real.length)} ≥ 0.60`, hit / real.length >= 0.6]],
  ['real typos, every row', [`${fmt(hitAll / allRows.length)} ≥ 0.60`, hitAll / allRows.length >= 0.6]],
  ['precision corpus', [`扣分/否决 ${severe} = 0, 待复核 ${hints} ≤ 5`, severe === 0 && hints <= 5]],
];
console.log('\n— targets (issue 9) —');
for (const [name, [what, met]] of targets) console.log(`  ${met ? 'met    ' : 'NOT met'}  ${name.padEnd(26)} ${what}`);
// the exit code keeps to precision on the full sets and the corpus: what a change must never lose
const ok = S.all.P >= 0.8 && E.all.P >= 0.85 && severe === 0 && hints <= 5;
process.exitCode = ok ? 0 : 1;
