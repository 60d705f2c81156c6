/**
 * Where the scan's time goes, from V8's sampling profiler (CDP Profiler domain): self time per
 * function, each function named with the lib/ module it comes from (read from esbuild's
 * `// lib/...` module comments in the non-minified bench bundle).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  fn: string;
  module: string;
  /** self ms per scan */
  ms: number;
  share: number;
}

export interface CpuBreakdown {
  scans: number;
  totalMs: number;
  functions: HotSpot[];
  modules: { module: string; ms: number; share: number }[];
}

/** Maps 0-based bundle line numbers to the source module esbuild put there. */
export function moduleMap(bundlePath: string): (line: number) => string {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const starts: { line: number; module: string }[] = [];
  lines.forEach((l, i) => {
    const m = /^\s*\/\/ ((?:lib|tests|entrypoints|node_modules)\/\S+\.(?:ts|tsx|js|mjs|json))$/.exec(l);
    if (m) starts.push({ line: i, module: m[1]! });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** Profiles `run` (which performs `scans` scans in the page) and aggregates self time. */
export async function profileScans(
  context: BrowserContext,
  page: Page,
  bundlePath: string,
  scans: number,
  run: () => Promise<unknown>,
): Promise<CpuBreakdown> {
  const cdp = await context.newCDPSession(page);
  let profile: CpuProfile;
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await run();
    profile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    await cdp.send('Profiler.disable');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return aggregate(profile, bundlePath, scans);
}

function aggregate(profile: CpuProfile, bundlePath: string, scans: number): CpuBreakdown {
  const modOf = moduleMap(bundlePath);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n);
  const self = new Map<string, { fn: string; module: string; us: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const dt = deltas[i + 1] ?? 0; // the interval after this sample
    if (!node) continue;
    const cf = node.callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(root)') continue;
    // only the page's work: the bench bundle, native DOM calls and GC/program
    const inBundle = cf.url.endsWith(bundlePath) || cf.url === bundlePath;
    const module = inBundle ? modOf(cf.lineNumber) : cf.url ? '(page script)' : '(native)';
    let fn = cf.functionName || '(anonymous)';
    // a DOM or builtin call is named with the bundle function that made it (getAttribute ← …)
    const caller = parentOf.get(node.id);
    if (module === '(native)' && caller && !fn.startsWith('(') && caller.callFrame.functionName) fn += ` ← ${caller.callFrame.functionName}`;
    const key = `${module}|${fn}|${inBundle ? cf.lineNumber : ''}`;
    const e = self.get(key) ?? { fn, module, us: 0 };
    e.us += dt;
    self.set(key, e);
    total += dt;
  }
  const totalMs = total / 1000 / scans;
  const functions = [...self.values()]
    .map((e) => ({ fn: e.fn, module: e.module, ms: e.us / 1000 / scans, share: total ? e.us / total : 0 }))
    .sort((a, b) => b.ms - a.ms);
  const mods = new Map<string, number>();
  for (const f of functions) mods.set(f.module, (mods.get(f.module) ?? 0) + f.ms);
  const modules = [...mods.entries()].map(([module, ms]) => ({ module, ms, share: totalMs ? ms / totalMs : 0 })).sort((a, b) => b.ms - a.ms);
  return { scans, totalMs, functions, modules };
}
