import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/store/db';
import { exportZip, exportJson, importJson, exportAnnex, type Report } from '@/components/export-actions';
import { loadWeights } from '@/lib/verdict/weights-store';
import { checkStorage } from '@/lib/store/durability';

/** Side panel: the dashboard link, ZIP / annex / JSON exports and the JSON import. */
export function ExportMenu({ site }: { site: string }) {
  const db = getDb();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'info' | 'error' | 'progress'; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const report: Report = (kind, text) => setMsg({ kind, text });
  useEffect(() => {
    void checkStorage().then((s) => s.warning && setMsg({ kind: 'error', text: s.warning }));
  }, []);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
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
        <button data-testid="export-json" disabled={busy} onClick={() => run(() => exportJson(db, report))}>
          JSON 备份
        </button>
        <button disabled={busy} onClick={() => file.current?.click()}>
          导入 JSON…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          data-testid="import-json"
          hidden
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void run(() => importJson(db, f, report));
          }}
        />
      </div>
      {msg && (
        <p class={`message ${msg.kind === 'progress' ? 'info' : msg.kind}`} data-testid="export-message" role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}
