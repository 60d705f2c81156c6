import { useState } from 'preact/hooks';
import { hostOf } from '@/lib/hosts';
import type { Finding, FindingStatus } from '@/lib/types';
import { getDb } from '@/lib/store/db';
import { findingsForPage, findingsForSite, getSite } from '@/lib/store/repo';
import { exportCsv, type Report } from '@/components/export-actions';
import type { ExportScope } from '@/lib/export/scope';
import { normaliseUrl } from '@/lib/fingerprint';
import { sendMessage } from '@/lib/messages';
import { useLiveQuery } from '@/components/use-live-query';
import { FindingGroups } from '@/components/FindingGroups';
import { useTargetTab } from './use-target-tab';
import { useSettings } from './use-settings';
import { RoundSelect } from './RoundSelect';
import { BulkActions } from './BulkActions';
import { RecheckPanel } from './RecheckPanel';
import { CapturePermission } from './CapturePermission';
import { SelectionContext } from '@/components/finding-extras';
import { activeRoundId } from '@/lib/rounds/active';
import { CrawlPanel } from './CrawlPanel';
import { LinksPanel } from './LinksPanel';
import { WatchPanel } from './WatchPanel';
import { ExportMenu } from './ExportMenu';

type View = 'page' | 'site';


export function SidePanel() {
  const db = getDb();
  const tab = useTargetTab();
  const url = tab ? normaliseUrl(tab.url) : '';
  const site = tab ? hostOf(tab.url) : '';
  const [view, setView] = useState<View>('page');
  const [showDismissed, setShowDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const activeRound = activeRoundId(useSettings());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selection = { selected, toggle: (id: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; }) };
  const say = (kind: 'info' | 'error', text: string) => setMessage({ kind, text });

  const pageFindings = useLiveQuery(() => (url ? findingsForPage(db, url) : Promise.resolve([] as Finding[])), [url], []);
  const siteFindings = useLiveQuery(() => (site ? findingsForSite(db, site) : Promise.resolve([] as Finding[])), [site], []);
  const siteRecord = useLiveQuery(() => (site ? getSite(db, site) : Promise.resolve(undefined)), [site], undefined);

  const list = (view === 'page' ? pageFindings : siteFindings).filter((f) => showDismissed || f.status !== 'dismissed');
  const dismissedCount = (view === 'page' ? pageFindings : siteFindings).filter((f) => f.status === 'dismissed').length;

  const scan = async () => {
    if (!tab) return;
    setBusy(true);
    setMessage({ kind: 'info', text: '正在检查此页…' });
    try {
      const res = await sendMessage('scanTab', tab.id);
      if ('error' in res) setMessage({ kind: 'error', text: res.error });
      else setMessage({ kind: 'info', text: `检查完成：${res.findings.length} 个问题，用时 ${res.page.scanMs} 毫秒。${res.notes.join(' ')}` });
    } catch (e) {
      setMessage({ kind: 'error', text: `检查失败：${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const actions = {
    focus: (f: Finding) => {
      if (!tab) return;
      if (f.url !== url) {
        void chrome.tabs.update(tab.id, { url: f.url });
        return;
      }
      void sendMessage('focusFinding', f.id, tab.id).then((ok) => {
        if (!ok) setMessage({ kind: 'info', text: '页面上已找不到这处问题（页面可能已变化），请重新检查此页。' });
      });
    },
    setStatus: (f: Finding, status: FindingStatus) => {
      void sendMessage('setStatus', { id: f.id, status, tabId: tab?.id }).catch((e) => setMessage({ kind: 'error', text: `保存状态失败：${String(e)}` }));
    },
    setNote: (f: Finding, note: string) => {
      void sendMessage('setNote', { id: f.id, note }).catch((e) => setMessage({ kind: 'error', text: `保存备注失败：${String(e)}` }));
    },
  };

  // the same CSV export as the dashboard's (lib/export/scope + components/export-actions)
  const report: Report = (kind, text) => setMessage({ kind: kind === 'error' ? 'error' : 'info', text });
  const exportScope = (scope: ExportScope) => void exportCsv(db, scope, report);

  return (
    <main>
      <header>
        <h1>GovCheck 政府网站巡检助手</h1>
        {tab ? (
          <div class="target" data-testid="target">
            <div class="site-name">{siteRecord?.name || site}</div>
            {siteRecord?.siteCode && <div class="site-code">网站标识码：{siteRecord.siteCode}</div>}
            <div class="page-url" title={tab.url}>
              {tab.title || tab.url}
            </div>
          </div>
        ) : (
          <p>请先打开要检查的网页。</p>
        )}
        <div class="toolbar">
          <button data-testid="scan-page" disabled={!tab || busy} onClick={scan}>
            {busy ? '检查中…' : '检查此页'}
          </button>
          <button data-testid="export-csv" disabled={!site} onClick={() => exportScope({ kind: 'site', site })}>
            导出本站 CSV
          </button>
          <button data-testid="export-csv-all" onClick={() => exportScope({ kind: 'all' })}>
            导出全部 CSV
          </button>
        </div>
        <RoundSelect active={activeRound} onMessage={say} />
        <CapturePermission />
        {message && (
          <p class={`message ${message.kind}`} data-testid="message" role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </header>
      <ExportMenu site={site} />
      <LinksPanel tab={tab} site={site} />
      <CrawlPanel tab={tab} />
      <WatchPanel tab={tab} />
      <nav class="tabs">
        <button class={view === 'page' ? 'active' : ''} data-testid="view-page" onClick={() => setView('page')}>
          本页 ({pageFindings.filter((f) => f.status !== 'dismissed').length})
        </button>
        <button class={view === 'site' ? 'active' : ''} data-testid="view-site" onClick={() => setView('site')}>
          本站 ({siteFindings.filter((f) => f.status !== 'dismissed').length})
        </button>
        <label class="toggle">
          <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed((e.target as HTMLInputElement).checked)} />
          显示已忽略 ({dismissedCount})
        </label>
      </nav>
      <RecheckPanel site={site} active={activeRound} />
      {list.length > 0 && <BulkActions visible={list} selected={selected} setSelected={setSelected} tabId={tab?.id} onMessage={say} />}
      <div data-testid={`findings-${view}`}>
        <SelectionContext.Provider value={selection}>
          <FindingGroups findings={list} actions={actions} showUrl={view === 'site'} />
        </SelectionContext.Provider>
      </div>
    </main>
  );
}
