/**
 * A polite URL queue: each URL is fetched once, at most `perHost` requests run at a time per
 * host, and requests to one host start at least `delayMs` apart. Cancelling aborts what is in
 * flight and drops what is pending; results already delivered stay delivered.
 */
import { normaliseUrl } from '../fingerprint';

export interface QueueOptions {
  perHost: number;
  delayMs: number;
  /** injectable clock and timer for tests */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

type Work<T> = (url: string, signal: AbortSignal) => Promise<T>;

interface HostState {
  active: number;
  nextStart: number;
}

export class PoliteQueue<T> {
  private readonly seen = new Set<string>();
  private readonly pending: string[] = [];
  private readonly hosts = new Map<string, HostState>();
  private readonly abort = new AbortController();
  private active = 0;
  private timerAt = Infinity;
  private waiters: (() => void)[] = [];
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly work: Work<T>,
    private readonly onResult: (url: string, result: T | undefined, error?: unknown) => void,
    private readonly opts: QueueOptions,
  ) {
    this.now = opts.now ?? (() => Date.now());
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  /** Adds a URL; false when it was queued before (each URL once) or the queue was cancelled. */
  add(url: string): boolean {
    const key = normaliseUrl(url);
    if (this.cancelled || this.seen.has(key)) return false;
    this.seen.add(key);
    this.pending.push(key);
    this.pump();
    return true;
  }

  has(url: string): boolean {
    return this.seen.has(normaliseUrl(url));
  }

  cancel(): void {
    if (this.cancelled) return;
    this.abort.abort();
    this.pending.length = 0;
    this.settle();
  }

  /** Resolves when nothing is pending or running (or at once after cancel). */
  idle(): Promise<void> {
    if (this.cancelled || (this.active === 0 && this.pending.length === 0)) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  private host(url: string): HostState {
    let h = '';
    try {
      h = new URL(url).host;
    } catch {
      /* a bad URL still runs (and fails) once */
    }
    let s = this.hosts.get(h);
    if (!s) this.hosts.set(h, (s = { active: 0, nextStart: 0 }));
    return s;
  }

  private settle(): void {
    if (this.cancelled || (this.active === 0 && this.pending.length === 0)) {
      const w = this.waiters;
      this.waiters = [];
      for (const r of w) r();
    }
  }

  private pump(): void {
    if (this.cancelled) return;
    const now = this.now();
    let wakeAt = Infinity;
    for (let i = 0; i < this.pending.length; ) {
      const url = this.pending[i]!;
      const h = this.host(url);
      if (h.active >= this.opts.perHost) {
        i++;
        continue;
      }
      if (h.nextStart > now) {
        wakeAt = Math.min(wakeAt, h.nextStart);
        i++;
        continue;
      }
      this.pending.splice(i, 1);
      h.active++;
      h.nextStart = now + this.opts.delayMs;
      this.start(url, h);
    }
    if (wakeAt < Infinity && wakeAt < this.timerAt) {
      this.timerAt = wakeAt;
      this.setTimer(() => {
        this.timerAt = Infinity;
        this.pump();
      }, wakeAt - now);
    }
  }

  private start(url: string, h: HostState): void {
    this.active++;
    this.work(url, this.abort.signal).then(
      (r) => this.finish(url, h, r),
      (e) => this.finish(url, h, undefined, e),
    );
  }

  private finish(url: string, h: HostState, result: T | undefined, error?: unknown): void {
    h.active--;
    this.active--;
    if (!this.cancelled) {
      try {
        this.onResult(url, result, error);
      } catch {
        /* a failing consumer must not stall the queue */
      }
    }
    this.pump();
    this.settle();
  }
}
