import { useEffect, useState } from 'preact/hooks';
import { useBusy } from '@/components/use-busy';
import { BackupButtons } from '@/components/BackupButtons';
import { getDb } from '@/lib/store/db';
import { exportZip, exportAnnex, type Report } from '@/components/export-actions';
import { loadWeights } from '@/lib/verdict/weights-store';
import { checkStorage } from '@/lib/store/durability';

/** Side panel: the dashboard link, ZIP / annex / JSON exports and the JSON import. */
export function ExportMenu({ site }: { site: string }) {
  const db = getDb();
  const [busy, run] = useBusy();
  const [msg, setMsg] = useState<{ kind: 'info' | 'error' | 'progress'; text: string } | null>(null);
  const report: Report = (kind, text) => setMsg({ kind, text });
  useEffect(() => {
    void checkStorage().then((s) => s.warning && setMsg({ kind: 'error', text: s.warning }));
  }, []);
  return (
    <div class="export-menu" data-testid="export-menu">
      <div class="toolbar">
        <button data-testid="open-dashboard" onClick={() => void chrome.tabs.create({ url: chrome.runtime.getURL('/dashboard.html') })}>
          检查总览
        </button>
        <button data-testid="export-zip" disabled={busy || !site} onClick={() => run(() => exportZip(db, { kind: 'site', site }, report))}>
          导出本站 ZIP
        </button>
        <button data-testid="export-annex" disabled={busy} onClick={() => run(async () => exportAnnex(db, { kind: 'html', weights: await loadWeights() }, report))}>
          通报附件
        </button>
        <BackupButtons db={db} busy={busy} run={run} report={report} />
      </div>
      {msg && (
        <p class={`message ${msg.kind === 'progress' ? 'info' : msg.kind}`} data-testid="export-message" role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}
