/**
 * Batch scan end to end (`npm run scan -- --sites LIST --crawl`): three sites on loopback under
 * their own *.gov.cn names (--resolve), the demo site, the crawl fixture and a generated site whose
 * pages show no 网站名称 / 网站标识码 (the list supplies them). One unsharded run is the reference;
 * two shards merged (npm run merge) give the same sites and findings; a run killed midway and rerun
 * on its --state skips the site it finished and reports the same as the reference.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { ROOT, TODAY } from './harness';
import { serveCrawlSite, type CrawlServer } from './crawl-server';
import { generateCountySite } from '../bench/gen-site';
import { validateBackup, type Backup } from '../../lib/export/backup';
import { shardOf } from '../../cli/shard';

const HOSTS = { demo: 'www.demo-county.gov.cn', crawl: 'www.crawl-county.gov.cn', gen: 'www.batch-gen.gov.cn' } as const;
type Key = keyof typeof HOSTS;

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile('npx', ['tsx', cmd, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Runs the batch scan and stops it (SIGTERM to its process group) once stderr matches `when`. */
function scanUntil(extra: string[], when: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'cli/scan.ts', '--sites', list, '--crawl', '--format', 'json', '--no-out', '--today', TODAY, ...resolveArgs, ...extra], { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      if (!sent && when.test(stderr)) {
        sent = true;
        process.kill(-child.pid!, 'SIGTERM');
      }
    });
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

let tmp: string;
const servers = {} as Record<Key, CrawlServer>;
let list: string;
const resolveArgs = Object.values(HOSTS).flatMap((h) => ['--resolve', h]);
const scan = (extra: string[]) => run('cli/scan.ts', ['--sites', list, '--crawl', '--format', 'json', '--no-out', '--today', TODAY, ...resolveArgs, ...extra]);
const requestsTo = (k: Key) => servers[k].log.filter((r) => r.host === HOSTS[k]).length;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-batch-'));
  const gen = path.join(tmp, 'gen');
  mkdirSync(gen);
  generateCountySite(gen, { pages: 6, name: '批量测试县人民政府', code: '3609990077', identity: false });
  servers.demo = await serveCrawlSite(path.join(ROOT, 'tests/fixtures/demo-site'));
  servers.crawl = await serveCrawlSite(path.join(ROOT, 'tests/fixtures/crawl-site'));
  servers.gen = await serveCrawlSite(gen);
  const url = (k: Key) => `http://${HOSTS[k]}:${servers[k].port}/`;
  list = path.join(tmp, 'sites.csv');
  writeFileSync(
    list,
    [
      '网址,网站名称,网站标识码',
      '# 第四季度抽查',
      `${url('demo')},,`,
      '',
      'not a url,坏的一行,',
      `${url('crawl')},示范区人民政府,3609990002`,
      `${url('gen')},批量测试县人民政府,3609990077`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.close()));
  rmSync(tmp, { recursive: true, force: true });
});

interface SiteJson {
  site: string;
  siteName: string;
  siteCode: string;
  siteNameFrom?: string;
  siteCodeFrom?: string;
  verdict: string;
  reasons: string[];
  vetoCount: number;
  findingCount: number;
  score: number;
  line: number;
  crawl?: { checked: number; total: number; phase: string };
}
const facts = (b: Backup) => ({
  sites: b.sites.map((s) => `${s.site}|${s.name}|${s.siteCode}`).sort(),
  findings: b.findings.map((f) => `${f.id}|${f.ruleId}|${f.url}|${f.status}`).sort(),
});
const verdicts = (sites: SiteJson[]) => sites.map(({ site, siteName, siteCode, verdict, reasons, vetoCount, findingCount, score, line }) => ({ site, siteName, siteCode, verdict, reasons, vetoCount, findingCount, score, line }));

