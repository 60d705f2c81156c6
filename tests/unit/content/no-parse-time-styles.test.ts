/**
 * Issue 12: a stylesheet the manifest injects into every gov.cn page applies while the page
 * parses and made a page of 50,000 spans 20× slower to load. WXT turns any CSS the content
 * script imports into content_scripts[].css, so the content script's import graph must hold no
 * CSS, and the background must not insert the content script's CSS either. The built manifest
 * is checked by tests/e2e/page-styles.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEsbuild } from '../../bench/bundle';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('styles that apply while a page parses', () => {
  it('the content script imports no CSS (WXT would inject it into every page from the first byte)', async () => {
    const build = await loadEsbuild();
    const res = await build({
      entryPoints: [path.join(ROOT, 'entrypoints/content/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      alias: { '@': ROOT },
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // what the page gets from a CSS import is the question, not its contents
      loader: { '.css': 'empty' },
    });
    const inputs = Object.keys(res.metafile!.inputs);
    expect(inputs.some((f) => f.endsWith('entrypoints/content/app.ts'))).toBe(true);
    expect(inputs.filter((f) => /\.(css|scss|less|sass)(\?.*)?$/.test(f))).toEqual([]);
  });

  it('the background never inserts CSS into a tab', () => {
    const src = readFileSync(path.join(ROOT, 'entrypoints/background/scan.ts'), 'utf8');
    expect(src).not.toMatch(/insertCSS/);
  });
});
