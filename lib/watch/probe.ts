/**
 * One probe of a watched home page through the link checker (lib/links checkLink): GET as a
 * visitor's browser would, 15 s timeout. Anything but a loaded page is a failure — a 403 firewall
 * page too, since the visitor cannot see the site — and the kind is kept for the inspector.
 * A failure with no answer at all (timeout, network, DNS) may be the inspector's own network:
 * it counts only when a reference site answers; otherwise the probe is a gap (null).
 */
import { checkLink, type CheckLinkOptions } from '../links/index';
import cfg from '../data/watch.json';
import type { ProbeRecord } from './types';
import { deadline } from '../net/deadline';

const OWN_NETWORK_KINDS = new Set(cfg.connectivity.kinds);

export interface ProbeOptions extends Pick<CheckLinkOptions, 'fetchImpl' | 'now' | 'timeoutMs' | 'headers' | 'redirectMode'> {
  /** whether the inspector's network is up; absent = assumed up */
  online?: () => Promise<boolean>;
}

export async function probeHome(site: string, homeUrl: string, opts: ProbeOptions = {}): Promise<ProbeRecord | null> {
  const { online, ...check } = opts;
  const now = opts.now ?? Date.now;
  const at = now();
  const r = await checkLink(homeUrl, { timeoutMs: cfg.timeoutMs, ...check, kind: 'link', probe: 'get' });
  const ok = r.reason === 'ok';
  if (!ok && online && OWN_NETWORK_KINDS.has(r.reason) && !(await online())) return null;
  return {
    site,
    at,
    ok,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(ok ? {} : { error: r.reason }),
    ms: r.ms,
  };
}

/**
 * Whether the network reaches the reference site: an opaque no-cors GET needs no host permission
 * and resolves whenever any HTTP answer came back.
 */
export async function referenceOnline(fetchImpl: typeof fetch = (i, init) => fetch(i, init)): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  const limit = deadline(undefined, cfg.connectivity.timeoutMs);
  try {
    await fetchImpl(cfg.connectivity.referenceUrl, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: limit.signal });
    return true;
  } catch {
    return false;
  } finally {
    limit.dispose();
  }
}
