/**
 * Matcher throughput over the policy corpus (60 documents + 9 pages, visible text) with the full
 * wording dictionary, against a naive per-pattern indexOf loop in the same run.
 * Unit: MB/s of UTF-16 text (length × 2 bytes). Medians of 9 alternating runs after a warm-up (a matcher run = 10 passes over the corpus, reported per pass).
 * Run alone with `npx tsx tests/bench/matcher.ts`, or as the last part of `npm run bench`.
 */
import { median } from './stats';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dictionaryEntries, wordingDictionary } from '../../lib/rules/wording';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/real');
const RUNS = 9;
const PASSES = 10;
const TARGET_SPEEDUP = 20;
const TARGET_MBPS = 100;

function corpus(): string[] {
  return ['policy', 'pages'].flatMap((dir) =>
    readdirSync(path.join(FIXTURES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) =>
        readFileSync(path.join(FIXTURES, dir, f), 'utf8')
          .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
          .replace(/<[^>]+>/g, '\n')
          .replace(/\s*\n\s*/g, '\n'),
      ),
  );
}

/** The baseline: each pattern searched on its own with indexOf (same hits, no context check). */
function naiveCount(texts: string[], patterns: string[]): number {
  let n = 0;
  for (const t of texts) for (const p of patterns) for (let i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + 1)) n++;
  return n;
}


function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface MatcherBench {
  patterns: number;
  mb: number;
  matcherMs: number;
  naiveMs: number;
  matcherMBps: number;
  naiveMBps: number;
  speedup: number;
}

export function runMatcherBench(log: (s: string) => void = console.log): MatcherBench {
  const texts = corpus();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const mb = (chars * 2) / 1e6;
  const patterns = dictionaryEntries.map((e) => e.wrong);
  let sink = 0;
  // the corpus is small (≈0.5 MB): one matcher sample is PASSES passes, so timer and scheduler
  // noise on a shared machine stay small against it
  const am = () => {
    for (let k = 0; k < PASSES; k++) for (const t of texts) sink += wordingDictionary.match(t).length;
  };
  const nv = () => {
    sink += naiveCount(texts, patterns);
  };
  am(); // warm-up: let the JIT settle
  nv();
  const m: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    m.push(time(am));
    v.push(time(nv));
  }
  const best = Math.min(...m) / PASSES;
  const matcherMs = median(m) / PASSES;
  const naiveMs = median(v);
  const r: MatcherBench = {
    patterns: patterns.length,
    mb,
    matcherMs,
    naiveMs,
    matcherMBps: mb / (matcherMs / 1000),
    naiveMBps: mb / (naiveMs / 1000),
    speedup: naiveMs / matcherMs,
  };
  const ok = (b: boolean) => (b ? 'ok' : 'MISSED');
  log(
    `part 4: wording matcher, ${r.patterns} patterns over ${texts.length} documents (${r.mb.toFixed(2)} MB as UTF-16), median of ${RUNS}: ` +
      `matcher ${r.matcherMs.toFixed(1)} ms = ${r.matcherMBps.toFixed(0)} MB/s [target ≥ ${TARGET_MBPS}: ${ok(r.matcherMBps >= TARGET_MBPS)}], ` +
      `naive indexOf ${r.naiveMs.toFixed(1)} ms = ${r.naiveMBps.toFixed(1)} MB/s, speed-up ${r.speedup.toFixed(1)}× [target ≥ ${TARGET_SPEEDUP}×: ${ok(r.speedup >= TARGET_SPEEDUP)}]; ` +
      `best matcher run ${best.toFixed(1)} ms = ${(mb / (best / 1000)).toFixed(0)} MB/s; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs` +
      (sink < 0 ? '' : ''),
  );
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runMatcherBench();
