/**
 * Bundled (esbuild, iife) and injected into the bench pages: exposes `window.__bench` so the
 * runner can time the real scan code in the page's own DOM, next to a bare TreeWalker baseline.
 */
import type { PageModel, Settings } from '../../lib/types';
import { buildPageModel, buildPageModelChunked } from '../../lib/scan/page-model';
import { toFindings } from '../../lib/pipeline/report';
import { paint, clearPaint } from '../../entrypoints/content/highlight';
import { createHitTester } from '../../entrypoints/content/hover';
import { Collector } from '../../lib/scan/collect';
import { findFooter } from '../../lib/scan/footer';
import { findDates } from '../../lib/text/dates';
import { runRules, runRulesChunked } from '../../lib/rules/run';
import { RULES, isPaintOnly } from '../../lib/rules/index';
import { DEFAULT_SETTINGS, todayIso } from '../../lib/settings';
import { forgetLongTexts } from '../../lib/text/normalise';

export interface ScanSample {
  /** ms per scan (average over `reps`) */
  ms: number;
  reps: number;
  findings: number;
  /** findings the extension would store/list (paint-only ones left out) */
  reported: number;
  errors: string[];
  textChars: number;
  links: number;
  dates: number;
  footer: boolean;
}

export interface WalkSample {
  ms: number;
  reps: number;
  chars: number;
  nodes: number;
}

export interface Profile {
  collectMs: number;
  footerMs: number;
  datesMs: number;
  /** buildPageModel total minus collect/footer/dates: links, meta, pubdate, page type */
  restMs: number;
  modelMs: number;
  rules: Record<string, number>;
  textChars: number;
  textNodes: number;
  blocks: number;
}

const settings: Settings = { ...DEFAULT_SETTINGS };
const today = todayIso(settings);
/** the extension leaves its own overlay out (the same test as entrypoints/content/app.ts isOwn; absent here) */
const skipElement = (el: Element) => el.localName === 'govcheck-overlay';

/**
 * The wording rules (and the shared needle pass) cache the matches of the last text they saw; a
 * repeated scan of the same page would skip the match the real (one scan per page) content script
 * always pays. The text folds are forgotten too: each scan builds a new copy of the page text, and
 * telling it from the last copy costs a whole-text comparison the real scan never makes.
 */
function resetCaches() {
  const probe = { text: '\u0000bench-reset' } as PageModel;
  for (const r of RULES) if (r.id === 'typo.known') r.check(probe, settings);
  forgetLongTexts();
}

function scanOnce() {
  const built = buildPageModel(document, { url: location.href, today, skipElement });
  const { findings, errors } = runRules(built.model, settings);
  return { built, findings, errors };
}

function scan(reps = 1): ScanSample {
  let total = 0;
  let last: ReturnType<typeof scanOnce> | null = null;
  for (let i = 0; i < reps; i++) {
    resetCaches();
    const t0 = performance.now();
    last = scanOnce();
    total += performance.now() - t0;
  }
  const { built, findings, errors } = last!;
  return {
    ms: total / reps,
    reps,
    findings: findings.length,
    reported: findings.filter((f) => !isPaintOnly(f.ruleId)).length,
    errors: errors.map((e) => `${e.ruleId}: ${e.error}`),
    textChars: built.model.text.length,
    links: built.model.links.length,
    dates: built.model.dates.length,
    footer: !!built.model.footer,
  };
}

function walk(reps = 1): WalkSample {
  let chars = 0;
  let nodes = 0;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) {
    chars = 0;
    nodes = 0;
    const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
  }
  return { ms: (performance.now() - t0) / reps, reps, chars, nodes };
}

/** Where the time of one scan goes: the collector, the rest of the model, each rule. */
function profile(): Profile {
  resetCaches();
  const root = document.body ?? document.documentElement;
  let t = performance.now();
  const c = new Collector(root, skipElement);
  c.step();
  const collectMs = performance.now() - t;
  t = performance.now();
  const region = findFooter(c.text, c.blocks);
  const footerMs = performance.now() - t;
  t = performance.now();
  findDates(c.text, { footerStart: region ? region.start : undefined, today });
  const datesMs = performance.now() - t;
  t = performance.now();
  const built = buildPageModel(document, { url: location.href, today, skipElement });
  const modelMs = performance.now() - t;
  const rules: Record<string, number> = {};
  resetCaches();
  for (const rule of RULES) {
    t = performance.now();
    runRules(built.model, settings, [rule]);
    rules[rule.id] = performance.now() - t;
  }
  return {
    collectMs,
    footerMs,
    datesMs,
    restMs: Math.max(0, modelMs - collectMs - footerMs - datesMs),
    modelMs,
    rules,
    textChars: c.text.length,
    textNodes: c.index.nodes.length,
    blocks: c.blocks.els.length,
  };
}

export interface Slice {
  /** what ran in this uninterrupted stretch of the main thread */
  phase: string;
  /** ms after the scan started */
  at: number;
  ms: number;
}

export interface ChunkedRun {
  totalMs: number;
  slices: Slice[];
  longest: Slice;
}

/** Same as the content script's yieldToPage (entrypoints/content/scanner.ts). */
function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((r) => setTimeout(r, 0));
}

/**
 * The content script's task structure, replayed with the same library calls in the same order
 * (scanDocument, then applyFindings' paint and hit tester), timing every stretch between two
 * yields and naming what ran in it. Leaves out only the overlay render and the saveScan message.
 */
async function chunked(): Promise<ChunkedRun> {
  resetCaches();
  const slices: Slice[] = [];
  const t0 = performance.now();
  let from = t0;
  let phase = 'collect';
  const cut = (next: string) => {
    const now = performance.now();
    slices.push({ phase, at: from - t0, ms: now - from });
    phase = next;
  };
  const resume = () => {
    from = performance.now();
  };
  const built = await buildPageModelChunked(document, { url: location.href, today, skipElement }, async () => {
    cut('collect');
    await yieldToPage();
    resume();
  });
  // buildPageModelChunked runs finish() after the last collector slice, and runRulesChunked runs
  // its first rule before its first yield: all in one task
  phase = 'last collect slice + finish()';
  let i = 0;
  const { findings } = await runRulesChunked(built.model, settings, async () => {
    const id = RULES[i++]?.id ?? '?';
    cut('');
    slices[slices.length - 1]!.phase += (slices[slices.length - 1]!.phase ? ' + ' : '') + `rule ${id}`;
    await yieldToPage();
    resume();
  });
  phase = 'toFindings';
  const reported = toFindings(built.model, findings, settings.inspector);
  cut('paint + hit tester');
  await yieldToPage(); // the content script awaits the saveScan message here
  resume();
  const paintItems: { result: (typeof findings)[number]; id?: string }[] = [];
  for (const r of findings) if (r.paint) paintItems.push({ result: r });
  for (const { finding, result } of reported) paintItems.push({ result, id: finding.id });
  const marks = paint(built.index, paintItems);
  createHitTester(built.index, marks);
  cut('');
  const totalMs = performance.now() - t0;
  clearPaint();
  const longest = slices.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { totalMs, slices, longest };
}

(globalThis as unknown as { __bench: unknown }).__bench = { scan, walk, profile, chunked, today };
