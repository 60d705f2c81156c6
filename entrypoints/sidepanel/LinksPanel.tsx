import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '@/lib/types';
import { getDb } from '@/lib/store/db';
import { findingsForSite } from '@/lib/store/repo';
import { sendMessage } from '@/lib/messages';
import { isHomePage } from '@/lib/links/count';
import { linksAuto, setLinksAuto, siteLinksKey } from '@/lib/links/auto';
import type { SiteLinkState } from '@/entrypoints/background/site-links';
import { useLiveQuery } from '@/components/use-live-query';
import type { TargetTab } from './use-target-tab';

const ALL = { origins: ['<all_urls>'] };

/** Dead links of the site, the home page's counted apart (as a 通报 counts them). */
export function linkCounts(findings: readonly Finding[], homeUrl: string): { home: number; other: number; suspect: number } {
  const dead = new Map<string, boolean>();
  let suspect = 0;
  for (const f of findings) {
    if (f.status === 'dismissed') continue;
    if (f.ruleId === 'links.suspect') suspect++;
    if (f.ruleId !== 'links.dead') continue;
    // a URL dead on the home page counts there only, and once
    dead.set(f.evidence, (dead.get(f.evidence) ?? false) || isHomePage(f.url, homeUrl));
  }
  const home = [...dead.values()].filter(Boolean).length;
  return { home, other: dead.size - home, suspect };
}

/**
 * 检查链接 for the open page: asks once for access to all sites (links to other hosts cannot be
 * read without it; declined = same-site and *.gov.cn links only), then the page checks its links.
 */
export function LinksPanel({ tab, site }: { tab: TargetTab | null; site: string }) {
  const db = getDb();
  const findings = useLiveQuery(() => (site ? findingsForSite(db, site) : Promise.resolve([] as Finding[])), [site], []);
  const [auto, setAuto] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void linksAuto().then(setAuto);
    void chrome.permissions?.contains(ALL).then(setGranted).catch(() => setGranted(null));
  }, []);
  const homeUrl = tab?.url ? new URL(tab.url).origin + '/' : '';
  const c = linkCounts(findings, homeUrl);

  const run = async (force: boolean) => {
    if (!tab) return;
    // the prompt needs the click's gesture, so it is asked right here; this check goes on with
    // the rights there are now (same site, *.gov.cn), a later one uses what was granted
    if (granted === false) void chrome.permissions.request(ALL).then(setGranted).catch(() => undefined);
    setBusy(true);
    setMsg('正在检查链接…');
    try {
      const res = await sendMessage('checkPageLinks', { force }, tab.id);
      if (!res) setMsg('页面没有响应，请先点“检查此页”。');
      else if ('error' in res) setMsg(res.error);
      else
        setMsg(
          `已检查 ${res.checked} 个链接：不可用 ${res.dead} 个，待复核 ${res.suspect} 个` +
            (res.cached ? `（${res.cached} 个用 24 小时内的结果）` : '') +
            (res.skipped ? `；${res.skipped} 个其他网站的链接未检查（需允许访问所有网站，授权后再点一次）` : '') +
            '。',
        );
    } catch {
      setMsg('页面没有响应，请先点“检查此页”。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="links-panel" data-testid="links-panel">
      <div class="toolbar">
        <button data-testid="links-check" disabled={!tab || busy} onClick={() => void run(false)}>
          检查链接
        </button>
        <button data-testid="links-recheck" disabled={!tab || busy} onClick={() => void run(true)} title="清除本页链接的检查缓存后重新检查">
          重新检查链接
        </button>
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="links-auto"
            checked={auto}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setAuto(on);
              void setLinksAuto(on);
            }}
          />
          浏览时自动检查链接
        </label>
      </div>
      <p data-testid="links-counts">
        首页不可用链接 <b data-testid="links-home">{c.home}</b> 个 / 其他页面 <b data-testid="links-other">{c.other}</b> 个
        {c.suspect ? `（另有 ${c.suspect} 个待复核）` : ''}
      </p>
      {msg && (
        <p class="message info" data-testid="links-message">
          {msg}
        </p>
      )}
      <SiteLinks site={site} />
    </section>
  );
}

/** 检查全站链接: the links of every page the column crawl fetched; progress and the dead URLs with the pages linking them. */
function SiteLinks({ site }: { site: string }) {
  const [s, setS] = useState<SiteLinkState | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    if (!site) return;
    const key = siteLinksKey(site);
    void chrome.storage.local.get(key).then((v) => setS((v[key] as SiteLinkState) ?? null));
    const on = (changes: Record<string, chrome.storage.StorageChange>) => {
      if (changes[key]) setS((changes[key]!.newValue as SiteLinkState) ?? null);
    };
    chrome.storage.onChanged.addListener(on);
    return () => chrome.storage.onChanged.removeListener(on);
  }, [site]);
  if (!site) return null;
  const running = s?.phase === 'checking';
  return (
    <div class="site-links" data-testid="site-links">
      <div class="toolbar">
        <button
          data-testid="site-links-start"
          disabled={running}
          title="检查“检查全站栏目”抓取过的每个页面上的链接（每个网址只查一次）"
          onClick={() => void sendMessage('siteLinksStart', site).then((r) => setErr('error' in r ? r.error : ''))}
        >
          检查全站链接
        </button>
        {running && (
          <button data-testid="site-links-cancel" onClick={() => void sendMessage('siteLinksCancel', site)}>
            取消
          </button>
        )}
      </div>
      {err && <p class="message error">{err}</p>}
      {s && (
        <p data-testid="site-links-progress">
          {s.phase === 'checking' ? '检查中' : s.phase === 'done' ? '已完成' : s.phase === 'cancelled' ? '已取消（再次检查会接着查）' : `出错：${s.error ?? ''}`}：页面 {s.pages} 个，链接{' '}
          {s.done}/{s.links}，不可用 {s.dead} 个{s.skipped ? `，${s.skipped} 个其他网站链接未检查` : ''}
          {running && s.current ? `，正在检查 ${s.current}` : ''}
          {!s.pages ? '（请先“检查全站栏目”）' : ''}
        </p>
      )}
      {s && s.deadLinks.length > 0 && (
        <ul data-testid="site-links-dead">
          {s.deadLinks.map((d) => (
            <li key={d.url} data-testid="site-links-dead-item" title={d.message}>
              <span class="url">{d.url}</span>（{d.message}）：{d.pages.length} 个页面链接到它
              <ul>
                {d.pages.slice(0, 20).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
