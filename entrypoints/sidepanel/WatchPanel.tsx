/**
 * The current site's 站点无法访问 watch (监测可访问性 / 停止监测, its tally) and 检查首页指标
 * (站内搜索, 年度报表, HTTPS: hints stored with the site's findings).
 */
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/store/db';
import { getWatch, probesOf } from '@/lib/store/probes';
import { useLiveQuery } from '@/components/use-live-query';
import { isActive } from '@/lib/watch/schedule';
import { tallyText, watchState } from '@/lib/watch/status';
import { requestIndicators, requestWatchStart, requestWatchStop } from '@/lib/watch/request';
import type { ProbeRecord, WatchRecord } from '@/lib/watch/types';

function homeOf(url: string): { site: string; home: string } | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? { site: u.hostname.toLowerCase(), home: u.origin + '/' } : null;
  } catch {
    return null;
  }
}

export function WatchPanel({ tab }: { tab: { id: number; url: string } | null }) {
  const db = getDb();
  const target = tab ? homeOf(tab.url) : null;
  const site = target?.site ?? '';
  const data = useLiveQuery(
    async (): Promise<{ watch?: WatchRecord; probes: ProbeRecord[] }> => {
      const watch = site ? await getWatch(db, site) : undefined;
      return { watch, probes: watch ? await probesOf(db, site, watch.startedAt) : [] };
    },
    [site],
    { probes: [] },
  );
  const [busy, setBusy] = useState('');
  const [lines, setLines] = useState<{ kind: 'info' | 'error'; text: string }[]>([]);
  if (!target) return null;
  const now = Date.now();
  const active = !!data.watch && isActive(data.watch, now);

  const run = (what: string, job: () => Promise<{ kind: 'info' | 'error'; text: string }[]>) => {
    setBusy(what);
    setLines([{ kind: 'info', text: `${what}…` }]);
    void job()
      .then(setLines, (e) => setLines([{ kind: 'error', text: `${what}失败：${e instanceof Error ? e.message : String(e)}` }]))
      .finally(() => setBusy(''));
  };
  // both start with the permission request: no await may come before it
  const toggle = () =>
    run(active ? '正在停止监测' : '正在开始监测', async () => {
      if (active) {
        await requestWatchStop(site);
        return [{ kind: 'info', text: '已停止监测，已有的访问记录保留。' }];
      }
      const r = await requestWatchStart(target.home);
      if ('error' in r) return [{ kind: 'error', text: r.error }];
      const first = r.probe ? (r.probe.ok ? '首次访问正常' : '首次访问失败') : '首次访问未执行';
      return [{ kind: 'info', text: `已开始监测 ${site}：7 天内每天访问首页至少 20 次。${first}；正在检查首页指标…` }];
    });
  const indicators = () =>
    run('正在检查首页指标', async () => {
      const r = await requestIndicators(target.home);
      if ('error' in r) return [{ kind: 'error', text: r.error }];
      return [{ kind: 'info', text: `首页指标检查完成：${r.findings.length} 个待复核问题。` }, ...r.notes.map((text) => ({ kind: 'info' as const, text }))];
    });

  return (
    <section class="watch-panel" data-testid="watch-panel">
      <div class="row">
        <button data-testid="watch-start" disabled={!!busy} onClick={toggle} title="每天访问首页至少 20 次、连续 7 天，失败率达 5% 即“站点无法访问”单项否决">
          {active ? '停止监测' : '监测可访问性'}
        </button>
        <button data-testid="check-indicators" disabled={!!busy} onClick={indicators} title="站内搜索、政府网站工作年度报表、HTTPS">
          检查首页指标
        </button>
      </div>
      {data.watch && (
        <p class="watch-status" data-testid="watch-status">
          {watchState(data.watch, now)}：{tallyText(data.watch, data.probes, now)}
        </p>
      )}
      {lines.map((l, i) => (
        <p key={i} class={`message ${l.kind}`} data-testid="watch-message">
          {l.text}
        </p>
      ))}
    </section>
  );
}
