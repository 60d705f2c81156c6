import { useState } from 'preact/hooks';
import { useBusy } from '@/components/use-busy';
import { BackupButtons } from '@/components/BackupButtons';
import type { RoundRecord } from '@/lib/types';
import type { ExportScope } from '@/lib/export/scope';
import type { ScoreWeights } from '@/lib/verdict/score';
import { getDb } from '@/lib/store/db';
import { exportCsv, exportZip, exportAnnex, type Report } from '@/components/export-actions';
import { exportDocx } from '@/components/export-docx';
import { DocxRequirements, useRequirements } from './DocxRequirements';

export interface ToolbarProps {
  rounds: RoundRecord[];
  /** the site open in the drill-down, if any */
  site?: string;
  round?: string;
  /** the sites the dashboard's filters show, when they hide some (the Word 通报 covers only these) */
  sites?: string[];
  weights: ScoreWeights;
  report: Report;
}

function parseScope(v: string): ExportScope {
  if (v.startsWith('site:')) return { kind: 'site', site: v.slice(5) };
  if (v.startsWith('round:')) return { kind: 'round', round: v.slice(6) };
  return { kind: 'all' };
}

/** Exports (CSV / ZIP / annex / Word 通报 / JSON) and import, with a scope for the findings exports. */
export function Toolbar({ rounds, site, round, sites, weights, report }: ToolbarProps) {
  const db = getDb();
  const [scopeValue, setScopeValue] = useState('all');
  const [busy, run] = useBusy();
  const [docxRunning, setDocxRunning] = useState(false);
  const [requirements, editRequirements] = useRequirements();
  const exportWord = () =>
    run(async () => {
      setDocxRunning(true);
      try {
        await exportDocx(db, { round, roundName: roundName(round), sites, weights, requirements }, report);
      } finally {
        setDocxRunning(false);
      }
    });
  const value = scopeValue.startsWith('site:') && !site ? 'all' : scopeValue;
  const scope = parseScope(value);
  const roundName = (id?: string) => rounds.find((r) => r.id === id)?.name ?? id;

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
      <button data-testid="export-docx" disabled={busy} aria-busy={docxRunning} onClick={exportWord} title={sites ? `只含筛选出的 ${sites.length} 个网站` : undefined}>
        {docxRunning ? '正在生成 Word 通报…' : sites ? `Word 通报（筛选的 ${sites.length} 个网站）` : 'Word 通报'}
      </button>
      <DocxRequirements value={requirements} onChange={editRequirements} />
      <span class="sep" />
      <BackupButtons db={db} busy={busy} run={run} report={report} importLabelTestId="import-json-button" />
    </div>
  );
}
