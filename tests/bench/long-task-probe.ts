/**
 * The main-world long-task recorder both in-browser benches install before a page's own scripts
 * run: window[name] = { tasks, error, ...fields }, then `more` (plain JS run with `lt` in scope).
 * Plain JS source, not a serialised TS function: tsx's transform may add helpers the page lacks.
 */
export function longTaskProbe(name: string, fields = '', more = ''): string {
  return `(() => {
  if (window !== window.top) return;
  const lt = { tasks: [], error: null${fields ? `, ${fields}` : ''} };
  window.${name} = lt;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lt.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    lt.error = String(e);
  }
${more}
})();`;
}
