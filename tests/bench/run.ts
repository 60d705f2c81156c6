/**
 * `npm run bench`: scan cost of the real scan code in real Chromium.
 *
 * Part 1 (plain Chromium, no extension): on each real fixture page and a generated ~2 MB page,
 * time buildPageModel + runRules (synchronously, bundled from lib/) against a bare TreeWalker
 * over the same DOM; medians of 7 alternating samples after a warm-up. Also a per-stage profile.
 * Part 2 (built extension loaded, pages under bench.gov.cn): the content script scans by itself;
 * a main-world PerformanceObserver('longtask') installed before navigation records the long
 * tasks, and the longest one from load+250 ms on (the scan starts ≥300 ms after load) is reported.
 *
 * Then: page load with and without the extension (tests/bench/page-load.ts, also `npm run bench:load`),
 * the crawl, the store and the matcher benches.
 * Options: --only <substring> (pages to run), --no-ext (skip part 2), --quiet-profile,
 * --scan-only (stop after parts 1 and 2), --alloc (also what the scan allocates, by function).
 * A report, not a test: exits 0 when a target is missed, 1 when the bench itself fails.
 */
import { median } from './stats';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_DIR, ROOT, buildState, ensureBuilt } from '../../cli/build';
import { findChromium } from '../../scripts/chromium.mjs';
import { launchWithExtension, type LaunchedBrowser } from '../../cli/browser';
import { serveFolder, type StaticServer } from '../../cli/serve';
import { bundlePageEntry } from './bundle';
import { profileScans, type CpuBreakdown } from './cpu-profile';
import { profileAllocations } from './alloc-profile';
import { generateGovPage } from './gen-page';
import { runCrawlBench } from './crawl';
import { runMatcherBench } from './matcher';
import { runStoreBench } from './store';
import { runPageLoadBench, parseLoadArgs } from './page-load';
import type { ChunkedRun, Profile, ScanSample, WalkSample } from './page-entry';
import targets from './targets.json';
import { longTaskProbe } from './long-task-probe';

const PAGES_DIR = path.resolve(ROOT, 'tests/fixtures/real/pages');
const OUT_DIR = path.join(ROOT, '.bench-out');
const HOST = 'bench.gov.cn';
const SAMPLES = 7;
/** milliseconds of work per walk or scan sample (each sample is the mean of as many runs) */
const SAMPLE_MS = 100;
/** milliseconds of scans (and of walks) run before sampling, so both are measured compiled */
const WARMUP_MS = 1000;

async function warmUp(run: (reps: number) => Promise<{ ms: number }>, firstMs: number): Promise<void> {
  let spent = 0;
  let per = Math.max(firstMs, 0.01);
  for (let i = 0; i < 30 && spent < WARMUP_MS; i++) {
    const reps = clamp(Math.ceil(Math.min(SAMPLE_MS, WARMUP_MS - spent) / per), 1, 400);
    const r = await run(reps);
    per = Math.max(r.ms, 0.01);
    spent += r.ms * reps;
  }
}
const TARGET_RATIO = targets.realPageScanToWalkRatio;
const TARGET_BIG_MS = targets.bigPageScanMs;
const TARGET_TASK_MS = targets.longTaskMs;
/** issue 8 item 9: the generated 2 MB page's scan within this many bare TreeWalker walks */
const TARGET_BIG_RATIO = targets.bigPageScanToWalkRatio;
/** the scan starts ≥300 ms after load; tasks starting from here on count as the scan's */
const SCAN_WINDOW_AFTER_LOAD = 250;

interface Args {
  only: string[];
  ext: boolean;
  profile: boolean;
  /** skip the page-load, crawl, store and matcher benches after part 2 */
  scanOnly: boolean;
  /** also print what the scan allocates (sampling heap profile) */
  alloc: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { only: [], ext: true, profile: true, scanOnly: false, alloc: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    if (v === '--only') a.only.push(argv[++i] ?? '');
    else if (v === '--no-ext') a.ext = false;
    else if (v === '--quiet-profile') a.profile = false;
    else if (v === '--scan-only') a.scanOnly = true;
    else if (v === '--alloc') a.alloc = true;
    else throw new Error(`unknown option ${v}`);
  }
  return a;
}

