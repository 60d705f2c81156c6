/**
 * One request's abort signal: it fires when the caller's signal aborts (cancel) or after `ms`
 * (timeout); `timedOut` tells the two apart afterwards. Call dispose() when the request is over.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  dispose(): void;
}

export function deadline(parent: AbortSignal | undefined, ms: number): Deadline {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort();
  parent?.addEventListener('abort', onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, ms);
  return {
    signal: ctl.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
