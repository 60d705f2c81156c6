import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LaunchOptions {
  /** path of the unpacked extension (a build output folder) */
  extensionPath: string;
  executablePath: string;
  /** host names to map to 127.0.0.1 (fixture sites under *.gov.cn names) */
  loopbackHosts?: string[];
  /** when true every other host fails fast (tests); the CLI leaves the network alone */
  offline?: boolean;
  /** also listen for DevTools on a free loopback port, so other processes can connect (tests share one browser) */
  shareable?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** http://127.0.0.1:PORT for chromium.connectOverCDP, when launched `shareable` */
  cdpEndpoint?: string;
  close(): Promise<void>;
}

/** Launches Chromium with the extension loaded (docs/ARCHITECTURE.md, "The headless browser", says why these flags). */
export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'govcheck-profile-'));
  const rules = (opts.loopbackHosts ?? []).map((h) => `MAP ${h} 127.0.0.1`);
  if (opts.offline) rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost');
  const args = [
    `--disable-extensions-except=${opts.extensionPath}`,
    `--load-extension=${opts.extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
  ];
  if (rules.length) args.push(`--host-resolver-rules=${rules.join(', ')}`);
  if (opts.shareable) args.push('--remote-debugging-port=0');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: opts.executablePath,
    headless: true,
    args,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // Chromium writes the port it picked into the profile once it listens
  const cdpEndpoint = opts.shareable ? `http://127.0.0.1:${readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]}` : undefined;
  return {
    context,
    worker,
    extensionId,
    cdpEndpoint,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
