/**
 * npm run bench:typos — throughput of the open-vocabulary typo detectors (lib/typos detectTypos)
 * over the precision corpus (60 policy documents + 9 pages), beside the curated wording matcher
 * (lib/text/matcher via lib/rules/wording) in the same run, and the heap the detectors' data takes
 * once loaded (run with --expose-gc, as the npm script does, for a clean heap delta).
 * Unit: MB/s of UTF-16 text (length × 2 bytes), as tests/bench/matcher.ts. Medians of 7 runs after 5 warm-up passes.
 * A second line gives each detector's median time over the same blocks (the word and idiom
 * detectors share one segmentation pass per block, timed apart as "runs").
 */
import os from 'node:os';
import { median } from './stats';
import { precisionCorpus } from '../unit/typos/corpus';

const RUNS = 7;
const WARMUP = 5;
const TARGET_MBPS = 2;

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function runTypoBench(log: (s: string) => void = console.log) {
  const docs = precisionCorpus();
  const texts = docs.map((d) => d.blocks.map((b) => b.text).join('\n'));
  const mb = (texts.reduce((n, t) => n + t.length, 0) * 2) / 1e6;

  const before = heap();
  const t0 = performance.now();
  const typos = await import('../../lib/typos');
  typos.loadTypoData();
  const loadMs = performance.now() - t0;
  const dataMB = (heap() - before) / 1e6;
  const { wordingDictionary } = await import('../../lib/rules/wording');

  let sink = 0;
  const detect = () => {
    for (const d of docs) sink += typos.detectTypos(d.blocks).length;
  };
  const curated = () => {
    for (const t of texts) sink += wordingDictionary.match(t).length;
  };
  for (let i = 0; i < WARMUP; i++) {
    detect(); // the JIT settles and the confusion cache fills
    curated();
  }
  const dt: number[] = [];
  const ct: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    dt.push(time(detect));
    ct.push(time(curated));
  }
  const detectMBps = mb / (median(dt) / 1000);
  const curatedMBps = mb / (median(ct) / 1000);
  log(
    `typo detectors over ${docs.length} documents (${mb.toFixed(2)} MB as UTF-16), median of ${RUNS}: ` +
      `detectTypos ${median(dt).toFixed(0)} ms = ${detectMBps.toFixed(1)} MB/s [target ≥ ${TARGET_MBPS}: ${detectMBps >= TARGET_MBPS ? 'ok' : 'MISSED'}], ` +
      `curated matcher ${median(ct).toFixed(1)} ms = ${curatedMBps.toFixed(0)} MB/s (${(curatedMBps / detectMBps).toFixed(0)}× the detectors: a ratio that holds on a busy machine); ` +
      `best detectTypos run ${Math.min(...dt).toFixed(0)} ms = ${(mb / (Math.min(...dt) / 1000)).toFixed(1)} MB/s; ` +
      `data load ${loadMs.toFixed(0)} ms, heap after loading +${dataMB.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: rough)'}; ` +
      `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs` +
      (sink < 0 ? '' : ''),
  );
  log(`per detector, median ms over the same ${docs.length} documents: ${await perDetector(docs.flatMap((d) => d.blocks.map((b) => b.text)))}`);
  return { detectMBps, curatedMBps, dataMB, loadMs };
}

/** the detectors that read the run analysis: their time is given less the analysis's own */
const WITH_RUNS = new Set(['word', 'idiom', 'longIdiom', 'rare']);

/** Each detector alone over every block (zero-width characters stripped, as detectTypos does). */
async function perDetector(blocks: string[]): Promise<string> {
  const { stripZeroWidth } = await import('../../lib/text/normalise');
  const { analyseRuns } = await import('../../lib/typos/runs');
  const { wordTypos } = await import('../../lib/typos/word');
  const { idiomTypos } = await import('../../lib/typos/idiom');
  const { longIdiomTypos } = await import('../../lib/typos/long-idiom');
  const { rareVariantTypos } = await import('../../lib/typos/rare-variant');
  const { leaderTypos } = await import('../../lib/typos/leader');
  const { bodyTypos } = await import('../../lib/typos/body');
  const { placeTypos } = await import('../../lib/typos/place');
  const { ganzhiTypos } = await import('../../lib/typos/ganzhi');
  const { geoNameTypos } = await import('../../lib/typos/geo-name');
  const { contextTypos } = await import('../../lib/typos/context-rule');
  const { skipRanges } = await import('../../lib/typos/skip');
  const texts = blocks.map((b) => stripZeroWidth(b).text);
  let sink = 0;
  // the run analysis's arrays are reused block to block: each detector gets its block's own
  const parts: Record<string, (t: string) => void> = {
    runs: (t) => void (sink += analyseRuns(t).runs.length),
    word: (t) => void (sink += wordTypos(t, [], analyseRuns(t)).length),
    idiom: (t) => void (sink += idiomTypos(t, [], analyseRuns(t)).length),
    longIdiom: (t) => void (sink += longIdiomTypos(t, [], analyseRuns(t)).length),
    rare: (t) => void (sink += rareVariantTypos(t, [], analyseRuns(t)).length),
    leader: (t) => void (sink += leaderTypos(t).length),
    body: (t) => void (sink += bodyTypos(t).length),
    place: (t) => void (sink += placeTypos(t).length),
    ganzhi: (t) => void (sink += ganzhiTypos(t).length),
    geo: (t) => void (sink += geoNameTypos(t).length),
    context: (t) => void (sink += contextTypos(t, []).length),
    skip: (t) => void (sink += skipRanges(t, []).length),
  };
  const ms: Record<string, number[]> = {};
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [name, fn] of Object.entries(parts)) {
      const t = time(() => texts.forEach(fn));
      if (i >= WARMUP) (ms[name] ??= []).push(t);
    }
  }
  const runs = median(ms.runs!);
  return Object.entries(ms)
    .map(([name, t]) => `${name} ${(WITH_RUNS.has(name) ? median(t) - runs : median(t)).toFixed(1)}`)
    .join(', ') + ` (${[...WITH_RUNS].join(', ')} without the runs${sink < 0 ? '' : ''})`;
}

await runTypoBench();
