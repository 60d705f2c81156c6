import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact({ prefreshEnabled: false, devToolsEnabled: false })],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          // a busy CI machine runs some files (the typo data's first load, fake-indexeddb
          // property runs) 3× slower than a quiet one: 5 s was too tight there
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // two files at a time (the machine has 2 cores): much of an e2e file is waiting on
          // servers, crawl politeness and Chromium, so a second file fills that time
          maxWorkers: 2,
          // Chromium is launched once per run and worker and shared by its files (tests/e2e/shared-browsers.ts)
          globalSetup: ['tests/e2e/shared-browsers.ts'],
        },
      },
    ],
  },
});
