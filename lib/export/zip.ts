/**
 * The ZIP export: the findings CSV plus every screenshot, each named after its finding so the
 * CSV's 截图 column points at the file (screenshots/<site>/<ruleId>-<findingId>.png).
 */
import { safeName, ymd } from './file-name';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Finding, ScreenshotRecord, SiteRecord } from '../types';
import { findingsToCsv, type CsvOptions } from './csv';

const safe = (s: string) => safeName(s);

function extOf(type: string): string {
  return type === 'image/jpeg' ? 'jpg' : type === 'image/webp' ? 'webp' : 'png';
}

/** Path of each screenshot inside the ZIP, by screenshot id (several per finding get -2, -3…). */
export function screenshotPaths(findings: Map<string, Finding>, shots: Pick<ScreenshotRecord, 'id' | 'findingId' | 'blob' | 'createdAt'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const sorted = [...shots].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const s of sorted) {
    const f = findings.get(s.findingId);
    const base = f ? `screenshots/${safe(f.site)}/${safe(f.ruleId)}-${safe(f.id)}` : `screenshots/_/${safe(s.findingId)}`;
    let name = `${base}.${extOf(s.blob.type)}`;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}.${extOf(s.blob.type)}`;
    used.add(name);
    out.set(s.id, name);
  }
  return out;
}

export interface ZipInput {
  csvName: string;
  findings: Finding[];
  sites: Map<string, SiteRecord>;
  screenshots: ScreenshotRecord[];
  csvOptions?: CsvOptions;
}

/** Builds the archive in memory (screenshots stored, not recompressed: PNG is compressed already). */
export async function buildZip(input: ZipInput): Promise<Uint8Array> {
  const byId = new Map(input.findings.map((f) => [f.id, f]));
  const paths = screenshotPaths(byId, input.screenshots);
  // a finding's 截图 cell: its screenshot files in the archive
  const filesOf = new Map<string, string[]>();
  for (const s of input.screenshots) {
    const l = filesOf.get(s.findingId) ?? [];
    l.push(paths.get(s.id)!);
    filesOf.set(s.findingId, l);
  }
  const csv = findingsToCsv(
    input.findings.map((finding) => ({ finding, site: input.sites.get(finding.site) })),
    { ...input.csvOptions, screenshotName: (f) => (filesOf.get(f.id) ?? []).join(' ') },
  );
  const files: Zippable = { [input.csvName]: [strToU8(csv), { level: 6 }] };
  for (const s of input.screenshots) {
    files[paths.get(s.id)!] = [new Uint8Array(await s.blob.arrayBuffer()), { level: 0 }];
  }
  return zipSync(files);
}

export function zipFileName(scope: string, now: Date): string {
  return `govcheck-${safe(scope)}-${ymd(now)}.zip`;
}
