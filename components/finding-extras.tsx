import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Finding, FindingStatus } from '@/lib/types';
import { STATUS_LABELS } from '@/lib/labels';
import { getDb } from '@/lib/store/db';
import { getScreenshot } from '@/lib/store/repo';
import { useLiveQuery } from './use-live-query';

/** Which findings are ticked for a bulk action; absent = no checkboxes. */
export interface FindingSelection {
  selected: ReadonlySet<string>;
  toggle(id: string, on: boolean): void;
}
export const SelectionContext = createContext<FindingSelection | null>(null);

const STATUSES = Object.entries(STATUS_LABELS) as [FindingStatus, string][];

export function StatusSelect({ value, onChange, testId = 'status-select' }: { value: FindingStatus; onChange(s: FindingStatus): void; testId?: string }) {
  return (
    <select data-testid={testId} value={value} title="状态" onChange={(e) => onChange((e.target as HTMLSelectElement).value as FindingStatus)}>
      {STATUSES.map(([id, label]) => (
        <option key={id} value={id}>
          {label}
        </option>
      ))}
    </select>
  );
}

export function SelectBox({ f }: { f: Finding }) {
  const sel = useContext(SelectionContext);
  if (!sel) return null;
  return (
    <input
      type="checkbox"
      class="finding-select"
      data-testid="finding-select"
      title="选中，用于批量设置状态"
      checked={sel.selected.has(f.id)}
      onChange={(e) => sel.toggle(f.id, (e.target as HTMLInputElement).checked)}
    />
  );
}

/** The note, shown as text, with an inline editor. */
export function NoteEditor({ f, onSave }: { f: Finding; onSave?(f: Finding, note: string): void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(f.note ?? '');
  return (
    <div class="finding-note">
      {!editing && f.note && <div data-testid="finding-note">备注：{f.note}</div>}
      {!editing && onSave && (
        <button
          class="link"
          data-testid="note-edit"
          onClick={() => {
            setDraft(f.note ?? '');
            setEditing(true);
          }}
        >
          {f.note ? '修改备注' : '添加备注'}
        </button>
      )}
      {editing && onSave && (
        <div class="note-editor">
          <textarea data-testid="note-input" rows={2} maxLength={2000} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
          <button
            data-testid="note-save"
            onClick={() => {
              onSave(f, draft.trim());
              setEditing(false);
            }}
          >
            保存
          </button>
          <button onClick={() => setEditing(false)}>取消</button>
        </div>
      )}
    </div>
  );
}

/** A screenshot thumbnail read from the store as a Blob; click opens it full size. */
export function ScreenshotThumb({ id }: { id: string }) {
  const shot = useLiveQuery(() => getScreenshot(getDb(), id), [id], undefined);
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (!shot?.blob) return;
    const u = URL.createObjectURL(shot.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [shot]);
  if (!url) return null;
  return (
    <img
      class="finding-shot"
      data-testid="finding-screenshot"
      src={url}
      alt="问题截图"
      title="点击查看原图"
      onClick={(e) => {
        e.stopPropagation();
        window.open(url, '_blank');
      }}
    />
  );
}
