/**
 * The precision corpus — 60 State Council policy documents and 9 real government pages — is
 * written correctly: the open-vocabulary detectors must raise no deduct or veto there and at most
 * 5 hints in all. (Test data only: no statistics are built from it.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTypos } from '../../../lib/typos';
import { lineBlocks, precisionCorpus, REAL } from './corpus';

describe('precision corpus', () => {
  const docs = precisionCorpus();

  it('holds the 60 policy documents and 9 pages', () => {
    expect(docs.filter((d) => d.file.startsWith('policy/'))).toHaveLength(60);
    expect(docs.filter((d) => d.file.startsWith('pages/'))).toHaveLength(9);
  });

  it('gives no deduct or veto finding and at most 5 hints', () => {
    const findings = docs.flatMap((d) => detectTypos(d.blocks).map((f) => `${d.file}: ${f.kind} ${f.severity} ${f.wrong}→${f.right}`));
    expect(findings.filter((f) => !f.includes(' hint '))).toEqual([]);
    expect(findings.length).toBeLessThanOrEqual(5);
  }, 60_000);
});

describe('the five real 通报 (tests/fixtures/real/seeds)', () => {
  // what our users write: correct official text, one of them republished in traditional
  // characters, quoting the errors they found in “…”
  it('gives a deduct or veto finding only on an error the 通报 quotes', () => {
    const dir = path.join(REAL, 'seeds');
    const outsideQuotes: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const f of detectTypos(lineBlocks(text))) {
        if (f.severity === 'hint') continue;
        const open = text.lastIndexOf('“', f.start);
        const close = text.indexOf('”', f.end);
        const quoted = open >= 0 && close >= 0 && !text.slice(open, f.start).includes('”') && !text.slice(open, close).includes('\n');
        if (!quoted) outsideQuotes.push(`${file}: ${f.kind} ${f.wrong}→${f.right}`);
      }
    }
    expect(outsideQuotes).toEqual([]);
  }, 60_000);
});
