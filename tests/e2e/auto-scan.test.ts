/**
 * A fresh install scans the gov page the inspector opens at once: Chromium reports that tab's
 * load before the new extension's worker listens for it, and the install sweep
 * (background/auto-scan.ts) picks it up. Before the sweep this page stayed unscanned.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../../cli/browser';
import { serveFolder, type StaticServer } from '../../cli/serve';
import { findChromium } from '../../scripts/chromium.mjs';
import { EXT, SITES, waitForScan } from './harness';

let browser: LaunchedBrowser | undefined;
let server: StaticServer | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('auto-scan on a fresh install', () => {
  it('scans a gov page opened the moment the browser with the new extension is up', async () => {
    server = await serveFolder(SITES.demo.dir);
    browser = await launchWithExtension({ extensionPath: EXT, executablePath: findChromium(), loopbackHosts: [SITES.demo.host], offline: true });
    const page = await browser.context.newPage();
    const url = `http://${SITES.demo.host}:${server.port}/index.html`;
    await page.goto(url);
    // throws when the overlay never shows a finished count
    await waitForScan(page);
    expect(await browser.worker.evaluate((u) => (globalThis as any).govcheck.scanCount(u), url)).toBe(1);
  }, 60_000);
});
