/**
 * What ships: the content script stays within its gzip budget, and the test-only text (rule
 * examples, dictionary test sentences; scripts/strip-examples.ts) is not in any bundle.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXT } from './harness';
import budgets from '../../lib/data/budgets.json';
import typos from '../../lib/data/typos.json';
import { RULES } from '../../lib/rules/index';
import { examplePage } from '../../lib/rules/examples';

const content = readFileSync(path.join(EXT, 'content-scripts/content.js'), 'utf8');
const background = readFileSync(path.join(EXT, 'background.js'), 'utf8');

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
    // a rule example's body text, taken where it is long enough to be distinctive
    const bodies = RULES.flatMap((r) => r.examples.fires.map((ex) => examplePage(ex).html.replace(/<[^>]+>/g, '')))
      .map((t) => t.replace(/\s+/g, ''))
      .filter((t) => t.length >= 12)
      .slice(0, 20);
    expect(bodies.length).toBeGreaterThan(5);
    for (const b of bodies) expect(content.includes(b.slice(0, 12)), b).toBe(false);
  });
});
