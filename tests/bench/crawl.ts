/**
 * Site-crawl bench (`npm run bench:crawl`, also the last part of `npm run bench`): a generated
 * 200-column site on loopback, crawled by the built extension with the real politeness limits
 * (lib/data/crawl.json: 2 requests at a time per host, requests to a host ≥ delayMs apart).
 * Reports the total time, what the server saw (requests, most in flight at once) and the peak
 * JS heap of the extension's background: the service worker and the offscreen document it
 * parses in, sampled over CDP (Runtime.getHeapUsage) every 200 ms during the crawl.
 *
 * `--latency MS` makes the server answer each request MS later (a slow server: then the
 * 2-at-a-time limit is what paces the crawl).
 *
 * A report, not a test: exits 0 unless the bench itself fails.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../../scripts/chromium.mjs';
import { ROOT, ensureBuilt, scannerCopy } from '../../cli/build';
import { serveCrawlSite } from '../e2e/crawl-server';
import cfg from '../../lib/data/crawl.json';

const HOST = 'www.bench-crawl.gov.cn';
const COLUMNS = 200;
const ITEMS = 20;
const TODAY = '2026-11-23';
const NAMES = ['工作动态', '通知公告', '政策文件', '人事信息', '规划计划', '专题专栏', '公示公告', '部门动态'];

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** A county site: a home page with 10 nav columns and a site map listing all 200. */
export function generateSite(dir: string, columns = COLUMNS): void {
  const shell = (title: string, body: string, meta = '') =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_基准测试县人民政府</title><meta name="SiteName" content="基准测试县人民政府">${meta}</head><body>` +
    `<nav class="nav"><a href="/">首页</a>${Array.from({ length: 10 }, (_, i) => `<a href="/col${i}/">${NAMES[i % NAMES.length]}${i}</a>`).join('')}</nav>` +
    `<main>${body}</main><footer class="footer"><a href="/sitemap.html">网站地图</a><p>主办单位：基准测试县人民政府　网站标识码：3609990099</p></footer></body></html>`;
  writeFileSync(path.join(dir, 'index.html'), shell('首页', `<ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/col0/t202611${pad(20 - i)}_${i}.html">县政府召开第${i + 1}次常务会议研究部署重点工作</a><span>11-${pad(20 - i)}</span></li>`).join('')}</ul>`));
  writeFileSync(path.join(dir, 'sitemap.html'), shell('网站地图', `<ul>${Array.from({ length: columns }, (_, i) => `<li><a href="/col${i}/">${NAMES[i % NAMES.length]}${i}</a></li>`).join('')}</ul>`));
  for (let c = 0; c < columns; c++) {
    const name = `${NAMES[c % NAMES.length]}${c}`;
    mkdirSync(path.join(dir, `col${c}`), { recursive: true });
    // a spread of ages: some fresh, some months old, every 10th blank
    const blank = c % 10 === 9;
    const start = new Date(Date.UTC(2026, 10, 20) - (c % 7) * 30 * 86_400_000);
    const items = Array.from({ length: ITEMS }, (_, i) => {
      const d = new Date(start.getTime() - i * 5 * 86_400_000);
      const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      return `<li><a href="/col${c}/t${iso.replace(/-/g, '')}_${i}.html">${name}：关于进一步做好第${i + 1}项重点工作的通知（第${c}号栏目示例信息）</a><span>${iso}</span></li>`;
    }).join('\n');
    const body = `<div class="crumb">当前位置：<a href="/">首页</a> &gt; ${name}</div><h1>${name}</h1>` + (blank ? '<p>暂无信息</p>' : `<ul class="list">${items}</ul><div class="pager">共${ITEMS}条</div>`);
    writeFileSync(path.join(dir, `col${c}`, 'index.html'), shell(name, body, `<meta name="ColumnName" content="${name}">`));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export interface CrawlBenchResult {
  columns: number;
  checked: number;
  seconds: number;
  requests: number;
  maxInFlight: number;
  verdicts: Record<string, number>;
  peakWorkerHeapMB: number | null;
  peakOffscreenHeapMB: number | null;
  limits: { perHost: number; delayMs: number };
  latencyMs: number;
}

/** `latencyMs`: the server answers each request that much later (a slow county server). */
export async function runCrawlBench(latencyMs = 0, log = (s: string) => console.log(s)): Promise<CrawlBenchResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'govcheck-crawl-bench-'));
  const site = path.join(tmp, 'site');
  mkdirSync(site);
  generateSite(site);
  const server = await serveCrawlSite(site, {}, latencyMs);
  const ext = scannerCopy(ensureBuilt((m) => console.error(m)));
  const profile = path.join(tmp, 'profile');
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      // a second CDP endpoint, to reach the service worker's heap (Playwright has no CDP session for workers)
      `--remote-debugging-port=${port}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extId = new URL(worker.url()).host;
    await worker.evaluate((today) => chrome.storage.local.set({ settings: { today } }), TODAY);

    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const session = await cdp.newBrowserCDPSession();
    // non-flat sessions: replies come back as events on the browser session
    const pending = new Map<number, (r: any) => void>();
    let nextId = 1;
    session.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (m.id && pending.has(m.id)) {
        pending.get(m.id)!(m.result);
        pending.delete(m.id);
      }
    });
    const attached = new Map<string, string>();
    const heapOf = async (targetId: string): Promise<number | null> => {
      let sid = attached.get(targetId);
      if (!sid) {
        sid = ((await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string }).sessionId;
        attached.set(targetId, sid);
      }
      const id = nextId++;
      const got = new Promise<any>((r) => pending.set(id, r));
      await session.send('Target.sendMessageToTarget', { sessionId: sid, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      const r = await Promise.race([got, new Promise((r) => setTimeout(() => r(null), 1000))]);
      return r ? (r as { usedSize: number }).usedSize : null;
    };
    let peakWorker = 0;
    let peakOffscreen = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
          for (const t of targetInfos) {
            if (!t.url.startsWith(`chrome-extension://${extId}/`)) continue;
            if (t.type === 'service_worker') peakWorker = Math.max(peakWorker, (await heapOf(t.targetId)) ?? 0);
            else if (t.url.endsWith('/offscreen.html')) peakOffscreen = Math.max(peakOffscreen, (await heapOf(t.targetId)) ?? 0);
          }
        } catch {
          /* a target went away between listing and asking */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const home = `http://${HOST}:${server.port}/`;
    log(`crawl bench: ${COLUMNS} columns on ${home}, server latency ${latencyMs} ms (at most ${cfg.perHost} requests at a time, ≥ ${cfg.delayMs} ms apart)`);
    const t0 = Date.now();
    const state = (await worker.evaluate((u) => (globalThis as any).govcheckCrawl.crawl(u), home)) as {
      error?: string;
      checked: number;
      total: number;
      rows: { verdict: string }[];
    };
    const seconds = (Date.now() - t0) / 1000;
    sampling = false;
    await sampler;
    await cdp.close().catch(() => undefined);
    if (state.error) throw new Error(state.error);
    const verdicts: Record<string, number> = {};
    for (const r of state.rows) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
    const mb = (n: number) => (n ? Math.round((n / 1048576) * 10) / 10 : null);
    const res: CrawlBenchResult = {
      columns: state.total,
      checked: state.checked,
      seconds,
      requests: server.log.length,
      maxInFlight: server.maxInFlight(),
      verdicts,
      peakWorkerHeapMB: mb(peakWorker),
      peakOffscreenHeapMB: mb(peakOffscreen),
      limits: { perHost: cfg.perHost, delayMs: cfg.delayMs },
      latencyMs,
    };
    const floor = ((COLUMNS + 2) * Math.max(cfg.delayMs, latencyMs / cfg.perHost)) / 1000;
    log(`  checked ${res.checked}/${res.columns} columns in ${seconds.toFixed(1)} s (politeness floor ≈ ${floor.toFixed(1)} s); ${res.requests} requests, at most ${res.maxInFlight} at once`);
    log(`  verdicts: ${Object.entries(verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    log(`  peak JS heap: service worker ${res.peakWorkerHeapMB ?? '?'} MB, offscreen document ${res.peakOffscreenHeapMB ?? '?'} MB`);
    return res;
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
    rmSync(ext, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--latency');
  runCrawlBench(i > 0 ? Number(process.argv[i + 1]) || 0 : 0).then(
    (r) => {
      const out = path.join(ROOT, '.bench-out');
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'crawl.json'), JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(`crawl bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