interface BenchPage {
  name: string;
  /** served from this folder (read in place) */
  dir: string;
  file: string;
  bytes: number;
  generated: boolean;
}

interface LongTask {
  start: number;
  duration: number;
}

interface LongTaskResult {
  load: number | null;
  /** performance.now() when the overlay host appeared (the scan's first task) */
  overlayAt: number | null;
  doneAt: number;
  overlayCount: number;
  tasks: LongTask[];
  longestAll: number;
  longestScan: number;
  scanTasks: LongTask[];
  error?: string;
}

interface PageResult {
  page: string;
  generated: boolean;
  sizeKB: number;
  textChars: number;
  walkMs: number;
  scanMs: number;
  firstScanMs: number;
  ratio: number;
  walkReps: number;
  scanReps: number;
  findings: number;
  reported: number;
  ruleErrors: string[];
  walkSamples: number[];
  scanSamples: number[];
  profile?: Profile;
  /** V8 sampling profile of repeated scans: self time per scan */
  cpu?: CpuBreakdown;
  /** the content script's task structure replayed in the page: first (cold) and second run */
  replay?: { cold: ChunkedRun; warm: ChunkedRun };
  longTasks?: LongTaskResult;
}

type BenchApi = {
  scan(reps: number): ScanSample;
  walk(reps: number): WalkSample;
  profile(): Profile;
  today: string;
};

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const f1 = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function log(s: string) {
  process.stderr.write(s + '\n');
}

function hostRules(): string {
  return `MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;
}

function listPages(tmp: string, only: string[]): BenchPage[] {
  if (!existsSync(PAGES_DIR)) throw new Error(`fixture pages not found: ${PAGES_DIR}`);
  const pages: BenchPage[] = readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({ name: file.replace(/\.html$/, ''), dir: PAGES_DIR, file, bytes: statSync(path.join(PAGES_DIR, file)).size, generated: false }));
  if (pages.length === 0) throw new Error(`no *.html in ${PAGES_DIR}`);
  const gen = generateGovPage();
  const genDir = path.join(tmp, 'generated');
  mkdirSync(genDir, { recursive: true });
  writeFileSync(path.join(genDir, 'generated-2mb.html'), gen.html);
  pages.push({ name: 'generated-2mb', dir: genDir, file: 'generated-2mb.html', bytes: gen.bytes, generated: true });
  return only.length ? pages.filter((p) => only.some((o) => p.name.includes(o))) : pages;
}

async function serveAll(pages: BenchPage[]): Promise<{ url(p: BenchPage): string; close(): Promise<void> }> {
  const servers = new Map<string, StaticServer>();
  for (const p of pages) if (!servers.has(p.dir)) servers.set(p.dir, await serveFolder(p.dir));
  return {
    url: (p) => `http://${HOST}:${servers.get(p.dir)!.port}/${encodeURIComponent(p.file)}`,
    close: async () => {
      await Promise.all([...servers.values()].map((s) => s.close()));
    },
  };
}

function api(page: Page) {
  const call = <T>(fn: string, arg?: number) =>
    page.evaluate(
      ([f, a]) => {
        const b = (globalThis as unknown as { __bench: Record<string, (x?: number) => unknown> }).__bench;
        return b[f as string]!(a as number | undefined);
      },
      [fn, arg] as const,
    ) as Promise<T>;
  return {
    scan: (reps: number) => call<ScanSample>('scan', reps),
    walk: (reps: number) => call<WalkSample>('walk', reps),
    profile: () => call<Profile>('profile'),
    chunked: () => call<ChunkedRun>('chunked'),
  };
}

// ---------------------------------------------------------------- part 1: scan vs bare walk

