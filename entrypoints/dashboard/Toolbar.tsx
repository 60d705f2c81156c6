import { useRef, useState } from 'preact/hooks';
import type { RoundRecord } from '@/lib/types';
import type { ExportScope } from '@/lib/export/scope';
import type { ScoreWeights } from '@/lib/verdict/score';
import { getDb } from '@/lib/store/db';
import { exportCsv, exportZip, exportJson, importJson, exportAnnex, type Report } from '@/components/export-actions';

export interface ToolbarProps {
  rounds: RoundRecord[];
  /** the site open in the drill-down, if any */
  site?: string;
  round?: string;
  weights: ScoreWeights;
  report: Report;
}

function parseScope(v: string): ExportScope {
  if (v.startsWith('site:')) return { kind: 'site', site: v.slice(5) };
  if (v.startsWith('round:')) return { kind: 'round', round: v.slice(6) };
  return { kind: 'all' };
}

/** Exports (CSV / ZIP / annex / JSON) and import, with a scope for the findings exports. */
export function Toolbar({ rounds, site, round, weights, report }: ToolbarProps) {
  const db = getDb();
  const [scopeValue, setScopeValue] = useState('all');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const value = scopeValue.startsWith('site:') && !site ? 'all' : scopeValue;
  const scope = parseScope(value);
  const roundName = (id?: string) => rounds.find((r) => r.id === id)?.name ?? id;

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const scopeRound = scope.kind === 'round' ? roundName(scope.round) : undefined;

  return (
    <div class="toolbar" data-testid="dashboard-toolbar">
      <label>
        导出范围：
        <select data-testid="export-scope" value={value} onChange={(e) => setScopeValue((e.target as HTMLSelectElement).value)}>
          <option value="all">全部网站</option>
          {site && <option value={`site:${site}`}>本网站（{site}）</option>}
          {rounds.map((r) => (
            <option key={r.id} value={`round:${r.id}`}>
              检查批次：{r.name}
            </option>
          ))}
        </select>
      </label>
      <button data-testid="export-csv" disabled={busy} onClick={() => run(() => exportCsv(db, scope, report, scopeRound))}>
        导出 CSV
      </button>
      <button data-testid="export-zip" disabled={busy} onClick={() => run(() => exportZip(db, scope, report, scopeRound))}>
        导出 ZIP（含截图）
      </button>
      <span class="sep" />
      <button data-testid="export-annex" disabled={busy} onClick={() => run(() => exportAnnex(db, { kind: 'html', weights, round, roundName: roundName(round) }, report))}>
        通报附件（打印版）
      </button>
      <button data-testid="export-annex-scores" disabled={busy} onClick={() => run(() => exportAnnex(db, { kind: 'scores', weights, round }, report))}>
        附件1 CSV
      </button>
      <button data-testid="export-annex-problems" disabled={busy} onClick={() => run(() => exportAnnex(db, { kind: 'problems', weights, round }, report))}>
        附件2 CSV
      </button>
      <span class="sep" />
      <button data-testid="export-json" disabled={busy} onClick={() => run(() => exportJson(db, report))}>
        JSON 备份
      </button>
      <button data-testid="import-json-button" disabled={busy} onClick={() => file.current?.click()}>
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
  );
}
