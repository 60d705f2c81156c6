/**
 * The precision corpus — 60 State Council policy documents and 9 real government pages — is
 * written correctly: the open-vocabulary detectors must raise no deduct or veto there and at most
 * 5 hints in all. (Test data only: no statistics are built from it.)
 */
import { describe, expect, it } from 'vitest';
import { detectTypos } from '../../../lib/typos';
import { precisionCorpus } from './corpus';

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
