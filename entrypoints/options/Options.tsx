import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/types';
import { loadSettings, saveSettings } from '@/lib/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { FreshnessSection } from './FreshnessSection';
import { DictionarySection } from './DictionarySection';

/** Settings page: inspector name and date thresholds. Other sections plug in below. */
export function Options() {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => void loadSettings().then(setS), []);
  if (!s) return <p>正在读取设置…</p>;

  const num = (k: 'freshDays' | 'staleDays') => (e: Event) => {
    const v = Number((e.target as HTMLInputElement).value);
    setS({ ...s, [k]: Number.isFinite(v) && v > 0 ? Math.round(v) : DEFAULT_SETTINGS[k] });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (s.freshDays >= s.staleDays) {
      setSaved('“新鲜”天数必须小于“过期”天数。');
      return;
    }
    await saveSettings({ inspector: s.inspector.trim(), freshDays: s.freshDays, staleDays: s.staleDays, paintDates: s.paintDates });
    setSaved('已保存，下一次检查即生效。');
  };

  return (
    <main>
      <h1>GovCheck 设置</h1>
      <form onSubmit={save} data-testid="settings-form">
        <fieldset>
          <legend>检查人</legend>
          <label>
            姓名 <input data-testid="inspector" value={s.inspector} onInput={(e) => setS({ ...s, inspector: (e.target as HTMLInputElement).value })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>日期时效（页面上的日期按新旧着色）</legend>
          <label>
            <input type="checkbox" checked={s.paintDates} onChange={(e) => setS({ ...s, paintDates: (e.target as HTMLInputElement).checked })} /> 在页面上标出日期
          </label>
          <label>
            少于 <input type="number" min="1" data-testid="fresh-days" value={s.freshDays} onChange={num('freshDays')} /> 天为新
          </label>
          <label>
            超过 <input type="number" min="1" data-testid="stale-days" value={s.staleDays} onChange={num('staleDays')} /> 天为过期
          </label>
        </fieldset>
        <button type="submit" data-testid="settings-save">
          保存
        </button>
        {saved && <p role="status">{saved}</p>}
      </form>
      <FreshnessSection />
      <DictionarySection />
    </main>
  );
}
