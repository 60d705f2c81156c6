/**
 * Store bench (`npm run bench`, or alone: `npx tsx tests/bench/store.ts`): 100k findings across
 * 500 sites in the extension's IndexedDB, then in real Chromium with the built extension:
 * - dashboard first paint: navigation start → the site table with verdicts and scores rendered
 *   (the `govcheck-dashboard-ready` mark, set after the first render with data); targets ≤ 300 ms
 * - CSV export of everything from the dashboard: click → download; target ≤ 2 s
 * - peak JS heap of the dashboard page during each (CDP samples every 25 ms, and the heap's size after)
 * A report, not a test: misses are printed, not thrown.
 */
import { median } from './stats';
import path from 'node:path';
import os from 'node:os';
import { existsSync } from 'node:fs';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { ensureBuilt } from '../../cli/build';
import { launchWithExtension } from '../../cli/browser';
import { findChromium } from '../../scripts/chromium.mjs';

const SITES = 500;
const PER_SITE = 200;
const TARGET_PAINT_MS = 300;
const TARGET_CSV_MS = 2000;

export interface StoreBenchResult {
  findings: number;
  sites: number;
  seedMs: number;
  paint: { coldMs: number; warmMs: number[]; medianMs: number; liveMedianMs: number; fcpMs: number | null; peakHeapMB: number };
  loadAverage: number[];
  csv: { ms: number; bytes: number; peakHeapMB: number };
  pass: { paint: boolean; csv: boolean };
}

const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;

/** Samples the page's used JS heap until stopped; answers the peak in bytes. */
function heapSampler(cdp: CDPSession) {
  let peak = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      try {
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, usedSize);
      } catch {
        /* page navigating */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return async () => {
    on = false;
    await loop;
    const m = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const used = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
    return Math.max(peak, used);
  };
}

interface Paint {
  /** navigation start → first render with site rows (from the last visit's cache when present) */
  ms: number;
  /** navigation start → the live recount from the indexes rendered */
  liveMs: number;
  fcp: number | null;
}

async function paintOnce(page: Page, url: string): Promise<Paint> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('govcheck-dashboard-live').length > 0, undefined, { timeout: 120_000, polling: 10 });
  // the marks are set in effects right after the render; wait one frame for the paint itself
  return page.evaluate(`new Promise((resolve, reject) => requestAnimationFrame(() => {
    const ready = performance.getEntriesByName('govcheck-dashboard-ready')[0].startTime;
    const live = performance.getEntriesByName('govcheck-dashboard-live')[0].startTime;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (!document.querySelector('[data-testid="site-row"]')) reject(new Error('dashboard shows no site rows'));
    resolve({ ms: ready, liveMs: live, fcp: fcp ? fcp.startTime : null });
  }))`) as Promise<Paint>;
}

/** Writes `sites` × `perSite` synthetic findings through the extension's own import. */
export function seedStore(worker: Worker, sites: number, perSite: number): Promise<number> {
  return worker.evaluate(
      async ([nSites, perSite]) => {
        const rules: [string, string, string][] = [
          ['typo.known', 'deduct', 'typo'],
          ['footer.icp', 'deduct', 'footer'],
          ['footer.police-record', 'deduct', 'footer'],
          ['meta.missing', 'hint', 'meta'],
          ['meta.mismatch', 'deduct', 'meta'],
          ['freshness.no-date', 'deduct', 'freshness'],
          ['freshness.column-stale', 'deduct', 'freshness'],
          ['links.dead', 'deduct', 'links'],
          ['name.outdated', 'deduct', 'name'],
          ['format.doc-number', 'deduct', 'format'],
          ['typo.discouraged', 'hint', 'typo'],
          ['privacy.phone', 'hint', 'privacy'],
        ];
        const statuses = ['open', 'open', 'open', 'open', 'open', 'open', 'open', 'confirmed', 'dismissed', 'fixed'];
        const now = Date.now();
        const sites = [];
        const pages = [];
        const findings = [];
        for (let s = 0; s < nSites; s++) {
          const host = `www.site${s}.gov.cn`;
          sites.push({ site: host, name: `第${s}号市人民政府`, siteCode: String(3411000000 + s), homeUrl: `https://${host}/`, firstSeen: now, lastSeen: now });
          for (let p = 0; p < 10; p++)
            pages.push({ url: `https://${host}/col${p}/art.html`, site: host, title: `栏目${p}文章标题示例`, pageType: 'article', pubDate: '2026-10-01', scanMs: 20, lastScanned: now, findingCount: perSite / 10 });
          for (let i = 0; i < perSite; i++) {
            const veto = i === 0 && s % 5 === 0;
            const [ruleId, severity, category] = veto ? ['expression.political', 'veto', 'expression'] : rules[(i * 7 + s) % rules.length]!;
            findings.push({
              id: `${s.toString(16).padStart(4, '0')}${i.toString(16).padStart(12, '0')}`,
              ruleId,
              severity,
              category,
              message: `页面中出现疑似问题，编号 ${i}，请人工核实后处理。`,
              evidence: `证据文字片段${i}：中华人民共和国国务院办公厅`,
              suggestion: '建议核实后更正',
              url: `https://${host}/col${i % 10}/art.html`,
              site: host,
              anchor: 'text',
              quote: { exact: `证据${i}`, prefix: '这里是前文三十个字左右的上下文内容', suffix: '这里是后文三十个字左右的上下文内容' },
              status: statuses[(i + s) % statuses.length],
              source: 'auto',
              round: s % 2 ? '2026年第四季度' : '2026年第三季度',
              createdAt: now - i * 1000,
              lastSeen: now,
              updatedAt: now - i * 1000,
            });
          }
        }
        const rounds = [
          { id: '2026年第三季度', name: '2026年第三季度', createdAt: now - 1e9 },
          { id: '2026年第四季度', name: '2026年第四季度', createdAt: now },
        ];
        const backup = { format: 'govcheck-backup', version: 1, exportedAt: now, sites, pages, findings, rounds, screenshots: [] };
        const sum = await (globalThis as any).govcheck.importBackup(backup);
        if (sum.error) throw new Error(sum.error);
        return (await (globalThis as any).govcheck.counts()).findings as number;
      },
      [sites, perSite] as const,
  );
}

