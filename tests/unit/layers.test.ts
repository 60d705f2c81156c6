/**
 * The layers of lib/ (.dependency-cruiser.cjs): lib never imports entry points or components,
 * lib/text imports no other lib folder, lib/scan no rules/store/crawl/export, lib/rules no
 * store/crawl/export. Fails on any violation, printing each one.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('layers', () => {
  it('no module imports across the forbidden layer lines', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT); // dependency-cruiser reports and resolves paths relative to the working directory
    try {
      const config = await extractDepcruiseConfig(path.join(ROOT, '.dependency-cruiser.cjs'));
      const tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
      const result = await cruise(
        ['lib', 'entrypoints', 'components', 'cli'],
        { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } },
        undefined,
        { tsConfig },
      );
      const out = result.output as ICruiseResult;
      // a sanity floor: a config that matched nothing would pass vacuously
      expect(out.summary.totalCruised).toBeGreaterThan(150);
      const violations = out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
