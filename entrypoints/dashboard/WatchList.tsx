/** 监测中: every watched site with its probe timeline, tally and state; stop or restart. */
import type { SiteStats } from '@/lib/store/stats';
import { watchState, tallyText } from '@/lib/watch/status';
import { formatTime } from '@/lib/export/csv';
import { WatchTimeline } from './WatchTimeline';
import { WatchToggle } from './WatchToggle';
import type { Watched } from './use-watches';

export function WatchList({ watched, stats, onError }: { watched: Watched; stats: SiteStats[]; onError(text: string): void }) {
  if (!watched.watches.length) return null;
  const names = new Map(stats.map((s) => [s.site.site, s.site.name]));
  const now = Date.now();
  return (
    <section class="watch-list" data-testid="watch-list">
      <h2>站点可访问性监测</h2>
      <p class="hint">每天访问首页至少 20 次、连续 7 天；浏览器关闭期间为灰色空档，不计为失败。失败率达 5% 为“站点无法访问”单项否决（监测期满前为疑似）。</p>
      {watched.watches.map((w) => {
        const probes = watched.probes.get(w.site) ?? [];
        return (
          <div class="watch-row" key={w.site} data-testid="watch-row" data-site={w.site}>
            <div class="watch-head">
              <strong>{names.get(w.site) || w.site}</strong>
              <span class="watch-state" data-testid="watch-state">{watchState(w, now)}</span>
              <span class="watch-window">
                {formatTime(w.startedAt)} 至 {formatTime(w.stoppedAt ?? w.endsAt)}
              </span>
              <span class="watch-rate" data-testid="watch-rate">{tallyText(w, probes, now)}</span>
              <WatchToggle site={w.site} homeUrl={w.homeUrl} watch={w} onError={onError} />
            </div>
            <WatchTimeline watch={w} probes={probes} />
          </div>
        );
      })}
    </section>
  );
}
