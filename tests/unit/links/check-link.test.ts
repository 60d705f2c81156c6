import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { checkLink, type CheckLinkOptions } from '../../../lib/links/check-link';
import { startServer, closedPort, loopbackFetch, type TestServer } from './server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

const check = (path: string, opts: CheckLinkOptions = {}) => checkLink(srv.base + path, { fetchImpl: loopbackFetch, redirectMode: 'manual', ...opts });
const hits = (path: string, method?: string) => srv.seen.filter((r) => r.path === path && (!method || r.method === method)).length;

describe('checkLink: answers', () => {
  it('200 page is ok, read with one GET', async () => {
    const r = await check('/ok');
    expect(r).toMatchObject({ verdict: 'ok', reason: 'ok', status: 200, method: 'GET', redirects: 0, recheck: false });
    expect(hits('/ok', 'HEAD')).toBe(0);
  });

  it('404 and 410 are dead', async () => {
    expect(await check('/404')).toMatchObject({ verdict: 'dead', reason: 'not-found', status: 404 });
    expect(await check('/410')).toMatchObject({ verdict: 'dead', reason: 'gone', status: 410 });
  });

  it('a 404 that carries a full page a visitor can read is only suspect', async () => {
    expect(await check('/404-with-page')).toMatchObject({ verdict: 'suspect', status: 404 });
  });

  it.each([
    ['/403', 403, 'blocked'],
    ['/429', 429, 'blocked'],
    ['/500', 500, 'server-error'],
    ['/503', 503, 'server-error'],
  ])('%s is suspect and asks for a recheck', async (path, status, reason) => {
    expect(await check(path)).toMatchObject({ verdict: 'suspect', reason, status, recheck: true });
  });

  it('follows a 3-hop redirect chain to a live page', async () => {
    const r = await check('/r3');
    expect(r).toMatchObject({ verdict: 'ok', status: 200, redirects: 3, finalUrl: srv.base + '/ok' });
  });

  it('a redirect to a 404 is dead; a redirect to a 200 /404.html page is a soft 404', async () => {
    expect(await check('/to-404')).toMatchObject({ verdict: 'dead', reason: 'not-found', redirects: 1 });
    expect(await check('/to-404-page')).toMatchObject({ verdict: 'dead', reason: 'soft-404', finalUrl: srv.base + '/404.html' });
    // the same page asked directly is not judged by its name
    expect(await check('/404.html')).toMatchObject({ verdict: 'ok' });
  });

  it('a redirect loop and 11 hops stop, unconfirmed', async () => {
    expect(await check('/loop-a')).toMatchObject({ verdict: 'suspect', reason: 'redirect-loop', redirects: 2 });
    const before = srv.seen.length;
    expect(await check('/hop/11')).toMatchObject({ verdict: 'suspect', reason: 'too-many-redirects' });
    expect(srv.seen.length - before).toBe(11); // the 11th Location is never asked for
    expect(await check('/hop/10')).toMatchObject({ verdict: 'ok', redirects: 10 });
  });

  it('in follow mode the fetch follows redirects itself and the result still says where it ended', async () => {
    const r = await check('/r3', { redirectMode: 'follow' });
    expect(r).toMatchObject({ verdict: 'ok', redirects: 1, finalUrl: srv.base + '/ok' });
    expect(await check('/to-404', { redirectMode: 'follow' })).toMatchObject({ verdict: 'dead', reason: 'not-found' });
    // node gives up after 20 hops with a bare "fetch failed": never dead
    expect(await check('/loop-a', { redirectMode: 'follow' })).toMatchObject({ verdict: 'suspect', reason: 'network' });
  });

  it('a 200 page saying it does not exist is a soft 404 (title or short body)', async () => {
    expect(await check('/soft404')).toMatchObject({ verdict: 'dead', reason: 'soft-404', status: 200 });
    expect(await check('/soft404-body')).toMatchObject({ verdict: 'dead', reason: 'soft-404' });
  });

  it('a firewall page with 200 is suspect, not dead', async () => {
    expect(await check('/firewall')).toMatchObject({ verdict: 'suspect', reason: 'blocked', recheck: true });
  });

  it('a PDF answered with an HTML error page is dead; a real PDF is ok from HEAD alone', async () => {
    expect(await check('/file.pdf')).toMatchObject({ verdict: 'dead', reason: 'file-error-page', method: 'GET' });
    expect(await check('/good.pdf')).toMatchObject({ verdict: 'ok', method: 'HEAD' });
    expect(hits('/good.pdf', 'GET')).toBe(0);
  });

  it('a PDF sent as text/html is still a PDF; a PDF answered with a page that is no error page is suspect', async () => {
    expect(await check('/mislabelled.pdf')).toMatchObject({ verdict: 'ok', method: 'GET' });
    expect(await check('/portal.pdf')).toMatchObject({ verdict: 'suspect', reason: 'file-html' });
  });

  it('falls back to GET when HEAD is refused (405), answered 404, or the connection is reset', async () => {
    expect(await check('/nohead.pdf')).toMatchObject({ verdict: 'ok', method: 'GET', status: 200 });
    expect(await check('/head404.pdf')).toMatchObject({ verdict: 'ok', method: 'GET' });
    expect(await check('/resethead.pdf')).toMatchObject({ verdict: 'ok', method: 'GET' });
    expect(hits('/resethead.pdf', 'HEAD')).toBe(1);
    expect(await check('/nohead', { probe: 'head' })).toMatchObject({ verdict: 'ok', method: 'GET' });
  });

  it('a server that never answers times out as suspect (injected timeout)', async () => {
    const t0 = Date.now();
    const r = await check('/hang', { timeoutMs: 300 });
    expect(r).toMatchObject({ verdict: 'suspect', reason: 'timeout', recheck: true });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('GET reads only a prefix of a big body, then stops the download', async () => {
    const r = await check('/big', { bodyPrefixBytes: 64 * 1024 });
    expect(r.verdict).toBe('ok');
    await new Promise((res) => setTimeout(res, 100));
    expect(srv.sentBig()).toBeLessThan(600_000); // the page is > 3 MB
  });

  it('a closed port is dead (connection refused)', async () => {
    const port = await closedPort();
    const r = await checkLink(`http://127.0.0.1:${port}/x`, { fetchImpl: loopbackFetch });
    expect(r).toMatchObject({ verdict: 'dead', reason: 'refused', error: 'ECONNREFUSED' });
  });

  it('a name that does not resolve is dead; a DNS that does not answer (EAI_AGAIN) is not', async () => {
    expect(await checkLink('http://nonexistent.invalid/', { fetchImpl: loopbackFetch })).toMatchObject({ verdict: 'dead', reason: 'no-such-host' });
    const again: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo EAI_AGAIN x.gov.cn'), { code: 'EAI_AGAIN' }) });
    };
    expect(await checkLink('http://x.gov.cn/', { fetchImpl: again })).toMatchObject({ verdict: 'suspect', reason: 'network', recheck: true });
  });

  it('a browser network error (no code) is never dead', async () => {
    const browserLike: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await checkLink('http://x.gov.cn/a.html', { fetchImpl: browserLike })).toMatchObject({ verdict: 'suspect', reason: 'network' });
  });

  it('an aborted signal throws AbortError instead of a verdict', async () => {
    const ctl = new AbortController();
    const p = check('/hang', { signal: ctl.signal, timeoutMs: 5000 });
    setTimeout(() => ctl.abort(), 50);
    await expect(p).rejects.toThrow(/cancelled|abort/i);
  });
});
