/** A loopback home page whose answer the test switches: up, down (503), missing (404), slow. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode = 'up' | 'down' | 'missing' | 'slow';

export interface Loopback {
  url: string;
  mode: Mode;
  hits: number;
  /** extra routes: path → HTML */
  pages: Map<string, (u: URL) => string>;
  close(): Promise<void>;
}

export async function startLoopback(home = '<html><head><meta charset="utf-8"><title>示范县人民政府</title></head><body>首页</body></html>'): Promise<Loopback> {
  const state: Loopback = { url: '', mode: 'up', hits: 0, pages: new Map(), close: async () => undefined };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const page = state.pages.get(u.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(u));
      return;
    }
    state.hits++;
    if (state.mode === 'down') res.writeHead(503).end('Service Unavailable');
    else if (state.mode === 'missing') res.writeHead(404, { 'content-type': 'text/html' }).end('<title>404 Not Found</title>');
    else if (state.mode === 'slow') setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(home), 1500).unref();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(home);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
  return state;
}
