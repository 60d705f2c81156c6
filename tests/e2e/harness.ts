import path from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { chromium, type Page, type Worker } from 'playwright-core';
import { launchWithExtension, type LaunchedBrowser } from '../../cli/browser';
import { serveFolder, type StaticServer } from '../../cli/serve';
import { findChromium } from '../../scripts/chromium.mjs';
import { scannerCopy, BUILD_DIR } from '../../cli/build';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXT = BUILD_DIR;

/** Fixture sites, each served on loopback under a *.gov.cn name (so the real match patterns apply). */
export const SITES = {
  demo: { host: 'www.demo-county.gov.cn', dir: path.join(ROOT, 'tests/fixtures/demo-site') },
  real: { host: 'www.yichun.gov.cn', dir: path.resolve(ROOT, 'tests/fixtures/real/pages') },
  hostile: { host: 'hostile.gov.cn', dir: path.join(ROOT, 'tests/fixtures/hostile') },
  spam: { host: 'www.spam-test.gov.cn', dir: path.join(ROOT, 'tests/fixtures/spam') },
  footer: { host: 'www.nmg.gov.cn', dir: path.join(ROOT, 'tests/fixtures/footer') },
} as const;
export type SiteKey = keyof typeof SITES;

/** The crawl fixture's host names (tests/e2e/crawl.test.ts): its site, and where a redirect leads. */
export const CRAWL_HOSTS = { site: 'www.crawl-county.gov.cn', elsewhere: 'www.elsewhere.gov.cn' } as const;

/** Every fixture host name the shared browsers map to loopback. */
export const SHARED_HOSTS = [...Object.values(SITES).map((s) => s.host), ...Object.values(CRAWL_HOSTS)];

/** A browser launched once per run by shared-browsers.ts (the e2e globalSetup). */
export interface SharedBrowser {
  endpoint: string;
  extensionId: string;
}

/** The "today" the fixtures' date ages are computed against. */
export const TODAY = '2026-11-23';

/**
 * The run's shared Chromium (`allHosts`: the copy granted <all_urls>), connected over CDP and reset
 * for this test file: store and extension storage cleared, "today" pinned. close() closes the
 * pages this file opened and disconnects, leaving the browser to the next file. Without the
 * globalSetup (a file run on its own by another config) it launches a browser of its own.
 */
export async function connectShared(opts: { allHosts?: boolean } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(path.join(EXT, 'manifest.json'))) throw new Error('扩展尚未构建：先运行 npx wxt build（npm test 会自动构建）');
  const pairs = inject('sharedBrowsers');
  const pair = pairs?.[(Number(process.env.VITEST_POOL_ID) || 1) - 1] ?? pairs?.[0];
  const shared = pair?.[opts.allHosts ? 'allHosts' : 'plain'];
  const browser = shared ? await connect(shared) : await launchOwn(opts.allHosts ?? false);
  await browser.worker.evaluate(async (today) => {
    await (globalThis as any).govcheck.clearAll();
    await chrome.storage.local.clear();
    await chrome.storage.local.set({ settings: { today } });
  }, TODAY);
  return browser;
}

async function connect(shared: SharedBrowser): Promise<LaunchedBrowser> {
  const cdp = await chromium.connectOverCDP(shared.endpoint);
  const context = cdp.contexts()[0]!;
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${shared.extensionId}/`);
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 }));
  const before = new Set(context.pages());
  return {
    context,
    worker,
    extensionId: shared.extensionId,
    async close() {
      await Promise.all(context.pages().filter((p) => !before.has(p)).map((p) => p.close().catch(() => undefined)));
      await cdp.close();
    },
  };
}

async function launchOwn(allHosts: boolean): Promise<LaunchedBrowser> {
  const copy = allHosts ? scannerCopy(EXT) : null;
  const b = await launchWithExtension({ extensionPath: copy ?? EXT, executablePath: findChromium(), loopbackHosts: SHARED_HOSTS, offline: true });
  return {
    ...b,
    async close() {
      await b.close();
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}

export interface Harness {
  browser: LaunchedBrowser;
  worker: Worker;
  url(site: SiteKey, file: string): string;
  /** a URL on a non-gov host (plain loopback) */
  plainUrl(site: SiteKey, file: string): string;
  close(): Promise<void>;
}

/**
 * `allHosts`: load a copy of the build granted <all_urls>, as the headless scan does. Screenshots
 * (tabs.captureVisibleTab) need <all_urls> or activeTab, and a test cannot press the toolbar
 * button or the `commands` shortcut that would grant activeTab.
 */
export async function startHarness(opts: { allHosts?: boolean } = {}): Promise<Harness> {
  const servers = new Map<SiteKey, StaticServer>();
  for (const k of Object.keys(SITES) as SiteKey[]) servers.set(k, await serveFolder(SITES[k].dir));
  const browser = await connectShared(opts).catch(async (e) => {
    await Promise.all([...servers.values()].map((s) => s.close()));
    throw e;
  });
  return {
    browser,
    worker: browser.worker,
    url: (site, file) => `http://${SITES[site].host}:${servers.get(site)!.port}/${file}`,
    plainUrl: (site, file) => `http://127.0.0.1:${servers.get(site)!.port}/${file}`,
    async close() {
      await browser.close();
      await Promise.all([...servers.values()].map((s) => s.close()));
    },
  };
}

/** Waits until the overlay shows a finished count (the content script's scan is done). */
export async function waitForScan(page: Page, timeout = 20_000): Promise<number> {
  const count = page.locator('govcheck-overlay [data-testid="overlay-count"]');
  // attached, not visible: in a frameset document the overlay host cannot render
  await count.waitFor({ timeout, state: 'attached' });
  // polled from the test side: hostile pages break the main world's globals
  const deadline = Date.now() + timeout;
  for (;;) {
    const t = (await count.textContent()) ?? '';
    if (/^\d+$/.test(t)) return Number(t);
    if (Date.now() > deadline) throw new Error(`scan did not finish: overlay shows "${t}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The texts of the ranges in a named highlight, read from the page's main world. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    const out: string[] = [];
    // no Array.prototype methods: hostile pages overwrite them in this world
    if (h) for (const r of h as unknown as Iterable<Range>) out[out.length] = r.toString();
    return out;
  }, name);
}

export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
}

/** Opens each page of a fixture site and waits for its scan, so the store holds its findings. */
export async function scanPages(h: Harness, site: SiteKey, files: string[]): Promise<void> {
  for (const file of files) {
    const p = await h.browser.context.newPage();
    await p.goto(h.url(site, file));
    await waitForScan(p);
    await p.close();
  }
}

/** Writes a PNG straight into the extension's database as a finding's screenshot (as a capture would). */
export function storeScreenshot(worker: Worker, shot: { id: string; findingId: string; pngBase64: string; width: number; height: number }): Promise<void> {
  return worker.evaluate(
    (s) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('govcheck');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const bytes = Uint8Array.from(atob(s.pngBase64), (c) => c.charCodeAt(0));
          const tx = req.result.transaction('screenshots', 'readwrite');
          tx.objectStore('screenshots').put({ id: s.id, findingId: s.findingId, blob: new Blob([bytes], { type: 'image/png' }), width: s.width, height: s.height, createdAt: Date.now() });
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    shot,
  );
}