export async function runStoreBench(
  extDir = ensureBuilt((m) => console.error(m)),
  exe = findChromium(),
  log: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<StoreBenchResult> {
  if (!exe) throw new Error('Chromium not found (set CHROME_PATH); the bench never downloads browsers');
  if (!existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`extension not built: ${extDir}`);
  const ext = await launchWithExtension({ extensionPath: extDir, executablePath: exe, offline: true });
  try {
    log(`store: seeding ${SITES * PER_SITE} findings across ${SITES} sites…`);
    const t0 = Date.now();
    const seeded = await seedStore(ext.worker, SITES, PER_SITE);
    const seedMs = Date.now() - t0;
    log(`store: ${seeded} findings stored in ${(seedMs / 1000).toFixed(1)} s`);

    const url = `chrome-extension://${ext.extensionId}/dashboard.html`;
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const stopPaintHeap = heapSampler(cdp);
    const cold = await paintOnce(page, url);
    const warm: number[] = [];
    const liveWarm: number[] = [];
    let fcp = cold.fcp;
    for (let i = 0; i < 5; i++) {
      const r = await paintOnce(page, url);
      warm.push(r.ms);
      liveWarm.push(r.liveMs);
      fcp = r.fcp;
    }
    const paintHeap = await stopPaintHeap();
    const rows = await page.locator('[data-testid="site-row"]').count();
    const recount = (await page.evaluate(`['govcheck-stats-read', 'govcheck-stats'].map((n) => (n.slice(15) || 'total') + ' ' + Math.round(performance.getEntriesByName(n).pop()?.duration ?? -1))`)) as string[];
    log(`store: siteStats recount inside the page (ms since start): ${recount.join(', ')}`);
    log(
      `store: dashboard with rows: first visit ${cold.ms.toFixed(0)} ms; later visits ${warm.map((x) => x.toFixed(0)).join(' / ')} ms (cached aggregates), ` +
        `live recount ${liveWarm.map((x) => x.toFixed(0)).join(' / ')} ms (${rows} rows), first contentful paint ${fcp?.toFixed(0) ?? '?'} ms`,
    );

    // CSV of everything from the dashboard's toolbar
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const stopCsvHeap = heapSampler(cdp);
    const c0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-csv').click()]);
    const csvMs = Date.now() - c0;
    const csvHeap = await stopCsvHeap();
    const file = await download.path();
    const { statSync } = await import('node:fs');
    const bytes = file ? statSync(file).size : 0;
    const msg = await page.getByTestId('message').textContent();
    const inPage = (await page.evaluate(`Math.round(performance.getEntriesByName('govcheck-csv').pop()?.duration ?? -1)`)) as number;
    log(`store: CSV read + build inside the page ${inPage} ms`);
    log(`store: CSV of everything in ${csvMs} ms, ${MB(bytes)} MB (${msg})`);
    await page.close();

    const medianMs = median(warm);
    const res: StoreBenchResult = {
      findings: seeded,
      sites: SITES,
      seedMs,
      paint: { coldMs: cold.ms, warmMs: warm, medianMs, liveMedianMs: median(liveWarm), fcpMs: fcp, peakHeapMB: MB(paintHeap) },
      loadAverage: os.loadavg(),
      csv: { ms: csvMs, bytes, peakHeapMB: MB(csvHeap) },
      pass: { paint: medianMs <= TARGET_PAINT_MS, csv: csvMs <= TARGET_CSV_MS },
    };
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    console.log(
      `\nStore (${seeded} findings, ${SITES} sites): dashboard first paint ≤ ${TARGET_PAINT_MS} ms ${mark(res.pass.paint)} (median ${medianMs.toFixed(0)} ms from cached aggregates; first visit ${cold.ms.toFixed(0)} ms; live recount median ${res.paint.liveMedianMs.toFixed(0)} ms; peak heap ${res.paint.peakHeapMB} MB)` +
        ` | CSV export ≤ ${TARGET_CSV_MS} ms ${mark(res.pass.csv)} (${csvMs} ms, ${MB(bytes)} MB, peak heap ${res.csv.peakHeapMB} MB) | load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    return res;
  } finally {
    await ext.close();
  }
}

// standalone: npx tsx tests/bench/store.ts
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runStoreBench().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
