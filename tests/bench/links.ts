/**
 * Link-check bench (`npm run bench:links`): one loopback page with 500 links of known fate (live,
 * 404, 410, soft 404, 403, slow 2 s, redirect chains, PDFs and images, some answered with error
 * pages), checked by GovCheck's LinkChecker and by Debian's `linkchecker` in the same run, at the
 * same politeness: at most 2 connections to the host, requests at least 300 ms apart
 * (linkchecker: threads=2, maxrequestspersecond=1/0.3; it then waits a random 0.3–1.8 s between
 * requests to a host, its own design). Prints side by side: dead links found, wrong calls (a live
 * or 403 target called dead), wall time, requests and what the server saw.
 *
 * Options: --links N (default 500), --delay MS (default lib/data/link-check.json), --no-linkchecker.
 * linkchecker is skipped with a note when it is not installed. Only 127.0.0.1 is ever asked.
 * A report, not a test: exits 0 unless the bench itself fails.
 */
import http from 'node:http';
import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LinkChecker } from '../../lib/links/checker';
import { extractLinks } from '../../lib/links/extract';
import { linkKey } from '../../lib/links/url';
import { parseHtml } from '../helpers/load-page';
import cfg from '../../lib/data/link-check.json';

type Truth = 'live' | 'dead' | 'blocked';

/** Each kind of link: its share of the page, its route, what it really is. */
const KINDS: { name: string; share: number; path: (i: number) => string; truth: Truth }[] = [
  { name: 'live page', share: 230, path: (i) => `/live/${i}.html`, truth: 'live' },
  { name: '404', share: 60, path: (i) => `/gone404/${i}.html`, truth: 'dead' },
  { name: '410', share: 20, path: (i) => `/gone410/${i}.html`, truth: 'dead' },
  { name: 'soft 404 (200 页面不存在)', share: 30, path: (i) => `/soft/${i}.html`, truth: 'dead' },
  { name: '403 (firewall)', share: 30, path: (i) => `/forbidden/${i}.html`, truth: 'blocked' },
  { name: 'slow 2 s', share: 20, path: (i) => `/slow/${i}.html`, truth: 'live' },
  { name: 'redirect → live', share: 30, path: (i) => `/moved/${i}.html`, truth: 'live' },
  { name: '3-hop redirect → live', share: 10, path: (i) => `/chain/${i}/1`, truth: 'live' },
  { name: 'redirect → 404', share: 10, path: (i) => `/moved-dead/${i}.html`, truth: 'dead' },
  { name: 'PDF', share: 20, path: (i) => `/files/${i}.pdf`, truth: 'live' },
  { name: 'PDF → HTML error page', share: 10, path: (i) => `/files/missing-${i}.pdf`, truth: 'dead' },
  { name: 'PDF 404', share: 10, path: (i) => `/files/none-${i}.pdf`, truth: 'dead' },
  { name: 'image', share: 10, path: (i) => `/img/${i}.png`, truth: 'live' },
  { name: 'image 404', share: 10, path: (i) => `/img/none-${i}.png`, truth: 'dead' },
];

const SLOW_MS = 2000;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4000, 0x20)]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1d6d40000000049454e44ae426082', 'hex');
const html = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const ARTICLE = html('关于做好2024年政务公开工作的通知_基准县人民政府', `<h1>关于做好2024年政务公开工作的通知</h1>${'<p>各乡镇人民政府，县政府各部门：现将有关事项通知如下，请认真贯彻执行。</p>'.repeat(40)}`);
const NOT_FOUND = html('404 Not Found', '<h1>404 Not Found</h1><hr>nginx');
const SOFT = html('页面不存在_基准县人民政府', '<p>对不起，您访问的页面不存在或已被删除。</p><a href="/">返回首页</a>');

