import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RoundRecord } from '@/lib/types';
import { getDb } from '@/lib/store/db';
import type { SiteStats } from '@/lib/store/stats';
import { useSiteStats } from './use-site-stats';
import { loadStatsCache, saveStatsCache } from '@/lib/store/stats-cache';
import { formatTime } from '@/lib/export/csv';
import { verdictFromCounts } from '@/lib/verdict/index';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '@/lib/verdict/score';
import { loadWeights } from '@/lib/verdict/weights-store';
import { checkStorage, type StorageState } from '@/lib/store/durability';
import { useLiveQuery } from '@/components/use-live-query';
import type { Report } from '@/components/export-actions';
import { ScoreChart } from './ScoreChart';
import { SiteTable } from './SiteTable';
import { SiteDetail } from './SiteDetail';
import { Toolbar } from './Toolbar';
import { WeightsEditor } from './WeightsEditor';
import { WatchList } from './WatchList';
import { useWatches } from './use-watches';

type Sort = 'score' | 'name' | 'findings' | 'code';

function siteFromHash(): string {
  const m = /^#site=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : '';
}

/** Every inspected site with verdict and score; drill-down; exports and import. */
export function Dashboard() {
  const db = getDb();
  const [weights, setWeights] = useState<ScoreWeights>(DEFAULT_WEIGHTS);
  const [round, setRound] = useState('');
  const [query, setQuery] = useState('');
  const [verdictFilter, setVerdictFilter] = useState('');
  const [sort, setSort] = useState<Sort>('score');
  const [open, setOpen] = useState(siteFromHash());
  const [message, setMessage] = useState<{ kind: 'info' | 'error' | 'progress'; text: string } | null>(null);
  const [storage, setStorage] = useState<StorageState | null>(null);

  useEffect(() => {
    void loadWeights().then(setWeights);
    void checkStorage().then(setStorage);
    const onHash = () => setOpen(siteFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const live = useSiteStats(db, round);
  // last visit's aggregates paint at once; the live read of the stored aggregates replaces them
  const cached = useMemo(() => loadStatsCache(round), [round]);
  useEffect(() => {
    if (live) saveStatsCache(round, live);
  }, [live]);
  const raw = live ?? cached?.stats ?? null;
  const watched = useWatches(db);
  const rounds = useLiveQuery(() => db.rounds.orderBy('createdAt').toArray(), [], [] as RoundRecord[]);

  // weights change the verdicts without another read of the store
  const stats = useMemo(() => raw?.map((s) => ({ ...s, verdict: verdictFromCounts(s.counts, { weights, vetoReasons: s.vetoReasons }) })) ?? null, [raw, weights]);

  const shown = useMemo(() => {
    if (!stats) return [];
    const q = query.trim().toLowerCase();
    const list = stats.filter(
      (s) =>
        (!verdictFilter || s.verdict.verdict === verdictFilter) &&
        (!q || s.site.site.includes(q) || s.site.name.toLowerCase().includes(q) || s.site.siteCode.toLowerCase().includes(q)),
    );
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const by: Record<Sort, (a: SiteStats, b: SiteStats) => number> = {
      score: (a, b) => Number(b.verdict.scored) - Number(a.verdict.scored) || b.verdict.score - a.verdict.score || cmp(a.site.site, b.site.site),
      name: (a, b) => cmp(a.site.name || a.site.site, b.site.name || b.site.site),
      findings: (a, b) => b.findings - a.findings,
      code: (a, b) => cmp(a.site.siteCode, b.site.siteCode),
    };
    return list.sort(by[sort]);
  }, [stats, query, verdictFilter, sort]);

  useEffect(() => {
    if (stats) performance.mark('govcheck-dashboard-ready');
  }, [stats !== null]);
  useEffect(() => {
    if (live) performance.mark('govcheck-dashboard-live');
  }, [live !== null]);

  const report: Report = (kind, text) => setMessage({ kind, text });
  const openSite = (site: string) => {
    location.hash = site ? `site=${encodeURIComponent(site)}` : '';
    setOpen(site);
  };
  const detail = open && stats ? stats.find((s) => s.site.site === open) : undefined;
  const tally = (v: string) => stats?.filter((s) => s.verdict.verdict === v).length ?? 0;

  return (
    <main>
      <header>
        <h1>GovCheck 检查总览</h1>
        {stats && (
          <p class="summary" data-testid="summary">
            共 {stats.length} 个网站：合格 {tally('合格')}，不合格 {tally('不合格')}，疑似不合格 {tally('疑似不合格')}。
          </p>
        )}
        {!live && cached && (
          <p class="message progress" data-testid="stats-stale">
            显示的是 {formatTime(cached.at)} 的统计，正在重新统计…
          </p>
        )}
        {storage?.warning && (
          <p class="message error" data-testid="quota-warning" role="alert">
            {storage.warning}
          </p>
        )}
        {storage && storage.persisted === false && (
          <p class="message info" data-testid="persist-note">
            浏览器未授予持久存储：磁盘空间紧张时数据可能被清除，请定期导出 JSON 备份。
          </p>
        )}
        <Toolbar
          rounds={rounds}
          site={detail?.site.site}
          round={round || undefined}
          sites={stats && shown.length < stats.length ? shown.map((s) => s.site.site) : undefined}
          weights={weights}
          report={report}
        />
        {message && (
          <p class={`message ${message.kind}`} data-testid="message" role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </header>

      {!stats ? (
        <p class="progress" data-testid="loading">
          正在统计各网站的问题…
        </p>
      ) : detail ? (
        <SiteDetail stats={detail} onClose={() => openSite('')} />
      ) : (
        <>
          <div class="filters" data-testid="filters">
            <input type="search" placeholder="搜索网站名称、域名或网站标识码" value={query} data-testid="filter-text" onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
            <select value={verdictFilter} data-testid="filter-verdict" onChange={(e) => setVerdictFilter((e.target as HTMLSelectElement).value)}>
              <option value="">全部结论</option>
              <option value="合格">合格</option>
              <option value="不合格">不合格</option>
              <option value="疑似不合格">疑似不合格</option>
            </select>
            <select value={round} data-testid="filter-round" onChange={(e) => setRound((e.target as HTMLSelectElement).value)}>
              <option value="">全部检查批次</option>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <select value={sort} data-testid="filter-sort" onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
              <option value="score">按得分</option>
              <option value="name">按名称</option>
              <option value="code">按网站标识码</option>
              <option value="findings">按问题数</option>
            </select>
            <span class="count">显示 {shown.length} / {stats.length}</span>
          </div>
          {stats.length === 0 ? (
            <p class="empty" data-testid="no-sites">
              还没有检查过的网站。打开政府网站页面，或在侧边栏点击“检查此页”。
            </p>
          ) : (
            <>
              <WatchList watched={watched} stats={stats} onError={(text) => report('error', text)} />
              <SiteTable stats={shown} onOpen={openSite} watches={watched.watches} onError={(text) => report('error', text)} />
              <ScoreChart stats={shown} weights={weights} />
            </>
          )}
          <WeightsEditor weights={weights} onChange={setWeights} />
        </>
      )}
    </main>
  );
}