async function measureScan(browser: Browser, bundle: string, pages: BenchPage[], urlOf: (p: BenchPage) => string, withProfile: boolean, withAlloc = false): Promise<PageResult[]> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const results: PageResult[] = [];
  try {
    for (const p of pages) {
      const page = await ctx.newPage();
      try {
        await page.goto(urlOf(p), { waitUntil: 'load', timeout: 30_000 });
        await page.addScriptTag({ path: bundle });
        const b = api(page);
        // warm-up (also the cold, first-ever scan of this page in this renderer); then scans and
        // walks until each has run WARMUP_MS: the scan is a lot of code, and V8 was still tiering
        // it up during the first dozen scans of the 2 MB page (38, 27, then 16 ms each), while
        // the few lines of the walk are compiled at once. Sampled half-warm, the scan's median was
        // a measure of the JIT as much as of the scan (the first scan is reported on its own)
        const first = await b.scan(1);
        await b.walk(1);
        await warmUp((n) => b.scan(n), first.ms);
        await warmUp((n) => b.walk(n), (await b.walk(1)).ms);
        // calibrate so one sample is well above the timer's ~0.1 ms resolution and long enough
        // that one interruption by another process on a busy machine does not decide it: the walk
        // and the scan alike run about SAMPLE_MS per sample (a 30 ms scan was one run per sample,
        // its medians swinging 18–45 ms with the machine's load while the averaged walk held)
        const w1 = await b.walk(1);
        const s1 = await b.scan(1);
        const walkReps = clamp(Math.ceil(SAMPLE_MS / Math.max(w1.ms, 0.01)), 1, 400);
        const scanReps = clamp(Math.ceil(SAMPLE_MS / Math.max(s1.ms, 0.1)), 1, 40);
        const walks: number[] = [];
        const scans: number[] = [];
        let last: ScanSample = s1;
        for (let i = 0; i < SAMPLES; i++) {
          walks.push((await b.walk(walkReps)).ms);
          last = await b.scan(scanReps);
          scans.push(last.ms);
        }
        let profile: Profile | undefined;
        if (withProfile) {
          const profs: Profile[] = [];
          for (let i = 0; i < 3; i++) profs.push(await b.profile());
          profile = medianProfile(profs);
        }
        let cpu: CpuBreakdown | undefined;
        if (withProfile) {
          const reps = p.generated ? 3 : 20;
          cpu = await profileScans(ctx, page, bundle, reps, () => b.scan(reps));
          cpu.functions = cpu.functions.slice(0, 30);
        }
        if (withAlloc) {
          const reps = p.generated ? 3 : 20;
          const a = await profileAllocations(ctx, page, bundle, reps, () => b.scan(reps));
          log(`  allocations, ${p.name}: ${Math.round(a.totalKb)} KB per scan; top:`);
          for (const f of a.functions.slice(0, 25)) log(`    ${f.kb.toFixed(0).padStart(7)} KB  ${f.fn}  [${f.module}]`);
        }
        // replay the content script's chunked scan on a fresh load (cold code, like a real page)
        let replay: PageResult['replay'];
        if (withProfile) {
          const fresh = await ctx.newPage();
          try {
            await fresh.goto(urlOf(p), { waitUntil: 'load', timeout: 30_000 });
            await fresh.addScriptTag({ path: bundle });
            const fb = api(fresh);
            const cold = await fb.chunked();
            const warm = await fb.chunked();
            replay = { cold, warm };
          } finally {
            await fresh.close();
          }
        }
        const walkMs = median(walks);
        const scanMs = median(scans);
        results.push({
          page: p.name,
          generated: p.generated,
          sizeKB: Math.round(p.bytes / 1024),
          textChars: last.textChars,
          walkMs,
          scanMs,
          firstScanMs: first.ms,
          ratio: scanMs / walkMs,
          walkReps,
          scanReps,
          findings: last.findings,
          reported: last.reported,
          ruleErrors: last.errors,
          walkSamples: walks,
          scanSamples: scans,
          profile,
          cpu,
          replay,
        });
        log(`  scan  ${p.name.padEnd(34)} walk ${f1(walkMs)} ms ×${walkReps}, scan ${f1(scanMs)} ms ×${scanReps}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await ctx.close();
  }
  return results;
}

function medianProfile(ps: Profile[]): Profile {
  const m = (k: keyof Omit<Profile, 'rules'>) => median(ps.map((p) => p[k]));
  const rules: Record<string, number> = {};
  for (const id of Object.keys(ps[0]!.rules)) rules[id] = median(ps.map((p) => p.rules[id] ?? 0));
  return {
    collectMs: m('collectMs'),
    footerMs: m('footerMs'),
    datesMs: m('datesMs'),
    restMs: m('restMs'),
    modelMs: m('modelMs'),
    rules,
    textChars: ps[0]!.textChars,
    textNodes: ps[0]!.textNodes,
    blocks: ps[0]!.blocks,
  };
}

// ---------------------------------------------------------------- part 2: long tasks with the extension

/** The long-task recorder, plus when load fired and when the overlay host appeared. */
const LONG_TASK_PROBE = longTaskProbe(
  '__lt',
  'load: null, overlayAt: null',
  `  addEventListener('load', () => { lt.load = performance.now(); });
  // the overlay host is appended to <body> in the task the scan starts in
  const onBody = new MutationObserver(() => {
    if (lt.overlayAt === null && document.querySelector('govcheck-overlay')) {
      lt.overlayAt = performance.now();
      onBody.disconnect();
    }
  });
  const early = new MutationObserver(() => {
    if (document.body) {
      early.disconnect();
      onBody.observe(document.body, { childList: true });
    }
  });
  if (document.body) onBody.observe(document.body, { childList: true });
  else early.observe(document, { childList: true, subtree: true });`,
);

async function waitForScan(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const el = document.querySelector('govcheck-overlay')?.shadowRoot?.querySelector('[data-testid="overlay-count"]');
      const t = (el?.textContent || '').trim();
      return /^\d+$/.test(t) ? Number(t) : false;
    },
    undefined,
    { timeout, polling: 25 },
  );
  return (await handle.jsonValue()) as number;
}

async function measureLongTasks(
  ext: LaunchedBrowser,
  pages: BenchPage[],
  urlOf: (p: BenchPage) => string,
): Promise<{ results: Map<string, LongTaskResult>; probe: { seen: boolean; duration: number | null } }> {
  const { context } = ext;
  await context.addInitScript({ content: LONG_TASK_PROBE });
  const results = new Map<string, LongTaskResult>();
  let probe = { seen: false, duration: null as number | null };
  for (const [i, p] of pages.entries()) {
    const page = await context.newPage();
    try {
      await page.goto(urlOf(p), { waitUntil: 'load', timeout: 30_000 });
      const overlayCount = await waitForScan(page, 30_000);
      const doneAt = await page.evaluate(() => performance.now());
      await page.waitForTimeout(150); // PerformanceObserver callbacks are delivered asynchronously
      const lt = await page.evaluate(() => (window as unknown as { __lt: { tasks: LongTask[]; load: number | null; overlayAt: number | null; error: string | null } }).__lt);
      if (!lt) throw new Error('long-task probe missing (init script did not run)');
      if (lt.error) throw new Error(`PerformanceObserver('longtask') failed: ${lt.error}`);
      const from = (lt.load ?? 0) + SCAN_WINDOW_AFTER_LOAD;
      const scanTasks = lt.tasks.filter((t) => t.start >= from && t.start <= doneAt);
      results.set(p.name, {
        load: lt.load,
        overlayAt: lt.overlayAt,
        doneAt,
        overlayCount,
        tasks: lt.tasks,
        longestAll: Math.max(0, ...lt.tasks.map((t) => t.duration)),
        longestScan: Math.max(0, ...scanTasks.map((t) => t.duration)),
        scanTasks,
      });
      const r = results.get(p.name)!;
      const at = (t: LongTask) => `${f1(t.duration)} ms at scan start ${t.start - (lt.overlayAt ?? 0) >= 0 ? '+' : ''}${f1(t.start - (lt.overlayAt ?? 0))} ms`;
      log(
        `  tasks ${p.name.padEnd(34)} load ${f1(lt.load ?? 0)} ms, scan ${f1((lt.overlayAt ?? 0) - (lt.load ?? 0))}→${f1(doneAt - (lt.load ?? 0))} ms after load, ` +
          `${lt.tasks.length} long task(s)${scanTasks.length ? `; in the scan window: ${scanTasks.map(at).join(', ')}` : ''}`,
      );
      // once: check that the main-world observer also sees work done in an isolated world
      // (where the content script runs) — else "no long task" would prove nothing
      if (i === 0) probe = await isolatedWorldProbe(ext, page);
    } catch (e) {
      const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      throw new Error(`long tasks on ${p.name}: ${msg}`);
    } finally {
      await page.close();
    }
  }
  return { results, probe };
}

async function isolatedWorldProbe(ext: LaunchedBrowser, page: Page): Promise<{ seen: boolean; duration: number | null }> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: tree.frameTree.frame.id, worldName: 'govcheck-bench-probe' })) as {
      executionContextId: number;
    };
    const before = await page.evaluate(() => performance.now());
    // a real task of the isolated world (a timer), as the content script's scan slices are
    await cdp.send('Runtime.evaluate', { expression: 'setTimeout(() => { const t0 = performance.now(); while (performance.now() - t0 < 120) {} }, 0)', contextId: executionContextId });
    await page.waitForTimeout(300);
    const tasks = await page.evaluate(() => (window as unknown as { __lt: { tasks: LongTask[] } }).__lt.tasks);
    const hit = tasks.find((t) => t.start >= before - 1 && t.duration >= 100);
    return { seen: !!hit, duration: hit ? hit.duration : null };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- report

function pad(s: string, n: number, right = false) {
  const w = [...s].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - w));
  return right ? fill + s : s + fill;
}

function printTable(rows: PageResult[]) {
  const head = ['page', 'size KB', 'text chars', 'walk ms', 'scan ms', 'ratio', 'findings', 'longest task in scan (ms)', '1st scan ms', 'all long tasks (n / max ms)'];
  const body = rows.map((r) => [
    r.page,
    String(r.sizeKB),
    String(r.textChars),
    f1(r.walkMs),
    f1(r.scanMs),
    r.ratio.toFixed(1) + '×',
    `${r.findings} (${r.reported})`,
    r.longTasks ? (r.longTasks.longestScan ? f1(r.longTasks.longestScan) : 'none') : '—',
    f1(r.firstScanMs),
    r.longTasks ? `${r.longTasks.tasks.length} / ${r.longTasks.longestAll ? f1(r.longTasks.longestAll) : '-'}` : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('findings = all runRules results (in brackets: without paint-only date.age, i.e. what the overlay lists).');
  console.log(`walk/scan = median of ${SAMPLES} alternating samples after a warm-up; each sample averages ×reps runs (see JSON).`);
}

function printProfile(rows: PageResult[]) {
  const withP = rows.filter((r) => r.profile);
  if (!withP.length) return;
  console.log('\nWhere the scan time goes (ms, median of 3 timed runs of each stage):');
  console.log('  collect = the DOM walk (chunked in the extension); finish = the rest of buildPageModel, one unbroken task in the extension');
  console.log('  (footer search + findDates + links/meta/pubdate); each rule is one task; the shared needle pass (dictionary, titles, renamed bodies, blank markers) is paid where first asked (the page type, in finish).');
  const head = ['page', 'collect', 'finish', 'footer', 'dates', 'rest', 'rules Σ', 'slowest rules'];
  const body = withP.map((r) => {
    const p = r.profile!;
    const rules = Object.entries(p.rules).sort((a, b) => b[1] - a[1]);
    const sum = rules.reduce((a, [, v]) => a + v, 0);
    const top = rules.filter(([, v]) => v >= 0.1).slice(0, 2).map(([id, v]) => `${id} ${f1(v)}`).join(', ') || '-';
    return [r.page, f1(p.collectMs), f1(Math.max(0, p.modelMs - p.collectMs)), f1(p.footerMs), f1(p.datesMs), f1(p.restMs), f1(sum), top];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 && i < cells.length - 1)).join('  ');
  console.log(line(head));
  for (const b of body) console.log(line(b));
  printCpu(rows);
  printReplay(rows);
}

function printReplay(rows: PageResult[]) {
  const withR = rows.filter((r) => r.replay);
  if (!withR.length) return;
  console.log('\nTask structure replay (the content script\'s chunked scan + paint, run in the page; longest stretch between two yields):');
  for (const r of withR) {
    const { cold, warm } = r.replay!;
    console.log(
      `  ${pad(r.page, 30)} cold: total ${pad(f1(cold.totalMs), 5, true)} ms, ${String(cold.slices.length).padStart(3)} slices, longest ${pad(f1(cold.longest.ms), 5, true)} ms = ${cold.longest.phase}` +
        `  | warm longest ${f1(warm.longest.ms)} ms`,
    );
  }
  const big = withR.find((r) => r.generated);
  if (big) {
    const top = [...big.replay!.cold.slices].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`  ${big.page}, slowest slices (cold): ` + top.map((s) => `${f1(s.ms)} ms @+${f1(s.at)} [${s.phase}]`).join('; '));
  }
}

function printCpu(rows: PageResult[]) {
  const show = (title: string, cpu: { functions: { fn: string; module: string; ms: number }[]; modules: { module: string; ms: number }[]; totalMs: number }, n: number) => {
    console.log(`\n${title} — sampled ${f1(cpu.totalMs)} ms per scan`);
    console.log('  by module: ' + cpu.modules.slice(0, 8).map((m) => `${m.module} ${f1(m.ms)} (${Math.round((m.ms / cpu.totalMs) * 100)}%)`).join(', '));
    for (const f of cpu.functions.slice(0, n)) console.log(`  ${pad(f1(f.ms), 7, true)} ms ${pad(String(Math.round((f.ms / cpu.totalMs) * 100)) + '%', 4, true)}  ${f.fn}  [${f.module}]`);
  };
  const big = rows.find((r) => r.generated && r.cpu);
  if (big) show(`CPU profile, ${big.page} (self time per scan, top functions)`, big.cpu!, 12);
  const real = rows.filter((r) => !r.generated && r.cpu);
  if (real.length) {
    // average over the real pages
    const fns = new Map<string, { fn: string; module: string; ms: number }>();
    const mods = new Map<string, number>();
    let total = 0;
    for (const r of real) {
      total += r.cpu!.totalMs / real.length;
      for (const f of r.cpu!.functions) {
        const k = `${f.module}|${f.fn}`;
        const e = fns.get(k) ?? { fn: f.fn, module: f.module, ms: 0 };
        e.ms += f.ms / real.length;
        fns.set(k, e);
      }
      for (const m of r.cpu!.modules) mods.set(m.module, (mods.get(m.module) ?? 0) + m.ms / real.length);
    }
    show(
      `CPU profile, average of the ${real.length} real pages (self time per scan)`,
      {
        functions: [...fns.values()].sort((a, b) => b.ms - a.ms),
        modules: [...mods.entries()].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms),
        totalMs: total,
      },
      10,
    );
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const exe = findChromium();
  if (!exe) throw new Error('Chromium not found (set CHROME_PATH); the bench never downloads browsers');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-bench-'));
  let server: Awaited<ReturnType<typeof serveAll>> | null = null;
  let plain: Browser | null = null;
  let ext: LaunchedBrowser | null = null;
  try {
    const pages = listPages(tmp, args.only);
    if (!pages.length) throw new Error(`no page matches --only ${args.only.join(', ')}`);
    const load = os.loadavg()[0]!;
    log(`bench: ${pages.length} pages, Chromium ${exe}, load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`);
    if (load > os.cpus().length) log('note: the machine is busy; timings will be noisy');
    const bundle = await bundlePageEntry(path.join(tmp, 'page-entry.js'));
    server = await serveAll(pages);

    plain = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', `--host-resolver-rules=${hostRules()}`] });
    log(`part 1: scan vs bare TreeWalker (Chromium ${plain.version()})`);
    const rows = await measureScan(plain, bundle, pages, server.url, args.profile, args.alloc);
    await plain.close();
    plain = null;

    let probe: { seen: boolean; duration: number | null } | null = null;
    let buildNote = '';
    if (args.ext) {
      // measure what the sources build to now (the same freshness check as the headless scan)
      ensureBuilt(log);
      buildNote = staleBuildNote();
      if (buildNote) log(`note: ${buildNote}`);
      log('part 2: long tasks with the built extension (auto-scan on *.gov.cn)');
      ext = await launchWithExtension({ extensionPath: BUILD_DIR, executablePath: exe, loopbackHosts: [HOST], offline: true });
      const lt = await measureLongTasks(ext, pages, server.url);
      probe = lt.probe;
      for (const r of rows) r.longTasks = lt.results.get(r.page);
      await ext.close();
      ext = null;
    }

    console.log('');
    printTable(rows);
    if (args.profile) printProfile(rows);

    const ratioMiss = rows.filter((r) => r.ratio > TARGET_RATIO);
    const big = rows.find((r) => r.generated);
    const taskMiss = rows.filter((r) => r.longTasks && r.longTasks.longestScan > TARGET_TASK_MS);
    const mark = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS');
    const targets = {
      ratio: { target: `scan/walk ≤ ${TARGET_RATIO}× on every page`, pass: ratioMiss.length === 0, worst: Math.max(...rows.map((r) => r.ratio)), misses: ratioMiss.map((r) => r.page) },
      bigPage: { target: `2 MB page scan < ${TARGET_BIG_MS} ms`, pass: big ? big.scanMs < TARGET_BIG_MS : null, scanMs: big?.scanMs ?? null },
      bigRatio: { target: `2 MB page scan/walk ≤ ${TARGET_BIG_RATIO}×`, pass: big ? big.ratio <= TARGET_BIG_RATIO : null, ratio: big?.ratio ?? null },
      longTasks: {
        target: `no task over ${TARGET_TASK_MS} ms during the scan`,
        pass: args.ext ? taskMiss.length === 0 : null,
        worst: args.ext ? Math.max(0, ...rows.map((r) => r.longTasks?.longestScan ?? 0)) : null,
        misses: taskMiss.map((r) => r.page),
      },
    };
    console.log(
      `\nTargets: ratio ≤ ${TARGET_RATIO}× ${mark(targets.ratio.pass)} (${ratioMiss.length}/${rows.length} pages over; worst ${targets.ratio.worst.toFixed(1)}× on ${rows.reduce((a, b) => (b.ratio > a.ratio ? b : a)).page})` +
        ` | 2 MB scan < ${TARGET_BIG_MS} ms ${mark(targets.bigPage.pass)}${big ? ` (${f1(big.scanMs)} ms)` : ''}` +
        ` | 2 MB scan/walk ≤ ${TARGET_BIG_RATIO}× ${mark(targets.bigRatio.pass)}${big ? ` (${big.ratio.toFixed(1)}×)` : ''}` +
        ` | no task > ${TARGET_TASK_MS} ms ${mark(targets.longTasks.pass)}${targets.longTasks.worst !== null ? ` (worst ${f1(targets.longTasks.worst)} ms${taskMiss.length ? ` on ${taskMiss.map((r) => r.page).join(', ')}` : ''})` : ''}`,
    );
    if (probe && !probe.seen) console.log('WARNING: the main-world long-task observer did not see a 120 ms task run in an isolated world; long-task numbers may miss content-script work.');
    const ruleErrors = rows.filter((r) => r.ruleErrors.length);
    for (const r of ruleErrors) console.log(`rule errors on ${r.page}: ${r.ruleErrors.join('; ')}`);
    if (buildNote) console.log(`note: ${buildNote}`);

    mkdirSync(OUT_DIR, { recursive: true });
    const out = path.join(OUT_DIR, 'bench.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          chromium: exe,
          loadAverage: os.loadavg(),
          cpus: os.cpus().length,
          samples: SAMPLES,
          scanWindowAfterLoadMs: SCAN_WINDOW_AFTER_LOAD,
          isolatedWorldProbe: probe,
          buildNote: buildNote || null,
          targets,
          pages: rows,
          seconds: (Date.now() - started) / 1000,
        },
        null,
        2,
      ),
    );
    console.log(`\nwrote ${path.relative(ROOT, out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await plain?.close().catch(() => undefined);
    await ext?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** ensureBuilt() ran just before: a stale build here means the build failed to refresh. */
function staleBuildNote(): string {
  return buildState() === 'fresh' ? '' : 'sources are newer than the build (part 2 measured the existing build)';
}

const scanOnly = process.argv.includes('--scan-only');
main()
  .then(() => (scanOnly ? process.exit(0) : undefined))
  .then(() => runPageLoadBench(parseLoadArgs([]))) // page load with and without the extension (tests/bench/page-load.ts)
  .then(() => runCrawlBench()) // part 3: the site crawl (tests/bench/crawl.ts)
  .then(() => runStoreBench()) // part 5: 100k findings — dashboard first paint, CSV export (tests/bench/store.ts)
  .then(() => void runMatcherBench()) // part 4: wording matcher throughput (tests/bench/matcher.ts)
  .then(
    () => process.exit(0),
    (e) => {
      console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      process.exit(1);
    },
  );