/** A seeded shuffle so kinds interleave the same way every run. */
function shuffle<T>(a: T[], seed = 20241203): T[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function buildSite(total: number): { links: { path: string; kind: string; truth: Truth }[]; page: string } {
  const all = KINDS.reduce((n, k) => n + k.share, 0);
  const links = shuffle(KINDS.flatMap((k) => Array.from({ length: Math.max(1, Math.round((k.share * total) / all)) }, (_, i) => ({ path: k.path(i), kind: k.name, truth: k.truth }))));
  const items = links.map((l, i) => (l.path.startsWith('/img/') ? `<li><img src="${l.path}" alt="图片${i}"></li>` : `<li><a href="${l.path}">链接${i}</a></li>`));
  return { links, page: html('基准县人民政府', `<ul>${items.join('\n')}</ul>`) };
}

interface Seen {
  start: number;
  end: number;
  method: string;
}

function route(p: string, method: string, res: http.ServerResponse): void {
  const send = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(method === 'HEAD' ? undefined : body);
  };
  const redirect = (to: string, status = 302) => {
    res.writeHead(status, { location: to, 'content-length': '0' });
    res.end();
  };
  let m: RegExpExecArray | null;
  if (p.startsWith('/live/') || p.startsWith('/target/')) return send(200, ARTICLE);
  if (p.startsWith('/gone404/') || p.startsWith('/files/none-') || p.startsWith('/img/none-')) return send(404, NOT_FOUND);
  if (p.startsWith('/gone410/')) return send(410, html('410 Gone', '<h1>410 Gone</h1>'));
  if (p.startsWith('/soft/')) return send(200, SOFT);
  if (p.startsWith('/forbidden/')) return send(403, html('403 Forbidden', '<h1>403 Forbidden</h1>'));
  if (p.startsWith('/slow/')) return void setTimeout(() => send(200, ARTICLE), SLOW_MS);
  if ((m = /^\/moved\/(\d+)\.html$/.exec(p))) return redirect(`/target/${m[1]}.html`, 301);
  if ((m = /^\/chain\/(\d+)\/(\d)$/.exec(p))) return redirect(m[2] === '3' ? `/target/c${m[1]}.html` : `/chain/${m[1]}/${Number(m[2]) + 1}`);
  if ((m = /^\/moved-dead\/(\d+)\.html$/.exec(p))) return redirect(`/gone404/x${m[1]}.html`);
  if (p.startsWith('/files/missing-')) return send(200, html('404错误_基准县人民政府', '<p>您要下载的文件不存在</p>'));
  if (p.startsWith('/files/')) return send(200, PDF, 'application/pdf');
  if (p.startsWith('/img/')) return send(200, PNG, 'image/png');
  return send(404, NOT_FOUND);
}

interface ServerStats {
  requests: number;
  maxOpen: number;
  minGapMs: number;
}

/** The site server, run in a child process: its clock is not blurred by the checker's event loop. */
function serveSite(page: string, send: (msg: unknown) => void): void {
  const seen: Seen[] = [];
  let open = 0;
  let maxOpen = 0;
  const server = http.createServer((req, res) => {
    const rec: Seen = { start: Date.now(), end: 0, method: req.method || '' };
    const p = (req.url || '/').split('?')[0]!;
    if (p === '/' || p === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    seen.push(rec);
    maxOpen = Math.max(maxOpen, ++open);
    res.on('close', () => {
      rec.end = Date.now();
      open--;
    });
    route(p, req.method || 'GET', res);
  });
  process.on('message', (m) => {
    if (m === 'take') {
      const starts = seen.map((r) => r.start).sort((x, y) => x - y);
      let minGap = Infinity;
      for (let i = 1; i < starts.length; i++) minGap = Math.min(minGap, starts[i]! - starts[i - 1]!);
      const stats: ServerStats = { requests: seen.length, maxOpen, minGapMs: Number.isFinite(minGap) ? minGap : 0 };
      seen.length = 0;
      maxOpen = 0;
      send({ stats });
    } else if (m === 'close') server.close(() => process.exit(0));
  });
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }));
}

