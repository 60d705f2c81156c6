/**
 * A static server for crawl fixtures that also answers redirects (serveFolder has none) and
 * records each request with how many ran at once, so tests can check the crawl's politeness.
 */
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { '.html': 'text/html', '.pdf': 'application/pdf', '.css': 'text/css' };

export interface CrawlServer {
  port: number;
  /** request paths in arrival order, with the number in flight when each arrived */
  log: { host: string; path: string; inFlight: number; at: number }[];
  maxInFlight(): number;
  /** answers the next `answered` requests, then keeps every later one waiting until release() */
  holdAfter(answered: number): void;
  release(): void;
  close(): Promise<void>;
}

export function serveCrawlSite(root: string, redirects: Record<string, string> = {}, delayMs = 0): Promise<CrawlServer> {
  const base = path.resolve(root);
  const log: CrawlServer['log'] = [];
  let inFlight = 0;
  let max = 0;
  let holdFrom = Infinity;
  const held: (() => void)[] = [];
  const release = () => {
    holdFrom = Infinity;
    for (const go of held.splice(0)) go();
  };
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
    // the tab's own favicon request is not the crawl's
    if (rel === '/favicon.ico') return void res.writeHead(404).end();
    inFlight++;
    max = Math.max(max, inFlight);
    log.push({ host: (req.headers.host || '').replace(/:\d+$/, ''), path: rel, inFlight, at: Date.now() });
    const done = () => void (inFlight--);
    res.on('close', done);
    if (log.length > holdFrom) await new Promise<void>((r) => held.push(r));
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (redirects[rel]) {
      res.writeHead(302, { location: redirects[rel] }).end();
      return;
    }
    const file = path.resolve(base, '.' + (rel.endsWith('/') ? rel + 'index.html' : rel));
    const ok = file.startsWith(base) && (await stat(file).then((s) => s.isFile(), () => false));
    if (!ok) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 Not Found</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        log,
        maxInFlight: () => max,
        holdAfter: (answered) => {
          holdFrom = log.length + answered;
        },
        release,
        close: () =>
          new Promise((r) => {
            release();
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}
