import { existsSync, statSync, readdirSync, cpSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BUILD_DIR = path.join(ROOT, process.env.WXT_OUT_DIR || '.output', 'chrome-mv3');
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

/** Whether the build exists and is newer than every source file. */
export function buildState(): 'missing' | 'stale' | 'fresh' {
  const manifest = path.join(BUILD_DIR, 'manifest.json');
  if (!existsSync(manifest)) return 'missing';
  const src = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  return src > statSync(manifest).mtimeMs ? 'stale' : 'fresh';
}

/** Builds the extension when the build is missing or older than its sources. */
export function ensureBuilt(log: (s: string) => void): string {
  const state = buildState();
  if (state !== 'fresh') {
    log(state === 'stale' ? '源码有更新，正在重新构建扩展…' : '正在构建扩展（首次约 10 秒）…');
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return BUILD_DIR;
}

/**
 * A copy of the build that may run on any host: the headless scan inspects whatever targets it
 * is given, while the published extension asks for hosts at run time. Same code, wider grant.
 */
export function scannerCopy(buildDir: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govcheck-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  const mf = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  mf.host_permissions = ['<all_urls>'];
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(mf));
  return dir;
}
