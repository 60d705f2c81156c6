// Runs before `npm test` and `npm run scan`: a fresh clone needs nothing typed by hand.
// Installs npm dependencies when missing or stale, and makes sure a Chromium is there.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const stamp = 'node_modules/.package-lock.json';
const stale = !existsSync(stamp) || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(stamp).mtimeMs + 1000);
if (stale) {
  console.log('正在安装依赖（npm ci）…');
  execSync(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { stdio: 'inherit' });
}
try {
  ensureChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
