/**
 * One probe of a watched home page through the link checker (lib/links checkLink): GET as a
 * visitor's browser would, 15 s timeout. Anything but a loaded page is a failure — a 403 firewall
 * page too, since the visitor cannot see the site — and the kind is kept for the inspector.
 */
import { checkLink, type CheckLinkOptions } from '../links/index';
import cfg from '../data/watch.json';
import type { ProbeRecord } from './types';

export async function probeHome(site: string, homeUrl: string, opts: Pick<CheckLinkOptions, 'fetchImpl' | 'now' | 'timeoutMs' | 'headers' | 'redirectMode'> = {}): Promise<ProbeRecord> {
  const now = opts.now ?? Date.now;
  const at = now();
  const r = await checkLink(homeUrl, { timeoutMs: cfg.timeoutMs, ...opts, kind: 'link', probe: 'get' });
  const ok = r.reason === 'ok';
  return {
    site,
    at,
    ok,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(ok ? {} : { error: r.reason }),
    ms: r.ms,
  };
}
