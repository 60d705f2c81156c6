import { useRef } from 'preact/hooks';
import type { GovCheckDB } from '@/lib/store/db';
import { exportJson, importJson, type Report } from './export-actions';

/** JSON backup and import, the same in the side panel and the dashboard. */
export function BackupButtons({ db, busy, run, report, importLabelTestId }: {
  db: GovCheckDB;
  busy: boolean;
  run: (fn: () => Promise<unknown>) => unknown;
  report: Report;
  /** test hook of the visible import button (the file input is always `import-json`) */
  importLabelTestId?: string;
}) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <button data-testid="export-json" disabled={busy} onClick={() => run(() => exportJson(db, report))}>
        JSON 备份
      </button>
      <button data-testid={importLabelTestId} disabled={busy} onClick={() => file.current?.click()}>
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
    </>
  );
}
