import { describe, it, expect } from 'vitest';
import { fetchPage, decodeHtml } from '../../../lib/crawl/fetch';

const HOME = 'http://www.a.gov.cn/';
const opts = (impl: typeof fetch, extra = {}) => ({ homeUrl: HOME, timeoutMs: 15_000, maxBytes: 1_000_000, fetchImpl: impl, ...extra });

function response(body: BodyInit | null, init: ResponseInit & { url?: string }): Response {
  const r = new Response(body, init);
  if (init.url) Object.defineProperty(r, 'url', { value: init.url });
  return r;
}

describe('fetchPage', () => {
  it('reads HTML and follows a redirect on the same site', async () => {
    const r = await fetchPage(HOME + 'a', opts(async () => response('<p>hi</p>', { status: 200, headers: { 'content-type': 'text/html' }, url: HOME + 'a/' })));
    expect(r).toMatchObject({ kind: 'html', url: HOME + 'a/', html: '<p>hi</p>' });
  });

  it('an off-site redirect is not read', async () => {
    const r = await fetchPage(HOME + 'go', opts(async () => response('<p>elsewhere</p>', { status: 200, headers: { 'content-type': 'text/html' }, url: 'http://www.b.com/' })));
    expect(r).toEqual({ kind: 'offsite', url: HOME + 'go', to: 'http://www.b.com/' });
  });

  it('HTTP errors and non-HTML answers are outcomes, not exceptions', async () => {
    expect(await fetchPage(HOME + 'x', opts(async () => response('no', { status: 404, url: HOME + 'x' })))).toMatchObject({ kind: 'error', status: 404 });
    expect(await fetchPage(HOME + 'f', opts(async () => response('%PDF', { status: 200, headers: { 'content-type': 'application/pdf' }, url: HOME + 'f' })))).toMatchObject({
      kind: 'not-html',
      contentType: 'application/pdf',
    });
    expect(await fetchPage(HOME + 'n', opts(async () => Promise.reject(new TypeError('Failed to fetch'))))).toMatchObject({ kind: 'error', message: expect.stringContaining('无法访问') });
  });

  it('times out after the limit', async () => {
    const hang: typeof fetch = (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('aborted'))));
    const r = await fetchPage(HOME + 'slow', opts(hang, { timeoutMs: 30 }));
    expect(r).toMatchObject({ kind: 'error', message: expect.stringContaining('超时') });
  });

  it('decodes GBK pages by their meta charset', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><p>'), 0xd5, 0xfe, 0xb8, 0xae, ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(gbk, 'text/html')).toContain('政府');
    expect(decodeHtml(new TextEncoder().encode('<p>政府</p>'), 'text/html; charset=utf-8')).toContain('政府');
  });
});
