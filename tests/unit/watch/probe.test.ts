// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHome, referenceOnline } from '../../../lib/watch/probe';
import { startLoopback, type Loopback } from './loopback';

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(() => srv.close());

describe('probeHome (checkLink against a loopback home page)', () => {
  it('up: ok with the status; down (503), missing (404) and slow (timeout) are failures with their kind', async () => {
    srv.mode = 'up';
    expect(await probeHome('127.0.0.1', srv.url)).toMatchObject({ site: '127.0.0.1', ok: true, status: 200 });
    srv.mode = 'down';
    expect(await probeHome('127.0.0.1', srv.url)).toMatchObject({ ok: false, status: 503, error: 'server-error' });
    srv.mode = 'missing';
    expect(await probeHome('127.0.0.1', srv.url)).toMatchObject({ ok: false, status: 404, error: 'not-found' });
    srv.mode = 'slow';
    const slow = await probeHome('127.0.0.1', srv.url, { timeoutMs: 300 });
    expect(slow).toMatchObject({ ok: false, error: 'timeout' });
    expect(slow!.status).toBeUndefined();
    expect(slow!.ms).toBeGreaterThanOrEqual(290);
  });

  it('a failure without any answer counts only when the inspector’s own network is up; else it is a gap', async () => {
    let asked = 0;
    const offline = async () => (asked++, false);
    srv.mode = 'slow';
    expect(await probeHome('127.0.0.1', srv.url, { timeoutMs: 300, online: offline })).toBeNull();
    expect(asked).toBe(1);
    expect(await probeHome('127.0.0.1', srv.url, { timeoutMs: 300, online: async () => true })).toMatchObject({ ok: false, error: 'timeout' });
    // a 503 is the site's own answer: the network is not asked about
    srv.mode = 'down';
    expect(await probeHome('127.0.0.1', srv.url, { online: offline })).toMatchObject({ ok: false, status: 503 });
    srv.mode = 'up';
    expect(await probeHome('127.0.0.1', srv.url, { online: offline })).toMatchObject({ ok: true });
    expect(asked).toBe(1);
  });

  it('referenceOnline: true when the reference answers (even opaquely), false when the request fails', async () => {
    expect(await referenceOnline((async () => new Response(null, { status: 200 })) as typeof fetch)).toBe(true);
    expect(await referenceOnline((async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).toBe(false);
  });

  it('a closed port is a refused connection, a failure', async () => {
    const gone = await startLoopback();
    const url = gone.url;
    await gone.close();
    expect(await probeHome('127.0.0.1', url)).toMatchObject({ ok: false, error: 'refused' });
  });
});