async function startSite(links: number) {
  const child = fork(import.meta.filename, ['--serve', String(links)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const on = (m: Record<string, T>) => {
        if (!(key in m)) return;
        child.off('message', on);
        resolve(m[key]!);
      };
      child.on('message', on);
      child.once('exit', (code) => reject(new Error(`site server exited ${code}`)));
    });
  const port = await next<number>('port');
  return {
    base: `http://127.0.0.1:${port}`,
    /** what the server saw since the last take: requests, most at once, the smallest gap between starts */
    take: () => {
      const p = next<ServerStats>('stats');
      child.send('take');
      return p;
    },
    close: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.send('close');
      }),
  };
}

interface ToolResult {
  tool: string;
  seconds: number;
  /** URL path → called dead */
  deadPaths: Set<string>;
  server: ServerStats;
  note?: string;
}

async function runGovCheck(base: string, delayMs: number): Promise<Omit<ToolResult, 'server'>> {
  const t0 = performance.now();
  const pageUrl = base + '/';
  const page = await (await fetch(pageUrl)).text();
  const links = extractLinks(parseHtml(page, pageUrl), pageUrl);
  // when each request left the client: the gate's promise, before connection set-up blurs it
  const sent: number[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    sent.push(performance.now());
    return fetch(input, init);
  };
  const checker = new LinkChecker({ delayMs, redirectMode: 'manual', fetchImpl });
  const run = await checker.run(links.map((l) => ({ url: l.url, kind: l.kind })));
  const seconds = (performance.now() - t0) / 1000;
  let clientGap = Infinity;
  for (let i = 1; i < sent.length; i++) clientGap = Math.min(clientGap, sent[i]! - sent[i - 1]!);
  const deadPaths = new Set([...run.results.values()].filter((r) => r.verdict === 'dead').map((r) => new URL(r.url).pathname));
  const suspect = [...run.results.values()].filter((r) => r.verdict === 'suspect').length;
  return { tool: 'GovCheck', seconds, deadPaths, note: `${run.results.size} checked, ${suspect} suspect (recheck later); requests sent ≥ ${clientGap.toFixed(1)} ms apart` };
}

