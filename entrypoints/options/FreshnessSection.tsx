import { useEffect, useState } from 'preact/hooks';
import type { FreshnessThresholds } from '@/lib/types';
import { loadSettings, saveSettings } from '@/lib/settings-store';
import { DEFAULT_THRESHOLDS, thresholds } from '@/lib/timeliness/thresholds';

const FIELDS: { key: keyof FreshnessThresholds; label: string }[] = [
  { key: 'homeDays', label: '首页' },
  { key: 'newsDays', label: '动态要闻类栏目（动态、要闻、新闻、工作动态…）' },
  { key: 'noticeDays', label: '通知公告、政策文件类栏目' },
  { key: 'personnelDays', label: '人事、规划计划类栏目' },
  { key: 'otherDays', label: '其他栏目（仅提示）' },
];

/** Options section: how many days each kind of column may go without an update. */
export function FreshnessSection() {
  const [t, setT] = useState<FreshnessThresholds | null>(null);
  const [msg, setMsg] = useState('');
  useEffect(() => void loadSettings().then((s) => setT(thresholds(s))), []);
  if (!t) return null;

  const change = (k: keyof FreshnessThresholds) => (e: Event) => {
    const v = Number((e.target as HTMLInputElement).value);
    setT({ ...t, [k]: Number.isFinite(v) && v >= 1 ? Math.round(v) : DEFAULT_THRESHOLDS[k] });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await saveSettings({ freshness: t });
    setMsg('栏目更新期限已保存，下一次检查即生效。');
  };
  const reset = async () => {
    setT({ ...DEFAULT_THRESHOLDS });
    await saveSettings({ freshness: { ...DEFAULT_THRESHOLDS } });
    setMsg('已恢复默认期限。');
  };

  return (
    <form onSubmit={save} data-testid="freshness-form">
      <fieldset>
        <legend>栏目更新期限（超过即判为未及时更新）</legend>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label} 超过{' '}
            <input type="number" min="1" data-testid={`freshness-${f.key}`} value={t[f.key]} onChange={change(f.key)} /> 天
          </label>
        ))}
        <p>默认：首页和动态要闻 14 天，通知公告、政策文件 183 天（6 个月），人事、规划计划及其他 365 天。</p>
      </fieldset>
      <button type="submit" data-testid="freshness-save">
        保存栏目期限
      </button>{' '}
      <button type="button" onClick={reset} data-testid="freshness-reset">
        恢复默认
      </button>
      {msg && <p role="status">{msg}</p>}
    </form>
  );
}
