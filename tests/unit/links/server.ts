/**
 * A loopback HTTP server (127.0.0.1, random port) with one route per kind of answer the link
 * checker must tell apart. Records every request (method, path, start, end) so tests can assert
 * what the server saw: how many at once, how far apart, each URL how often.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  start: number;
  end: number;
}

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const ARTICLE = page(
  '关于印发2024年政务公开工作要点的通知_测试县人民政府',
  '<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a></nav><h1>关于印发2024年政务公开工作要点的通知</h1>' +
    '<p>各乡镇人民政府，县政府各部门：现将《2024年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。</p>'.repeat(30),
);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20)]);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const html = (status: number, body: string): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};
const pdf: Handler = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length });
  res.end(req.method === 'HEAD' ? undefined : PDF);
};
const redirect = (to: string, status = 302): Handler => (_req, res) => {
  res.writeHead(status, { location: to });
  res.end();
};

function routes(): Map<string, Handler> {
  const r = new Map<string, Handler>([
    ['/ok', html(200, ARTICLE)],
    ['/404', html(404, page('404 Not Found', '<h1>Not Found</h1>'))],
    ['/410', html(410, page('Gone', '<h1>Gone</h1>'))],
    ['/404-with-page', html(404, ARTICLE)],
    ['/403', html(403, page('403 Forbidden', '<h1>Forbidden</h1>'))],
    ['/429', html(429, page('Too Many Requests', ''))],
    ['/500', html(500, page('500', 'Internal Server Error'))],
    ['/503', html(503, page('503', 'Service Unavailable'))],
    ['/soft404', html(200, page('页面不存在_测试县人民政府', '<p>对不起，您访问的页面不存在或已被删除。</p><a href="/">返回首页</a>'))],
    ['/soft404-body', html(200, page('测试县人民政府', '<p>抱歉，找不到您要访问的页面。</p>'))],
    ['/firewall', html(200, page('网站防火墙', '<p>您的请求带有不合法参数，已被网站管理员设置拦截！</p>'))],
    ['/r3', redirect('/r2', 301)],
    ['/r2', redirect('/r1', 302)],
    ['/r1', redirect('/ok', 307)],
    ['/to-404', redirect('/404')],
    ['/to-404-page', redirect('/404.html')],
    ['/404.html', html(200, page('测试县人民政府', '<p>测试县人民政府欢迎您</p>'))],
    ['/loop-a', redirect('/loop-b')],
    ['/loop-b', redirect('/loop-a')],
    ['/file.pdf', html(200, page('404错误', '<p>文件不存在</p>'))],
    ['/portal.pdf', html(200, page('测试县人民政府', '<p>请通过网站阅读此文件</p>'))],
    ['/good.pdf', pdf],
    ['/mislabelled.pdf', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : PDF);
    }],
    ['/nohead.pdf', (req, res) => (req.method === 'HEAD' ? html(405, '')(req, res) : pdf(req, res))],
    ['/nohead', (req, res) => (req.method === 'HEAD' ? html(405, '')(req, res) : html(200, ARTICLE)(req, res))],
    ['/head404.pdf', (req, res) => (req.method === 'HEAD' ? html(404, '')(req, res) : pdf(req, res))],
    ['/resethead.pdf', (req, res) => (req.method === 'HEAD' ? req.socket.destroy() : pdf(req, res))],
    ['/hang', () => undefined],
    ['/big', (_req, res) => {
      // a 3 MB page sent over 2 s: the checker must stop reading after its prefix
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(ARTICLE);
      const chunk = `<p>${'正文'.repeat(2700)}</p>`; // ~16 KB
      let left = 200;
      const timer = setInterval(() => {
        if (left-- <= 0 || res.destroyed) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(chunk);
      }, 10);
      res.on('close', () => clearInterval(timer));
    }],
  ]);
  for (let i = 1; i <= 11; i++) r.set(`/hop/${i}`, redirect(i === 1 ? '/ok' : `/hop/${i - 1}`));
  return r;
}

export interface TestServer {
  base: string;
  port: number;
  seen: SeenRequest[];
  /** bytes the /big route managed to send before the client went away */
  sentBig: () => number;
  /** answers every path under /slow/ after `ms` with a page */
  slowMs: number;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const table = routes();
  const seen: SeenRequest[] = [];
  const sockets = new Set<net.Socket>();
  let big = 0;
  const state = { slowMs: 200 };
  const server = http.createServer((req, res) => {
    const rec: SeenRequest = { method: req.method || '', path: req.url || '', start: Date.now(), end: 0 };
    seen.push(rec);
    res.on('close', () => (rec.end = Date.now()));
    const path = (req.url || '').split('?')[0]!;
    if (path === '/big') {
      const write = res.write.bind(res);
      res.write = ((chunk: unknown, ...rest: never[]) => {
        big += Buffer.byteLength(chunk as string);
        return write(chunk as string, ...rest);
      }) as typeof res.write;
    }
    if (path.startsWith('/slow/')) {
      setTimeout(() => html(200, ARTICLE)(req, res), state.slowMs);
      return;
    }
    const h = table.get(path);
    if (h) h(req, res);
    else html(404, page('404', 'no route'))(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    seen,
    sentBig: () => big,
    get slowMs() {
      return state.slowMs;
    },
    set slowMs(v: number) {
      state.slowMs = v;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (bound, then closed). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * The only fetch the tests use: node's fetch for 127.0.0.1, nothing else ever leaves the machine.
 * A `.invalid` host fails the way node's fetch fails on a name that does not resolve
 * (TypeError "fetch failed" caused by getaddrinfo ENOTFOUND) without asking any DNS server.
 */
export const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (url.hostname.endsWith('.invalid')) {
    const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: url.hostname });
    throw new TypeError('fetch failed', { cause });
  }
  if (url.hostname !== '127.0.0.1') throw new Error(`test tried to reach ${url.hostname}`);
  return fetch(input, init);
};
