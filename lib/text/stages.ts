/** Runs a staged computation (a generator that yields between its passes) to its end in one go. */
export function runStages<T>(stages: Generator<void, T>): T {
  for (;;) {
    const r = stages.next();
    if (r.done) return r.value;
  }
}
