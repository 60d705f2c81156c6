import { useState } from 'preact/hooks';
import type { Finding, FindingStatus } from '@/lib/types';
import { sendMessage } from '@/lib/messages';
import { StatusSelect } from '@/components/finding-extras';

/** Select several findings → set their status (and optionally a note) at once. */
export function BulkActions({
  visible,
  selected,
  setSelected,
  tabId,
  onMessage,
}: {
  visible: Finding[];
  selected: ReadonlySet<string>;
  setSelected(s: Set<string>): void;
  tabId?: number;
  onMessage(kind: 'info' | 'error', text: string): void;
}) {
  const [status, setStatus] = useState<FindingStatus>('confirmed');
  const [note, setNote] = useState('');
  const ids = visible.filter((f) => selected.has(f.id)).map((f) => f.id);
  const all = visible.length > 0 && ids.length === visible.length;

  const apply = async () => {
    try {
      const n = await sendMessage('setStatusMany', { ids, status, note: note.trim() || undefined, tabId });
      onMessage('info', `已更新 ${n} 条问题的状态。`);
      setSelected(new Set());
      setNote('');
    } catch (e) {
      onMessage('error', `批量设置失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="bulk" data-testid="bulk-actions">
      <label>
        <input type="checkbox" data-testid="bulk-all" checked={all} onChange={(e) => setSelected(new Set((e.target as HTMLInputElement).checked ? visible.map((f) => f.id) : []))} />
        全选
      </label>
      <span data-testid="bulk-count">已选 {ids.length} 条</span>
      <StatusSelect value={status} onChange={setStatus} testId="bulk-status" />
      <input data-testid="bulk-note" placeholder="备注（可选）" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      <button data-testid="bulk-apply" disabled={!ids.length} onClick={() => void apply()}>
        批量设置
      </button>
    </div>
  );
}
