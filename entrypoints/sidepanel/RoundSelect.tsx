import { useState } from 'preact/hooks';
import { getDb } from '@/lib/store/db';
import { listRounds } from '@/lib/store/repo';
import { sendMessage } from '@/lib/messages';
import { useLiveQuery } from '@/components/use-live-query';
import type { RoundRecord } from '@/lib/types';

/** 检查批次: the active round (new findings belong to it), switching, and starting a new one. */
export function RoundSelect({ active, onMessage }: { active: string; onMessage(kind: 'info' | 'error', text: string): void }) {
  const rounds = useLiveQuery(() => listRounds(getDb()), [], [] as RoundRecord[]);
  const [name, setName] = useState('');
  const ids = rounds.map((r) => r.id);
  if (active && !ids.includes(active)) ids.unshift(active);

  const choose = async (id: string) => {
    const ok = await sendMessage('setActiveRound', id).catch(() => false);
    if (!ok) onMessage('error', '切换检查批次失败。');
  };
  const start = async () => {
    const res = await sendMessage('startRound', name).catch((e) => ({ error: String(e) }));
    if ('error' in res) onMessage('error', `新建检查批次失败：${res.error}`);
    else {
      setName('');
      onMessage('info', `已开始检查批次“${res.name}”，之后发现的问题归入此批次；重新检查页面即可复查上一批次的问题。`);
    }
  };

  return (
    <div class="rounds">
      <label>
        检查批次{' '}
        <select data-testid="round-select" value={active} onChange={(e) => void choose((e.target as HTMLSelectElement).value)}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <input data-testid="round-new-name" placeholder="新批次名称，如 2027年第一季度" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <button data-testid="round-new" disabled={!name.trim()} onClick={() => void start()}>
        开始新批次
      </button>
    </div>
  );
}