describe('batch scan (npm run scan -- --sites)', () => {
  let reference: { sites: SiteJson[]; pages: { url: string }[]; errors: { target: string; error: string }[] };
  let referenceBackup: Backup;

  it('scans and crawls each listed site, several at once: one sites[] entry each, progress on stderr, a bad line named and skipped, a backup the dashboard imports', async () => {
    const backup = path.join(tmp, 'all.json');
    const csv = path.join(tmp, 'all.csv');
    const docx = path.join(tmp, 'all.docx');
    const r = await scan(['--concurrency', '3', '--backup', backup, '--out', csv, '--docx', docx]);
    expect(r.stderr).toContain('网站列表 第 5 行：网址格式不正确（“not a url”），已跳过');
    expect(r.code).toBe(1); // the bad line is an error of the run
    reference = JSON.parse(r.stdout);
    expect(reference.errors).toEqual([{ target: `${list} 第 5 行`, error: '网址格式不正确（“not a url”），已跳过' }]);
    expect(reference.sites.map((s) => s.site)).toEqual([HOSTS.demo, HOSTS.crawl, HOSTS.gen]);
    const [demo, crawl, gen] = reference.sites as [SiteJson, SiteJson, SiteJson];
    // the crawl fixture: 18 columns checked by the extension's crawl, 5 stale 动态/政策 columns → 栏目不更新
    expect(crawl.crawl).toEqual({ checked: 18, total: 18, phase: 'done' });
    expect(crawl.reasons.join('')).toContain('栏目不更新');
    expect(crawl).toMatchObject({ siteName: '示范区人民政府', siteCode: '3609990002', siteNameFrom: 'page', siteCodeFrom: 'page' });
    // the crawl checks columns, not articles: the demo site's faulty articles are not among its pages
    expect(demo).toMatchObject({ siteName: '示范县人民政府', siteCode: '3609990001', siteCodeFrom: 'page' });
    expect(demo.crawl?.phase).toBe('done');
    // the generated site shows neither: the list's are used, and the report says so
    expect(gen).toMatchObject({ siteName: '批量测试县人民政府', siteCode: '3609990077', siteNameFrom: 'list', siteCodeFrom: 'list' });
    // 5 links: 4 columns and an article (not a column, so not crawled)
    expect(gen.crawl).toEqual({ phase: 'done', checked: 4, total: 4 });
    // pages of every site: home pages and crawled columns
    expect(reference.pages.filter((p) => p.url.includes(HOSTS.crawl)).length).toBeGreaterThanOrEqual(15);
    // progress: one line per event into a pipe, ending at 3/3
    const progress = r.stderr.split('\n').filter((l) => l.startsWith('[进度]'));
    expect(progress.length).toBeGreaterThan(6);
    expect(progress.at(-1)).toMatch(/^\[进度\] 网站 3\/3，页面 \d+/);
    expect(progress.some((l) => /当前 http:\/\/www\.crawl-county\.gov\.cn:\d+\/.+/.test(l))).toBe(true);
    // the crawl's politeness held with three sites at once
    expect(servers.crawl.maxInFlight()).toBeLessThanOrEqual(2);
    referenceBackup = validateBackup(JSON.parse(readFileSync(backup, 'utf8')));
    expect(referenceBackup.sites.find((s) => s.site === HOSTS.gen)).toMatchObject({ name: '批量测试县人民政府', siteCode: '3609990077' });
    expect(facts(referenceBackup).findings.length).toBeGreaterThan(5);
    // the CSV and the 通报 draft cover every site
    const rows = Papa.parse<string[]>(readFileSync(csv, 'utf8').slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.length).toBe(referenceBackup.findings.filter((f) => f.status !== 'dismissed').length);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    for (const name of ['示范县人民政府', '示范区人民政府', '批量测试县人民政府']) expect(xml).toContain(name);
  }, 120_000);

  it('two shards merged equal the unsharded run', async () => {
    expect(reference).toBeDefined();
    const shardOfHost = (k: Key) => shardOf(HOSTS[k], 2);
    // the fixture hosts fall into both shards (the hash is fixed; this guards the test's premise)
    expect(new Set((Object.keys(HOSTS) as Key[]).map(shardOfHost)).size).toBe(2);
    const s0 = path.join(tmp, 'shard-0.json');
    const s1 = path.join(tmp, 'shard-1.json');
    // the two machines of a sharded run, at once: each its own Chromium, its own share of the sites
    const [a, b] = await Promise.all([scan(['--shard', '0/2', '--backup', s0]), scan(['--shard', '1/2', '--backup', s1])]);
    const inFirst = (Object.keys(HOSTS) as Key[]).filter((k) => shardOfHost(k) === 0);
    expect(a.stderr).toContain(`分片 0/2：本机检查 ${inFirst.length} 个网站（列表共 3 个）`);
    expect(JSON.parse(a.stdout).sites.map((s: SiteJson) => s.site).sort()).toEqual(inFirst.map((k) => HOSTS[k]).sort());
    expect(JSON.parse(b.stdout).sites).toHaveLength(3 - inFirst.length);

    const merged = path.join(tmp, 'merged.json');
    const m = await run('cli/merge.ts', [s0, s1, '--out', merged]);
    expect(m.code).toBe(0);
    expect(m.stderr).toContain('已合并 2 个备份（网站 3 个');
    expect(facts(validateBackup(JSON.parse(readFileSync(merged, 'utf8'))))).toEqual(facts(referenceBackup));

  }, 180_000);

  it('a run killed midway, rerun with the same --state, skips the sites it finished and reports the same as one uninterrupted run', async () => {
    expect(reference).toBeDefined();
    const state = path.join(tmp, 'state');
    // one site at a time, stopped once the first has finished (the second is then being crawled)
    const killed = await scanUntil(['--concurrency', '1', '--state', state], /\[进度\] 网站 1\/3/);
    expect(killed.stderr).toContain(`已中断（SIGTERM）：已完成的网站记录在 ${state}`);
    const finished = readdirSync(state).filter((f) => f.endsWith('.json'));
    expect(finished).toHaveLength(1);
    const done = (Object.keys(HOSTS) as Key[]).filter((k) => killed.stderr.includes(`完成 http://${HOSTS[k]}:`));
    expect(done).toHaveLength(1);

    const before = Object.fromEntries((Object.keys(HOSTS) as Key[]).map((k) => [k, requestsTo(k)]));
    const backup = path.join(tmp, 'resumed.json');
    const resumed = await scan(['--state', state, '--backup', backup]);
    expect(resumed.stderr).toContain(`已跳过上次完成的网站 1 个（--state ${state}）`);
    for (const k of Object.keys(HOSTS) as Key[]) {
      if (done.includes(k)) expect(requestsTo(k), k).toBe(before[k]);
      else expect(requestsTo(k), k).toBeGreaterThan(before[k]!);
    }
    const json = JSON.parse(resumed.stdout);
    expect(verdicts(json.sites)).toEqual(verdicts(reference.sites));
    expect(json.pages.map((p: { url: string }) => p.url)).toEqual(reference.pages.map((p) => p.url));
    // the finished site's records came back from the state: the backup is the whole round's
    expect(facts(validateBackup(JSON.parse(readFileSync(backup, 'utf8'))))).toEqual(facts(referenceBackup));
  }, 180_000);
});
