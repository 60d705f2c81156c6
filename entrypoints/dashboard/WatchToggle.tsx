import { useState } from 'preact/hooks';
import type { WatchRecord } from '@/lib/watch/types';
import { isActive } from '@/lib/watch/schedule';
import { requestWatchStart, requestWatchStop } from '@/lib/watch/request';

/** 监测可访问性 / 停止监测 for one site (a site row, a 监测中 list entry). */
export function WatchToggle({ site, homeUrl, watch, onError }: { site: string; homeUrl: string; watch?: WatchRecord; onError(text: string): void }) {
  const [busy, setBusy] = useState(false);
  const active = !!watch && isActive(watch, Date.now());
  const click = () => {
    setBusy(true);
    const run = active ? requestWatchStop(site).then(() => undefined) : requestWatchStart(homeUrl).then((r) => ('error' in r ? onError(r.error) : undefined));
    void run.catch((e) => onError(`操作失败：${e instanceof Error ? e.message : String(e)}`)).finally(() => setBusy(false));
  };
  return (
    <button class="watch-toggle" data-testid="watch-toggle" data-site={site} disabled={busy || !homeUrl} onClick={click} title="每天访问首页至少 20 次、连续 7 天，失败率达 5% 即“站点无法访问”单项否决">
      {active ? '停止监测' : watch ? '重新监测' : '监测可访问性'}
    </button>
  );
}
