/**
 * `npm run bench:wake`: what a stopped service worker costs the inspector. Chromium stops an idle
 * extension worker after 30 s, so after each pause the next message starts it again: its script
 * is parsed and run, and (before the word lists moved to the offscreen document) the typo
 * detectors' lists were built again (~0.7 s) for the next page.
 * Measured in one run, worker stopped before each sample (CDP ServiceWorker.stopAllWorkers):
 *  - cold wake: a message from an extension page answered by a just-started worker, the built
 *    extension beside a blank extension (the baseline: same launch, a one-line worker);
 *  - a typo request (one sentence) after a stop, beside the same request to a running worker.
 * Medians of --runs N (default 9); --ext-dir DIR measures another build (an older one, for
 * before/after figures). A report, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../../cli/build';
import { launchWithExtension, type LaunchedBrowser } from '../../cli/browser';
import { findChromium } from '../../scripts/chromium.mjs';
import { median } from './stats';
import { writeBlankExtension } from './blank-extension';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const extArg = process.argv.indexOf('--ext-dir');
const EXT_DIR = extArg > 0 ? path.resolve(process.argv[extArg + 1]!) : null;
const SETTLE_MS = 300;

/** A message in @webext-core/messaging's wire format, sent from an extension page; answers the time it took. */
function timedMessage(page: Page, type: string, data: unknown): Promise<number> {
  return page.evaluate(
    async ([type, data]) => {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }).catch(() => undefined);
      return performance.now() - t0;
    },
    [type, data] as const,
  );
}

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

async function measure(b: LaunchedBrowser, pageFile: string, sample: (page: Page) => Promise<number>): Promise<number[]> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/${pageFile}`);
  await sample(page); // first start, first use: not counted
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await stopWorkers(page);
    out.push(await sample(page));
  }
  await page.close();
  return out;
}

const fmt = (xs: number[]) => `${median(xs).toFixed(1)} ms`;

async function main() {
  const ext = EXT_DIR ?? ensureBuilt((s) => console.error(s));
  const blankDir = writeBlankExtension(mkdtempSync(path.join(os.tmpdir(), 'govcheck-blank-')));
  const executablePath = findChromium();
  const blank = await launchWithExtension({ extensionPath: blankDir, executablePath });
  const ours = await launchWithExtension({ extensionPath: ext, executablePath });
  try {
    const noop = (page: Page) => timedMessage(page, 'benchWake', null);
    const sentence = { blocks: [{ text: '市人民检檫院依法提起公诉，希望大家再接再励。', start: 0 }] };
    const typo = (page: Page) => timedMessage(page, 'detectTypos', sentence);
    const blankWake = await measure(blank, 'page.html', noop);
    const ourWake = await measure(ours, 'options.html', noop);
    const typoCold = await measure(ours, 'options.html', typo);
    const page = await ours.context.newPage();
    await page.goto(`chrome-extension://${ours.extensionId}/options.html`);
    const typoWarm: number[] = [];
    for (let i = 0; i < RUNS; i++) typoWarm.push(await typo(page));
    console.log(`worker wake (median of ${RUNS}, worker stopped before each): GovCheck ${fmt(ourWake)}, blank extension ${fmt(blankWake)} (${(median(ourWake) / median(blankWake)).toFixed(1)}× the baseline)`);
    console.log(`typo request (one sentence): after a stop ${fmt(typoCold)}, worker running ${fmt(typoWarm)} (${(median(typoCold) / median(typoWarm)).toFixed(1)}×); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  } finally {
    await ours.close();
    await blank.close();
    rmSync(blankDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
