/** How the UI words a watch: its state and its probe tally. */
import { availability, formatRate } from './rate';
import type { ProbeRecord, WatchRecord } from './types';

export type WatchState = '监测中' | '已结束' | '已停止';

export function watchState(w: WatchRecord, now: number): WatchState {
  if (w.stoppedAt) return '已停止';
  return now >= w.endsAt ? '已结束' : '监测中';
}

/** e.g. 访问 42 次，失败 2 次，失败率 4.8% */
export function tallyText(w: WatchRecord, probes: ProbeRecord[], now: number): string {
  const a = availability(w, probes, now);
  if (!a.probes) return '尚无访问记录';
  return `访问 ${a.probes} 次，失败 ${a.failures} 次，失败率 ${formatRate(a.rate)}`;
}
