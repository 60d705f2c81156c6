/**
 * What the scan allocates, from V8's sampling heap profiler (CDP HeapProfiler, counting objects
 * the GC already collected too): bytes per scan by allocating function. The GC's share of the
 * CPU profile says how much this costs; this says where it comes from.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { moduleMap } from './cpu-profile';

interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

export interface AllocSpot {
  fn: string;
  module: string;
  /** KB allocated per scan */
  kb: number;
}

export async function profileAllocations(
  context: BrowserContext,
  page: Page,
  bundlePath: string,
  scans: number,
  run: () => Promise<unknown>,
): Promise<{ totalKb: number; functions: AllocSpot[] }> {
  const cdp = await context.newCDPSession(page);
  let head: AllocNode;
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
    await run();
    head = ((await cdp.send('HeapProfiler.getSamplingProfile')) as { profile: { head: AllocNode } }).profile.head;
    await cdp.send('HeapProfiler.stopSampling');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const modOf = moduleMap(bundlePath);
  const self = new Map<string, AllocSpot>();
  let total = 0;
  // the sampled frames carry no script url here: a frame with a line number is bundle code; a
  // builtin (push, join, the regex iterator's next) is named after the bundle function calling it
  const visit = (n: AllocNode, caller: string) => {
    const cf = n.callFrame;
    const inBundle = cf.lineNumber > 0;
    const fn = cf.functionName || '(anonymous)';
    const here = inBundle ? `${fn} [${modOf(cf.lineNumber)}]` : caller;
    if (n.selfSize) {
      const key = inBundle ? `${here}|${cf.lineNumber}` : `${fn} ← ${caller}`;
      const e = self.get(key) ?? { fn: inBundle ? fn : `${fn} ← ${caller}`, module: inBundle ? modOf(cf.lineNumber) : '(builtin)', kb: 0 };
      e.kb += n.selfSize / 1024 / scans;
      self.set(key, e);
      total += n.selfSize / 1024 / scans;
    }
    for (const c of n.children) visit(c, here);
  };
  visit(head, '(top)');
  return { totalKb: total, functions: [...self.values()].sort((a, b) => b.kb - a.kb) };
}
