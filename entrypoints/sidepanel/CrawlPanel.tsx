/**
 * 检查全站栏目: asks for the site's host permission (from the click itself, as the browser
 * requires), starts the background crawl, shows its progress and then the column table with
 * the 栏目不更新 verdict. The state lives in storage.local (`crawl:<host>`), so the last crawl
 * stays visible after the panel is closed and reopened.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { crawlKey, type CrawlRow, type CrawlState, type RowVerdict } from '@/lib/crawl/types';
import './crawl.css';

const VERDICT_TEXT: Record<RowVerdict, string> = {
  pending: '待检查',
  fresh: '新',
  stale: '过期',
  blank: '空白',
  'no-date': '无日期',
  error: '无法访问',
  skipped: '已跳过',
};

const VIA_TEXT: Record<CrawlRow['via'], string> = { nav: '导航', more: '更多', sitemap: '网站地图', home: '首页' };

function homeOf(url: string): { home: string; site: string; pattern: string } | null {
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return { home: u.origin + '/', site: u.hostname.toLowerCase(), pattern: `${u.protocol}//${u.hostname}/*` };
  } catch {
    return null;
  }
}

function useCrawlState(site: string): CrawlState | null {
  const [state, setState] = useState<CrawlState | null>(null);
  useEffect(() => {
    setState(null);
    if (!site) return;
    const key = crawlKey(site);
    // the first read is stale once a change arrived (it must not undo it) or the site changed
    let stale = false;
    void chrome.storage.local.get(key).then((got) => {
      if (!stale) setState((got[key] as CrawlState | undefined) ?? null);
    });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== 'local' || !(key in changes)) return;
      stale = true;
      setState((changes[key]!.newValue as CrawlState | undefined) ?? null);
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      stale = true;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, [site]);
  return state;
}

export function CrawlPanel({ tab }: { tab: { id: number; url: string } | null }) {
  const target = tab ? homeOf(tab.url) : null;
  const state = useCrawlState(target?.site ?? '');
  const [error, setError] = useState('');
  const running = state?.phase === 'discovering' || state?.phase === 'crawling';

  const start = () => {
    if (!target) return;
    setError('');
    // permissions.request must run in the click's own call stack: no await before it
    chrome.permissions
      .request({ origins: [target.pattern] })
      .then(async (granted) => {
        if (!granted) {
          setError(`未获得访问 ${target.site} 的权限，无法检查全站栏目。`);
          return;
        }
        const r = await sendMessage('crawlStart', { homeUrl: target.home });
        if ('error' in r) setError(r.error);
      })
      .catch((e) => setError(`无法开始检查：${e instanceof Error ? e.message : String(e)}`));
  };
  const cancel = () => {
    if (target) void sendMessage('crawlCancel', target.site).catch(() => undefined);
  };

  return (
    <section class="crawl" data-testid="crawl">
      <div class="crawl-bar">
        <button data-testid="crawl-start" disabled={!target || running} onClick={start}>
          {running ? '正在检查栏目…' : '检查全站栏目'}
        </button>
        {running && (
          <button data-testid="crawl-cancel" onClick={cancel}>
            取消
          </button>
        )}
      </div>
      {error && (
        <p class="message error" role="alert" data-testid="crawl-error">
          {error}
        </p>
      )}
      {state && <CrawlResult state={state} running={running} />}
    </section>
  );
}

function CrawlResult({ state, running }: { state: CrawlState; running: boolean }) {
  const v = state.verdict;
  return (
    <div>
      {running ? (
        <p class="crawl-progress" data-testid="crawl-progress" role="status">
          {state.phase === 'discovering' ? '正在查找栏目…' : `已检查 ${state.checked} / ${state.total} 个栏目`}
          {state.current && (
            <span class="crawl-current" data-testid="crawl-current" title={state.current}>
              {state.current}
            </span>
          )}
        </p>
      ) : (
        <p class="crawl-summary" data-testid="crawl-summary">
          {state.phase === 'cancelled' ? '检查已取消，' : state.phase === 'error' ? '检查未完成，' : '检查完成，'}
          共检查 {state.checked} / {state.total} 个栏目（{new Date(state.finishedAt ?? state.startedAt).toLocaleString('zh-CN')}）
        </p>
      )}
      {state.error && (
        <p class="message error" role="alert">
          {state.error}
        </p>
      )}
      {v && (
        <p class={`crawl-verdict ${v.columnsStale || v.homeStale ? 'veto' : 'ok'}`} data-testid="crawl-verdict">
          {v.columnsStale || v.homeStale ? v.reasons.join('；') + '（单项否决，待确认）' : '栏目更新情况：未达到「栏目不更新」单项否决标准'}
          <span class="crawl-counts">
            （已判断 {v.counts.columns} 个栏目：过期 {v.counts.stale}，空白 {v.counts.blank}）
          </span>
        </p>
      )}
      {state.notes.map((n) => (
        <p class="crawl-note">{n}</p>
      ))}
      {state.rows.length > 0 && (
        <table class="crawl-table" data-testid="crawl-table">
          <thead>
            <tr>
              <th>栏目</th>
              <th>类型</th>
              <th>最新日期</th>
              <th>距今</th>
              <th>结论</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) => (
              <tr data-testid="crawl-row" data-url={r.url} data-verdict={r.verdict} class={`v-${r.verdict}`}>
                <td>
                  <a href={r.url} target="_blank" rel="noreferrer" title={r.url}>
                    {r.name || r.url}
                  </a>
                  <span class="crawl-via">{VIA_TEXT[r.via]}</span>
                </td>
                <td>{r.column?.columnType ?? ''}</td>
                <td>{r.column?.newestDate ?? ''}</td>
                <td>{r.column?.ageDays != null ? `${r.column.ageDays} 天` : ''}</td>
                <td class="crawl-v" title={r.note ?? ''}>
                  {VERDICT_TEXT[r.verdict]}
                  {r.httpStatus ? `（${r.httpStatus}）` : ''}
                  {r.note && !r.httpStatus && <div class="crawl-why">{r.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
