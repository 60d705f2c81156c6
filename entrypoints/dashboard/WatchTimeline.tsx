/**
 * One watched site's probes as a strip over its window: green = loaded, red = could not be loaded,
 * grey = no probe ran (browser closed, or still to come). Hover a mark for time and status.
 */
import type { ProbeRecord, WatchRecord } from '@/lib/watch/types';
import { failureLabel } from '@/lib/watch/rate';
import { formatTime } from '@/lib/export/csv';

const WIDTH = 560;
const HEIGHT = 18;
const MARK = 3;

function label(p: ProbeRecord): string {
  const status = p.status ? `HTTP ${p.status}` : '';
  return `${formatTime(p.at)} ${p.ok ? '正常' : `无法访问：${failureLabel(p.error)}`}${status ? `（${status}）` : ''}，用时 ${(p.ms / 1000).toFixed(1)} 秒`;
}

export function WatchTimeline({ watch, probes }: { watch: WatchRecord; probes: ProbeRecord[] }) {
  const span = watch.endsAt - watch.startedAt;
  const x = (at: number) => Math.max(0, Math.min(WIDTH - MARK, ((at - watch.startedAt) / span) * (WIDTH - MARK)));
  const end = watch.stoppedAt ?? watch.endsAt;
  return (
    <svg class="watch-timeline" data-testid="watch-timeline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="首页可访问性时间线">
      <rect data-testid="timeline-gap" x={0} y={0} width={WIDTH} height={HEIGHT} fill="#d8d8d8">
        <title>灰色：没有访问记录（浏览器未运行或尚未到时间）</title>
      </rect>
      {watch.stoppedAt && <rect x={x(end)} y={0} width={WIDTH - x(end)} height={HEIGHT} fill="#f2f2f2" />}
      {probes.map((p) => (
        <rect key={p.id ?? p.at} data-testid={p.ok ? 'probe-ok' : 'probe-fail'} x={x(p.at)} y={p.ok ? 3 : 0} width={MARK} height={p.ok ? HEIGHT - 6 : HEIGHT} fill={p.ok ? '#2e9d4c' : '#d93025'}>
          <title>{label(p)}</title>
        </rect>
      ))}
    </svg>
  );
}
