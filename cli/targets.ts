import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build';

export const DEMO_HOST = 'www.demo-county.gov.cn';
export const DEMO_DIR = path.join(ROOT, 'tests/fixtures/demo-site');

/** A target resolved to pages: either URLs as given, or files served from a folder. */
export type Target =
  | { kind: 'url'; arg: string; url: string }
  | { kind: 'folder'; arg: string; root: string; files: string[]; host: string }
  | { kind: 'error'; arg: string; error: string };

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(s?html?)$/i.test(e.name)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  // the home page first, as an inspector would start
  return out.sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : 0));
}

export function resolveTarget(arg: string): Target {
  if (arg === 'demo') return { kind: 'folder', arg, root: DEMO_DIR, files: htmlFiles(DEMO_DIR), host: DEMO_HOST };
  if (/^https?:\/\//i.test(arg)) {
    try {
      return { kind: 'url', arg, url: new URL(arg).href };
    } catch {
      return { kind: 'error', arg, error: `网址格式不正确：${arg}` };
    }
  }
  const p = path.resolve(arg);
  if (!existsSync(p)) return { kind: 'error', arg, error: `找不到文件或目录：${arg}` };
  if (statSync(p).isDirectory()) {
    const files = htmlFiles(p);
    if (!files.length) return { kind: 'error', arg, error: `目录中没有 HTML 页面：${arg}` };
    return { kind: 'folder', arg, root: p, files, host: '127.0.0.1' };
  }
  if (!/\.(s?html?)$/i.test(p)) return { kind: 'error', arg, error: `不是 HTML 文件：${arg}` };
  return { kind: 'folder', arg, root: path.dirname(p), files: [path.basename(p)], host: '127.0.0.1' };
}
