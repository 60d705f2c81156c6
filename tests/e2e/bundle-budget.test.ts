/**
 * What ships: the content script stays within its gzip budget, and the test-only text (rule
 * examples, dictionary test sentences; scripts/strip-examples.ts) is not in any bundle.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXT } from './harness';
import budgets from '../../lib/data/budgets.json';
import typos from '../../lib/data/typos.json';
import typoRules from '../../lib/data/typo-rules.json';
import contextRules from '../../lib/data/typo-context-rules.json';
import geoNames from '../../lib/data/typo-geo-names.json';
import { RULES } from '../../lib/rules/index';
import { examplePage } from '../../lib/rules/examples';

const content = readFileSync(path.join(EXT, 'content-scripts/content.js'), 'utf8');
const background = readFileSync(path.join(EXT, 'background.js'), 'utf8');
/** every script that ships: background, content script, pages' chunks (the offscreen document's word lists among them) */
const shipped = (readdirSync(EXT, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(path.join(EXT, f), 'utf8')] as const);

describe('built bundles', () => {
  it(`content script ≤ ${budgets.contentScriptGzipBytes} bytes gzip`, () => {
    const gz = gzipSync(content).length;
    expect(gz).toBeLessThanOrEqual(budgets.contentScriptGzipBytes);
  });

  it('carries no dictionary test sentence and no rule example', () => {
    const sentences = (typos as { fires: string[]; silent: string[] }[]).flatMap((e) => [...e.fires, ...e.silent]);
    for (const s of sentences.slice(0, 50)) {
      expect(content.includes(s), s).toBe(false);
      expect(background.includes(s), s).toBe(false);
    }
    // the typo detectors' own examples (typo-rules, context rules, geographic names), in any script
    const detectorExamples = [
      ...Object.values(typoRules).flatMap((v) => (v && typeof v === 'object' && 'fires' in v ? [...(v as { fires: string[] }).fires, ...(v as { silent: string[] }).silent] : [])),
      ...contextRules.rules.flatMap((r) => [...r.fires, ...r.silent]),
      ...geoNames.fires,
      ...geoNames.silent,
    ].filter((t) => t.length >= 8);
    expect(detectorExamples.length).toBeGreaterThan(50);
    for (const [file, code] of shipped) for (const ex of detectorExamples) expect(code.includes(ex), `${file}: ${ex}`).toBe(false);
    // a rule example's body text, taken where it is long enough to be distinctive
    const bodies = RULES.flatMap((r) => r.examples.fires.map((ex) => examplePage(ex).html.replace(/<[^>]+>/g, '')))
      .map((t) => t.replace(/\s+/g, ''))
      .filter((t) => t.length >= 12)
      .slice(0, 20);
    expect(bodies.length).toBeGreaterThan(5);
    for (const b of bodies) expect(content.includes(b.slice(0, 12)), b).toBe(false);
  });
});