function hasLinkchecker(): boolean {
  const r = spawnSync('linkchecker', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** linkchecker's CSV (-o csv -v): `;`-separated, `#` comment lines, a header row. */
function parseLinkcheckerCsv(out: string): { url: string; valid: boolean }[] {
  const rows = out.split('\n').filter((l) => l && !l.startsWith('#'));
  const head = rows.shift()?.split(';') ?? [];
  const iu = head.indexOf('url');
  const iv = head.indexOf('valid');
  return rows
    .map((r) => r.split(';'))
    .filter((c) => c.length > Math.max(iu, iv))
    .map((c) => ({ url: c[iu]!, valid: c[iv] === 'True' }));
}

async function runLinkchecker(base: string, delayMs: number, perHost: number): Promise<Omit<ToolResult, 'server'>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govcheck-lc-'));
  chmodSync(dir, 0o755); // linkchecker run as root drops to nobody, who must read the config
  const rc = path.join(dir, 'linkcheckerrc');
  writeFileSync(
    rc,
    ['[checking]', `threads=${perHost}`, `timeout=${cfg.timeoutMs / 1000}`, 'recursionlevel=1', `maxrequestspersecond=${(1000 / Math.max(delayMs, 1)).toFixed(4)}`, 'robotstxt=0', '[filtering]', 'checkextern=0', ''].join('\n'),
  );
  chmodSync(rc, 0o644);
  try {
    const t0 = performance.now();
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn('linkchecker', ['-f', rc, '--no-status', '-o', 'csv', '-v', base + '/'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let s = '';
      p.stdout.on('data', (d) => (s += d));
      p.on('error', reject);
      // exit 1 means "found errors": normal here
      p.on('close', (code) => (code === 0 || code === 1 ? resolve(s) : reject(new Error(`linkchecker exited ${code}`))));
    });
    const seconds = (performance.now() - t0) / 1000;
    const rows = parseLinkcheckerCsv(out);
    const deadPaths = new Set(rows.filter((r) => !r.valid).map((r) => new URL(r.url, base).pathname));
    return { tool: 'linkchecker', seconds, deadPaths, note: `${rows.length} rows` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function score(r: ToolResult, truth: Map<string, { truth: Truth; kind: string }>) {
  let found = 0;
  let wrongLive = 0;
  let wrong403 = 0;
  const missed = new Map<string, number>();
  for (const [p, t] of truth) {
    const dead = r.deadPaths.has(p);
    if (t.truth === 'dead' && dead) found++;
    if (t.truth === 'dead' && !dead) missed.set(t.kind, (missed.get(t.kind) ?? 0) + 1);
    if (t.truth === 'live' && dead) wrongLive++;
    if (t.truth === 'blocked' && dead) wrong403++;
  }
  return { found, wrongLive, wrong403, missed };
}

export async function runLinksBench(opts: { links: number; delayMs: number; linkchecker: boolean }, log = (s: string) => console.log(s)) {
  const site = buildSite(opts.links);
  const truth = new Map(site.links.map((l) => [l.path, l]));
  const dead = site.links.filter((l) => l.truth === 'dead').length;
  const srv = await startSite(opts.links);
  log(`links bench: ${site.links.length} links on one loopback page (${dead} dead, ${site.links.filter((l) => l.truth === 'blocked').length} 403, ${site.links.filter((l) => l.truth === 'live').length} live); ≤ ${cfg.perHost} at once, ≥ ${opts.delayMs} ms apart`);
  const results: ToolResult[] = [];
  try {
    await srv.take();
    results.push({ ...(await runGovCheck(srv.base, opts.delayMs)), server: await srv.take() });
    if (!opts.linkchecker) log('  linkchecker: skipped (--no-linkchecker)');
    else if (!hasLinkchecker()) log('  linkchecker: not installed, comparison skipped (apt-get install -y linkchecker)');
    else results.push({ ...(await runLinkchecker(srv.base, opts.delayMs, cfg.perHost)), server: await srv.take() });
  } finally {
    await srv.close();
  }
  const rows = results.map((r) => ({ r, s: score(r, truth) }));
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  log(`  ${'tool'.padEnd(12)}${pad('dead found', 12)}${pad('live→dead', 11)}${pad('403→dead', 10)}${pad('wall s', 9)}${pad('requests', 10)}${pad('max open', 10)}${pad('min gap ms', 12)}`);
  for (const { r, s } of rows) {
    log(`  ${r.tool.padEnd(12)}${pad(`${s.found}/${dead}`, 12)}${pad(s.wrongLive, 11)}${pad(s.wrong403, 10)}${pad(r.seconds.toFixed(1), 9)}${pad(r.server.requests, 10)}${pad(r.server.maxOpen, 10)}${pad(r.server.minGapMs, 12)}`);
  }
  for (const { r, s } of rows) {
    const missed = [...s.missed].map(([k, n]) => `${k} ${n}`).join(', ');
    log(`  ${r.tool}: ${r.note ?? ''}${missed ? `; missed: ${missed}` : '; missed none'}`);
  }
  return rows.map(({ r, s }) => ({ tool: r.tool, seconds: r.seconds, deadFound: s.found, dead, liveCalledDead: s.wrongLive, blockedCalledDead: s.wrong403, server: r.server }));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain && process.argv[2] === '--serve') {
  serveSite(buildSite(Number(process.argv[3])).page, (m) => process.send!(m));
} else if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : NaN;
  };
  const links = arg('--links');
  const delay = arg('--delay');
  runLinksBench({ links: links > 0 ? links : 500, delayMs: delay >= 0 ? delay : cfg.delayMs, linkchecker: !process.argv.includes('--no-linkchecker') }).then(
    (r) => {
      const out = path.resolve(import.meta.dirname, '../../.bench-out');
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'links.json'), JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(`links bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
