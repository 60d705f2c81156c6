/**
 * Layers of lib/ (checked by tests/unit/layers.test.ts, part of npm test). From the bottom:
 * lib/text (pure text helpers) < lib/scan (the page context) < lib/rules < lib/pipeline (one scan)
 * < lib/crawl, lib/store, lib/export, lib/verdict. lib/data JSON is data and may be read anywhere.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-not-ui',
      comment: 'lib/ is shared by every entry point and the CLI: it never imports an entry point or a component',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'text-is-the-bottom',
      comment: 'lib/text imports no other lib folder (lib/data JSON and lib/types.ts contracts are allowed)',
      severity: 'error',
      from: { path: '^lib/text/' },
      to: { path: '^lib/', pathNot: ['^lib/text/', '^lib/data/', '^lib/types\\.ts$'] },
    },
    {
      name: 'scan-below-rules',
      comment: 'lib/scan builds the page context: it knows nothing of rules, storage, crawling or exports',
      severity: 'error',
      from: { path: '^lib/scan/' },
      to: { path: '^lib/(rules|store|crawl|export|pipeline)/' },
    },
    {
      name: 'rules-below-store',
      comment: 'rules read a page model and settings; storage, crawling and exports sit above them',
      severity: 'error',
      from: { path: '^lib/rules/' },
      to: { path: '^lib/(store|crawl|export|pipeline)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^\\.wxt/|^\\.output/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // the extension's ?raw data imports resolve as files
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
