/**
 * Vitest globalSetup of the e2e project: launches Chromium with the extension once per run and
 * worker (one with the published build, one with the scanner's <all_urls> copy) instead of once
 * per test file. Test files connect over CDP (harness.ts connectShared) and start from a cleared store.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchWithExtension, type LaunchedBrowser } from '../../cli/browser';
import { scannerCopy } from '../../cli/build';
import { findChromium } from '../../scripts/chromium.mjs';
import { EXT, SHARED_HOSTS, type SharedBrowser } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** one pair per e2e worker, indexed by VITEST_POOL_ID - 1 */
    sharedBrowsers: { plain: SharedBrowser; allHosts: SharedBrowser }[] | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(EXT, 'manifest.json'))) {
    // the harness reports the missing build in each file
    project.provide('sharedBrowsers', null);
    return async () => undefined;
  }
  const executablePath = findChromium();
  const copy = scannerCopy(EXT);
  const launched: LaunchedBrowser[] = [];
  const launch = async (extensionPath: string): Promise<SharedBrowser> => {
    const b = await launchWithExtension({ extensionPath, executablePath, loopbackHosts: SHARED_HOSTS, offline: true, shareable: true });
    launched.push(b);
    return { endpoint: b.cdpEndpoint!, extensionId: b.extensionId };
  };
  // each worker runs its files on its own pair: a file clears the store it connects to
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  try {
    const pairs = await Promise.all(
      Array.from({ length: workers }, async () => {
        const [plain, allHosts] = await Promise.all([launch(EXT), launch(copy)]);
        return { plain, allHosts };
      }),
    );
    project.provide('sharedBrowsers', pairs);
  } catch (e) {
    // the other launch may still be under way: let it settle, then close what started
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all(launched.map((b) => b.close()));
    rmSync(copy, { recursive: true, force: true });
    throw e;
  }
  return async () => {
    await Promise.all(launched.map((b) => b.close()));
    rmSync(copy, { recursive: true, force: true });
  };
}
