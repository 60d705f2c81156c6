/** Bundles tests/bench/page-entry.ts into one iife script for page.addScriptTag({ path }). */
import { createRequire } from 'node:module';
import path from 'node:path';

export type BuildFn = (opts: Record<string, unknown>) => Promise<{ errors: unknown[]; warnings: unknown[]; metafile?: { inputs: Record<string, unknown> } }>;

/** esbuild from the repo (a dependency of tsx/vite), else tsx's own copy. */
export async function loadEsbuild(): Promise<BuildFn> {
  const require = createRequire(import.meta.url);
  let resolved: string;
  try {
    resolved = require.resolve('esbuild');
  } catch {
    const tsxDir = path.dirname(require.resolve('tsx/package.json'));
    resolved = createRequire(path.join(tsxDir, 'package.json')).resolve('esbuild');
  }
  const mod = (await import(resolved)) as { build?: BuildFn; default?: { build: BuildFn } };
  const build = mod.build ?? mod.default?.build;
  if (!build) throw new Error(`esbuild at ${resolved} has no build()`);
  return build;
}

export async function bundlePageEntry(outfile: string): Promise<string> {
  const build = await loadEsbuild();
  await build({
    entryPoints: [path.join(import.meta.dirname, 'page-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile,
    write: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return outfile;
}
