#!/usr/bin/env node
/**
 * Builds lib/data/spam-domains.txt (one host a line, sorted) from a raw list of illegal
 * (gambling/porn) domains, by default tests/fixtures/real/spam/illegal-domains.txt.
 *
 *   node scripts/build-spam-domains.mjs [source.txt]
 *
 * The output is committed: a fresh clone builds without the source list. Cleaning: trim, lower-case,
 * drop a trailing dot and anything that is not a host name, drop gov.cn/edu.cn/mil.cn hosts (a
 * government host is never reported as a spam domain; a hacked one is found by its content), and
 * drop hosts already covered by a listed parent (the background matches subdomains too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const src = process.argv[2] ?? path.resolve(ROOT, 'tests/fixtures/real/spam/illegal-domains.txt');
const out = path.join(ROOT, 'lib/data/spam-domains.txt');

const HOST = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;
const OFFICIAL = /(^|\.)(gov|edu|mil)\.cn$|(^|\.)gov$/;

const raw = readFileSync(src, 'utf8').split(/\r?\n/);
const hosts = new Set();
let skipped = 0;
let official = 0;
for (const line of raw) {
  const h = line.trim().toLowerCase().replace(/\.$/, '');
  if (!h || h.startsWith('#')) continue;
  if (!HOST.test(h)) {
    skipped++;
    continue;
  }
  if (OFFICIAL.test(h)) {
    official++;
    continue;
  }
  hosts.add(h);
}
/** true when a proper parent of h (at least two labels) is listed */
function coveredByParent(h) {
  const labels = h.split('.');
  for (let i = 1; i < labels.length - 1; i++) if (hosts.has(labels.slice(i).join('.'))) return true;
  return false;
}
const kept = [...hosts].filter((h) => !coveredByParent(h)).sort();
writeFileSync(out, kept.join('\n') + '\n');
console.log(
  `spam-domains: ${raw.length} lines → ${kept.length} hosts (${hosts.size - kept.length} covered by a parent, ${official} official hosts dropped, ${skipped} not host names) → ${path.relative(ROOT, out)}`,
);
