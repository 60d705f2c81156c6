import { useEffect, useState } from 'preact/hooks';
import type { CustomPair } from '@/lib/types';
import { loadSettings, saveSettings } from '@/lib/settings-store';

const MAX_LEN = 50;

/**
 * Options section: the inspector's own wrong → right pairs (reported as 错别字) and exception
 * phrases (no wording finding inside them). Saved to settings; the next scan applies them.
 */
export function DictionarySection() {
  const [pairs, setPairs] = useState<CustomPair[] | null>(null);
  const [exceptions, setExceptions] = useState<string[]>([]);
  const [wrong, setWrong] = useState('');
  const [right, setRight] = useState('');
  const [note, setNote] = useState('');
  const [exception, setException] = useState('');
  const [msg, setMsg] = useState('');

  useEffect(
    () =>
      void loadSettings().then((s) => {
        setPairs(Array.isArray(s.customPairs) ? s.customPairs : []);
        setExceptions(Array.isArray(s.exceptions) ? s.exceptions : []);
      }),
    [],
  );
  if (!pairs) return null;

  const store = async (p: CustomPair[], ex: string[], done: string) => {
    await saveSettings({ customPairs: p, exceptions: ex });
    setPairs(p);
    setExceptions(ex);
    setMsg(done);
  };

  const addPair = async (e: Event) => {
    e.preventDefault();
    const w = wrong.trim();
    const r = right.trim();
    if (!w || !r) return setMsg('请填写错误写法和正确写法。');
    if (w === r) return setMsg('错误写法与正确写法相同。');
    if (w.length > MAX_LEN || r.length > MAX_LEN) return setMsg(`词条不能超过 ${MAX_LEN} 个字。`);
    if (r.includes(w)) return setMsg('正确写法包含错误写法，会在正确的文字上报错，请改用更长的错误写法。');
    if (pairs.some((p) => p.wrong === w)) return setMsg(`“${w}”已在词典中。`);
    const n = note.trim();
    await store([...pairs, { wrong: w, right: r, ...(n ? { note: n } : {}) }], exceptions, `已添加“${w}→${r}”，下一次检查即生效。`);
    setWrong('');
    setRight('');
    setNote('');
  };

  const addException = async (e: Event) => {
    e.preventDefault();
    const x = exception.trim();
    if (!x) return setMsg('请填写例外词语。');
    if (x.length > MAX_LEN) return setMsg(`例外词语不能超过 ${MAX_LEN} 个字。`);
    if (exceptions.includes(x)) return setMsg(`“${x}”已在例外中。`);
    await store(pairs, [...exceptions, x], `已添加例外“${x}”，下一次检查即生效。`);
    setException('');
  };

  return (
    <section data-testid="dictionary-section">
      <form onSubmit={addPair} data-testid="custom-pair-form">
        <fieldset>
          <legend>自定义错别字词典（报为“错别字”）</legend>
          <label>
            错误写法 <input data-testid="custom-wrong" value={wrong} maxLength={MAX_LEN} onInput={(e) => setWrong((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            正确写法 <input data-testid="custom-right" value={right} maxLength={MAX_LEN} onInput={(e) => setRight((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            备注 <input data-testid="custom-note" value={note} maxLength={100} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" data-testid="custom-add">
            添加词条
          </button>
          {pairs.length ? (
            <ul data-testid="custom-pairs">
              {pairs.map((p) => (
                <li key={p.wrong}>
                  “{p.wrong}”→“{p.right}”{p.note ? `（${p.note}）` : ''}{' '}
                  <button type="button" onClick={() => void store(pairs.filter((x) => x !== p), exceptions, `已删除“${p.wrong}”。`)}>
                    删除
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>尚无自定义词条。</p>
          )}
        </fieldset>
      </form>
      <form onSubmit={addException} data-testid="exception-form">
        <fieldset>
          <legend>例外词语（其中的文字不报表述和错别字问题，如专有名称）</legend>
          <label>
            例外词语 <input data-testid="exception-input" value={exception} maxLength={MAX_LEN} onInput={(e) => setException((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" data-testid="exception-add">
            添加例外
          </button>
          {exceptions.length ? (
            <ul data-testid="exceptions">
              {exceptions.map((x) => (
                <li key={x}>
                  {x}{' '}
                  <button type="button" onClick={() => void store(pairs, exceptions.filter((y) => y !== x), `已删除例外“${x}”。`)}>
                    删除
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>尚无例外词语。</p>
          )}
        </fieldset>
      </form>
      {msg && <p role="status" data-testid="dictionary-status">{msg}</p>}
    </section>
  );
}
