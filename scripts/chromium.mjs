// Finds a Chromium for the headless scan and the end-to-end tests, installing Debian's package
// when none is found and apt can be used. Plain Node (no dependencies): runs before npm install.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/** The first usable browser binary, or '' when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', onPath('chromium'), onPath('google-chrome'), onPath('google-chrome-stable'), onPath('chromium-browser')];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return '';
}

function canApt() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && !!onPath('apt-get');
}

/** A browser path; installs Debian's chromium (and a CJK font for readable screenshots) if needed. */
export function ensureChromium({ quiet = false } = {}) {
  let found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH 指向的浏览器不存在：${process.env.CHROME_PATH}`);
  }
  if (!canApt()) {
    throw new Error(
      '未找到 Chromium 浏览器。请安装 Chromium 或 Chrome（Debian/Ubuntu：sudo apt-get install -y chromium），' +
        '或设置环境变量 CHROME_PATH 指向浏览器程序。',
    );
  }
  if (!quiet) console.log('未找到 Chromium，正在用 apt 安装 Debian 的 chromium 和中文字体（约 1 分钟）…');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null'], { stdio: 'inherit' });
  found = findChromium();
  if (!found) throw new Error('已尝试用 apt 安装 chromium，但仍未找到浏览器程序。');
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
