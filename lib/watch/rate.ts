/**
 * The failure rate of a watch and the 站点无法访问 veto reason it gives (国办秘函〔2019〕19号:
 * unreachable in ≥ 5 % of the week's probes). Only probes that ran count: a closed browser
 * leaves gaps, never failures. Until the window is complete the reason is 疑似 (unconfirmed).
 */
import cfg from '../data/watch.json';
import type { VetoReason } from '../verdict/index';
import type { ProbeRecord, WatchRecord } from './types';

export interface Availability {
  probes: number;
  failures: number;
  /** failures / probes; 0 without probes */
  rate: number;
  /** the window ended (endsAt passed) with enough probes to judge */
  complete: boolean;
}

/** Probes of the watch's window only: an earlier watch of the same site is not this one. */
export function windowProbes(w: WatchRecord, probes: ProbeRecord[]): ProbeRecord[] {
  const end = Math.min(w.endsAt, w.stoppedAt ?? Infinity);
  return probes.filter((p) => p.site === w.site && p.at >= w.startedAt && p.at <= end);
}

export function availability(w: WatchRecord, probes: ProbeRecord[], now: number): Availability {
  const list = windowProbes(w, probes);
  const failures = list.filter((p) => !p.ok).length;
  const rate = list.length ? failures / list.length : 0;
  const complete = !w.stoppedAt && now >= w.endsAt && list.length >= cfg.minProbesConfirmed;
  return { probes: list.length, failures, rate, complete };
}

export const formatRate = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** Whether the rate reaches the veto line (compared in whole probes: no float edge at exactly 5 %). */
export function reachesVeto(a: Pick<Availability, 'probes' | 'failures'>): boolean {
  return a.probes > 0 && a.failures * 100 >= cfg.failureRate * 100 * a.probes;
}

/** The availability veto reason of one site, or none (too few probes, or under 5 %). */
export function availabilityVetoReason(w: WatchRecord | undefined, probes: ProbeRecord[], now: number): VetoReason | null {
  if (!w) return null;
  const a = availability(w, probes, now);
  if (a.probes < cfg.minProbesSuspect || !reachesVeto(a)) return null;
  const fill = (t: string) =>
    t
      .replace('{days}', String(cfg.windowDays))
      .replace('{probes}', String(a.probes))
      .replace('{failures}', String(a.failures))
      .replace('{rate}', formatRate(a.rate));
  return a.complete ? { reason: fill(cfg.vetoReason), confirmed: true } : { reason: fill(cfg.vetoReasonOpen), confirmed: false };
}

/** The Chinese label of a failure kind. */
export function failureLabel(kind: string | undefined): string {
  return (kind && (cfg.failureKinds as Record<string, string>)[kind]) || kind || '无法访问';
}

/** The availability veto reasons of one site from watchProbes' result: [] or one reason. */
export function availabilityVetoReasons(site: string, watched: { watches: WatchRecord[]; probes: Map<string, ProbeRecord[]> }, now: number): VetoReason[] {
  const w = watched.watches.find((x) => x.site === site);
  const r = availabilityVetoReason(w, watched.probes.get(site) ?? [], now);
  return r ? [r] : [];
}
