import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding, PageRecord, ScreenshotRecord } from '@/lib/types';
import type { SiteStats } from '@/lib/store/stats';
import { screenshotsForFindings } from '@/lib/store/repo';
import { getDb } from '@/lib/store/db';
import { useLiveQuery } from '@/components/use-live-query';
import { severityLabel, statusLabel, categoryLabel } from '@/lib/labels';
import { formatTime } from '@/lib/export/csv';

const PAGE_SIZE = 100;
const PAGE_TYPE: Record<string, string> = { home: '首页', column: '栏目页', article: '文章页', other: '其他' };
const SEV_RANK = { veto: 0, deduct: 1, hint: 2 } as const;

/** Object URLs for the screenshots of the shown findings, revoked when they change. */
function useThumbs(findings: Finding[]): Map<string, string> {
  const [urls, setUrls] = useState(new Map<string, string>());
  const key = findings.map((f) => f.id).join(',');
  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    const ids = findings.map((f) => f.id);
    void screenshotsForFindings(getDb(), ids).then((shots: ScreenshotRecord[]) => {
      if (!alive) return;
      const m = new Map<string, string>();
      // oldest first: a later capture replaces an earlier one, so the newest shows (as in the side panel)
      for (const s of shots) {
        const u = URL.createObjectURL(s.blob);
        made.push(u);
        m.set(s.findingId, u);
      }
      setUrls(m);
    });
    return () => {
      alive = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return urls;
}

/** One site: its pages and findings (with screenshot thumbnails), paged. */
export function SiteDetail({ stats, onClose }: { stats: SiteStats; onClose(): void }) {
  const db = getDb();
  const site = stats.site.site;
  const pages = useLiveQuery(() => db.pages.where('site').equals(site).toArray(), [site], [] as PageRecord[]);
  const findings = useLiveQuery(() => db.findings.where('site').equals(site).toArray(), [site], null as Finding[] | null);
  const [pageUrl, setPageUrl] = useState('');
  const [status, setStatus] = useState('active');
  const [shown, setShown] = useState(PAGE_SIZE);

  const list = useMemo(
    () =>
      (findings ?? [])
        .filter((f) => (!pageUrl || f.url === pageUrl) && (status === 'all' || (status === 'active' ? f.status !== 'dismissed' : f.status === status)))
        .sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity] || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    [findings, pageUrl, status],
  );
  const visible = list.slice(0, shown);
  const thumbs = useThumbs(visible);
  const v = stats.verdict;

  return (
    <section class="detail" data-testid="site-detail">
      <button onClick={onClose}>← 返回全部网站</button>
      <h2>
        {stats.site.name || site} <small>{site}</small>
      </h2>
      <p>
        网站标识码：{stats.site.siteCode || '未找到'}　首页：{stats.site.homeUrl}　结论：
        <b data-testid="detail-verdict">{v.verdict}</b>　得分：{v.score.toFixed(2)}
        {!v.scored && '（单项否决，不参与评分）'}
      </p>
      {v.reasons.length > 0 && (
        <p class="reasons">
          {v.verdict === '疑似不合格' ? '待确认的单项否决问题' : '存在的突出问题'}：{v.reasons.join('；')}
        </p>
      )}
      {v.deductions.length > 0 && (
        <details>
          <summary>扣分明细（{v.deductions.length} 项）</summary>
          <ul>
            {v.deductions.map((d) => (
              <li key={d.ruleId}>
                {d.ruleId}：{d.count} 处，扣 {d.points} 分
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>已检查页面（{pages.length}）</h3>
      <table class="pages" data-testid="detail-pages">
        <thead>
          <tr>
            <th>页面</th>
            <th>类型</th>
            <th>发布日期</th>
            <th>问题</th>
            <th>检查时间</th>
          </tr>
        </thead>
        <tbody>
          {pages.slice(0, 300).map((p) => (
            <tr key={p.url} class={p.url === pageUrl ? 'selected' : ''}>
              <td>
                <a href="#" onClick={(e) => (e.preventDefault(), setPageUrl(p.url === pageUrl ? '' : p.url), setShown(PAGE_SIZE))} title={p.url}>
                  {p.title || p.url}
                </a>
              </td>
              <td>{PAGE_TYPE[p.pageType] ?? p.pageType}</td>
              <td>{p.pubDate ?? ''}</td>
              <td class="num">{p.findingCount}</td>
              <td>{formatTime(p.lastScanned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages.length > 300 && <p class="empty">只列出前 300 个页面。</p>}
      <h3>
        问题（{list.length}）{pageUrl && <small>　仅此页面：{pageUrl}</small>}
      </h3>
      <label>
        状态：
        <select value={status} onChange={(e) => (setStatus((e.target as HTMLSelectElement).value), setShown(PAGE_SIZE))}>
          <option value="active">未忽略</option>
          <option value="all">全部</option>
          <option value="open">待处理</option>
          <option value="confirmed">已确认</option>
          <option value="fixed">已整改</option>
          <option value="dismissed">已忽略</option>
        </select>
      </label>
      {findings === null ? (
        <p class="progress">正在读取问题记录…</p>
      ) : (
        <ul class="detail-findings">
          {visible.map((f) => (
            <li key={f.id} class={`finding ${f.severity}`} data-testid="detail-finding" data-rule={f.ruleId}>
              {thumbs.get(f.id) && (
                <a href={thumbs.get(f.id)} target="_blank" rel="noreferrer">
                  <img class="thumb" src={thumbs.get(f.id)} alt="截图" data-testid="thumb" />
                </a>
              )}
              <div>
                <div>
                  <span class={`sev ${f.severity}`}>{severityLabel(f.severity)}</span> {f.message}
                </div>
                {f.evidence && <div class="evidence">证据：{f.evidence}</div>}
                {f.note && <div class="evidence">备注：{f.note}</div>}
                <div class="meta">
                  {categoryLabel(f.category)} · {f.ruleId} · {statusLabel(f.status)} · {f.url}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.length > shown && <button onClick={() => setShown(shown + PAGE_SIZE)}>再显示 {Math.min(PAGE_SIZE, list.length - shown)} 条</button>}
    </section>
  );
}
