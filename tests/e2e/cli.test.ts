import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { serveFolder, type StaticServer } from '../../cli/serve';
import { ROOT } from './harness';

// async, not spawnSync: the test's own loopback server must keep answering while the CLI runs
function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * Runs the scan with stdout into a pipe read slowly (a few KiB, then a pause), like `| jq` on a
 * busy machine: everything the CLI wrote must arrive before it exits.
 */
function scanThroughSlowPipe(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'cli/scan.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => {
      out.push(c);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 15);
    });
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill(), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A page with `n` distinct sentences, each with the typo 烈土 (a finding each). */
function typoPage(n: number): string {
  const paras = Array.from({ length: n }, (_, i) => `<p>第${i + 1}次纪念活动：缅怀革命烈土，编号${i + 1}。</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>纪念活动汇编</title></head><body>${paras}</body></html>`;
}

let tmp: string;
let server: StaticServer;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-cli-'));
  writeFileSync(path.join(tmp, 'notes.txt'), '这不是网页');
  server = await serveFolder(tmp);
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('headless scan (npm run scan)', () => {
  it('scans the demo site, prints the JSON contract and writes the CSV; a bad target gets an error line and the rest is still reported', async () => {
    const out = path.join(tmp, 'findings.csv');
    const docx = path.join(tmp, 'tongbao.docx');
    const missing = path.join(tmp, 'no-such-page.html');
    const r = await scan(['--format', 'json', '--today', '2026-11-23', '--out', out, '--docx', docx, 'demo', missing, `http://127.0.0.1:${server.port}/gone.html`, `http://127.0.0.1:${server.port}/notes.txt`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`找不到文件或目录：${missing}`);
    expect(r.stderr).toMatch(/gone\.html：HTTP 404/);
    expect(r.stderr).toMatch(/notes\.txt：不是 HTML 页面/);
    const json = JSON.parse(r.stdout);
    expect(json.pages).toHaveLength(12);
    for (const p of json.pages) {
      expect(typeof p.scanMs).toBe('number');
      expect(p.pubDate === null || /^\d{4}-\d{2}-\d{2}$/.test(p.pubDate)).toBe(true);
    }
    const hero = json.pages.find((p: { url: string }) => p.url.endsWith('/xwdt/2026-11-18-hero.html'));
    expect(hero.pubDate).toBe('2026-11-18');
    expect(hero.pageType).toBe('article');
    expect(hero.findings.map((f: { evidence: string }) => f.evidence).sort()).toEqual(['中国入民', '人民代表大人', '烈土'].sort());
    const notice = json.pages.find((p: { url: string }) => p.url.endsWith('/tzgg/2025-01-08-notice.html'));
    expect(notice.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['footer.site-code', 'footer.police-record', 'footer.jiucuo']));
    const home = json.pages.find((p: { url: string }) => /:\d+\/index\.html$/.test(p.url));
    expect(home.findings).toEqual([]);
    expect(json.sites).toEqual([
      expect.objectContaining({ site: 'www.demo-county.gov.cn', siteCode: '3609990001', verdict: '疑似不合格', vetoCount: 4 }),
    ]);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(json.sites[0].findingCount);
    expect(rows.map((r) => r[8])).toContain('烈土');
    // the 通报 draft of the round: title naming it, the site, its evidence
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('2026年第四季度');
    expect(text).toContain('总体情况');
    expect(text).toContain(json.sites[0].siteName);
  }, 150_000);

  it('prints a readable table by default', async () => {
    const r = await scan(['--no-out', '--today', '2026-11-23', path.join(ROOT, 'tests/fixtures/demo-site/xwdt/2026-11-18-hero.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('疑似错别字：“烈土”应为“烈士”');
    expect(r.stdout).toContain('发布日期：2026-11-18');
    expect(r.stdout).toContain('网站汇总');
  }, 150_000);

  it('writes a report over 1 MB through a slowly read pipe, whole, also when a bad target makes it exit 1', async () => {
    const dir = path.join(tmp, 'big');
    mkdirSync(dir);
    const N = 5000;
    writeFileSync(path.join(dir, 'many-typos.html'), typoPage(N));
    const missing = path.join(tmp, 'missing.html');
    const r = await scanThroughSlowPipe(['--format', 'json', '--no-out', '--today', '2026-11-23', dir, missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`找不到文件或目录：${missing}`);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(1 << 20);
    const json = JSON.parse(r.stdout);
    expect(json.pages).toHaveLength(1);
    const typos = json.pages[0].findings.filter((f: { evidence: string }) => f.evidence === '烈土');
    expect(typos).toHaveLength(N);
    expect(json.errors).toEqual([{ target: missing, error: `找不到文件或目录：${missing}` }]);
    expect(json.sites).toHaveLength(1);
  }, 250_000);
});
