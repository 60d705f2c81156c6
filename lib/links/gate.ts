/**
 * Per-host politeness for single requests: at most `perHost` at once and starts at least
 * `delayMs` apart. The polite queue paces whole checks; this paces every request inside them
 * too (the GET after a HEAD, each redirect hop), so a server never sees more than the limits.
 */
import { hostKey } from './url';

export interface GateOptions {
  perHost: number;
  delayMs: number;
  /** injectable clock and timer for tests (the polite queue's) */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

interface HostSlot {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
  timerAt: number;
}

export class HostGate {
  private readonly hosts = new Map<string, HostSlot>();
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(private readonly opts: GateOptions) {
    // a monotonic sub-millisecond clock: Date.now() rounds, and 300 ms could come out as 299.2
    this.now = opts.now ?? (() => performance.now());
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  /**
   * Runs `request` when the URL's host has a free slot; the slot is held until it settles.
   * `request` is called in the same tick the slot is granted (not after an await), so a busy
   * event loop cannot bunch two starts together.
   */
  run<T>(url: string, request: () => Promise<T>): Promise<T> {
    const slot = this.slot(hostKey(url));
    return new Promise<T>((resolve, reject) => {
      slot.waiting.push(() => {
        let p: Promise<T>;
        try {
          p = request();
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(resolve, reject).finally(() => {
          slot.active--;
          this.pump(slot);
        });
      });
      this.pump(slot);
    });
  }

  private slot(host: string): HostSlot {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, nextStart: 0, waiting: [], timerAt: Infinity }));
    return s;
  }

  private pump(s: HostSlot): void {
    while (s.waiting.length && s.active < this.opts.perHost) {
      const now = this.now();
      if (s.nextStart > now) {
        if (s.nextStart < s.timerAt) {
          s.timerAt = s.nextStart;
          this.setTimer(() => {
            s.timerAt = Infinity;
            this.pump(s);
          }, s.nextStart - now);
        }
        return;
      }
      s.active++;
      s.nextStart = now + this.opts.delayMs;
      s.waiting.shift()!();
    }
  }
}
