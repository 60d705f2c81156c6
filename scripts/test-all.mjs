// The whole test suite, as `npm test` runs it: types, unit tests, the build, then end-to-end tests
// that load the built extension into Chromium. Ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
let ok = true;

function run(label, cmd, args) {
  console.log(`\n=== ${label} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(`=== ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) {
    console.error(`${label} 失败（退出码 ${r.status}）`);
    ok = false;
  }
  return r.status === 0;
}

function vitest(project, extra = []) {
  const out = `.test-results/${project}.json`;
  mkdirSync('.test-results', { recursive: true });
  rmSync(out, { force: true });
  run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra]);
  try {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
  } catch {
    failed += 1; // no report: the run itself broke
  }
}

run('wxt prepare', 'npx', ['wxt', 'prepare']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
// vitest's default on 2 cores is one worker; unit files are independent, so use both cores
vitest('unit', ['--maxWorkers=2']);
// e2e files run two at a time, each worker on its own Chromium pair (vitest.config.ts)
if (run('build', 'npx', ['wxt', 'build'])) vitest('e2e');
else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
