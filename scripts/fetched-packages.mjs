/**
 * Files of packages the data builds read without installing them: an npm tarball fetched with
 * `npm pack`, Debian packages fetched with `apt-get download` and unpacked with `dpkg -x`, each
 * into a temp dir removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One file of an npm tarball. */
export function packedFile(pkg, file) {
  return packedFiles(pkg, [file]).get(file);
}

/** Several files of one npm tarball, packed once: file → text. */
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

/**
 * Debian packages downloaded and unpacked into one temp tree: `use` gets the tree's root (the
 * packages' files under it, usr/…), the temp dir (for scratch files) and the .deb file names; its
 * result (or promise) is returned once the temp dir is gone.
 */
export async function withDebianPackages(packages, use) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'deb-'));
  try {
    execFileSync('apt-get', ['download', ...packages], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    const debs = readdirSync(tmp).filter((f) => f.endsWith('.deb'));
    for (const deb of debs) execFileSync('dpkg', ['-x', deb, 'x'], { cwd: tmp });
    return await use(path.join(tmp, 'x'), tmp, debs);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
