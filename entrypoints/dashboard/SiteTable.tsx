import type { SiteStats } from '@/lib/store/stats';
import type { Verdict } from '@/lib/verdict/index';
import type { WatchRecord } from '@/lib/watch/types';
import { WatchToggle } from './WatchToggle';

const VERDICT_CLASS: Record<Verdict, string> = { 合格: 'pass', 不合格: 'fail', 疑似不合格: 'suspect' };

/** All sites: name, 网站标识码, home URL, pages, counts by severity, verdict, score. */
export function SiteTable({ stats, onOpen, watches, onError }: { stats: SiteStats[]; onOpen(site: string): void; watches?: WatchRecord[]; onError?(text: string): void }) {
  const watchOf = new Map((watches ?? []).map((w) => [w.site, w]));
  if (!stats.length) return <p class="empty">没有符合条件的网站。</p>;
  return (
    <table class="sites" data-testid="site-table">
      <thead>
        <tr>
          <th>网站名称</th>
          <th>网站标识码</th>
          <th>首页网址</th>
          <th>已检查页面</th>
          <th>单项否决</th>
          <th>扣分</th>
          <th>待复核</th>
          <th>结论</th>
          <th>得分</th>
          <th>可访问性</th>
        </tr>
      </thead>
      <tbody>
        {stats.map((s) => (
          <tr key={s.site.site} data-testid="site-row" data-site={s.site.site} data-verdict={s.verdict.verdict}>
            <td>
              <a href={`#site=${encodeURIComponent(s.site.site)}`} data-testid="site-open" onClick={(e) => (e.preventDefault(), onOpen(s.site.site))}>
                {s.site.name || s.site.site}
              </a>
            </td>
            <td data-testid="site-code">{s.site.siteCode || '未找到'}</td>
            <td class="url">{s.site.homeUrl}</td>
            <td class="num">{s.pages}</td>
            <td class="num veto">{s.bySeverity.veto}</td>
            <td class="num deduct">{s.bySeverity.deduct}</td>
            <td class="num hint">{s.bySeverity.hint}</td>
            <td>
              <span class={`verdict ${VERDICT_CLASS[s.verdict.verdict]}`} data-testid="site-verdict" title={s.verdict.reasons.join('；')}>
                {s.verdict.verdict}
              </span>
            </td>
            <td class="num" data-testid="site-score" title={s.verdict.scored ? '' : '单项否决，不参与评分'}>
              {s.verdict.scored ? s.verdict.score.toFixed(2) : `（${s.verdict.score.toFixed(2)}）`}
            </td>
            <td>
              <WatchToggle site={s.site.site} homeUrl={s.site.homeUrl} watch={watchOf.get(s.site.site)} onError={onError ?? (() => undefined)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
