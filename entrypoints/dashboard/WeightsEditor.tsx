import { useState } from 'preact/hooks';
import { DEFAULT_WEIGHTS, validateWeights, type ScoreWeights, type RuleWeight } from '@/lib/verdict/score';
import { saveWeights, resetWeights } from '@/lib/verdict/weights-store';
import { RULES } from '@/lib/rules/index';

/** The rules a score can count: not paint-only, and able to emit a non-veto finding. */
const SCORED_RULES = RULES.filter((r) => !r.paintOnly && r.severities.some((s) => s !== 'veto'));

/** Point weights per rule (扣分 per finding, most per rule), pass line and full score. */
export function WeightsEditor({ weights, onChange }: { weights: ScoreWeights; onChange(w: ScoreWeights): void }) {
  const [draft, setDraft] = useState<ScoreWeights>(weights);
  const [msg, setMsg] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const weightOf = (r: (typeof SCORED_RULES)[number]): RuleWeight => draft.rules[r.id] ?? draft.default[r.severity === 'hint' ? 'hint' : 'deduct'];
  const setRule = (r: (typeof SCORED_RULES)[number], k: keyof RuleWeight, v: string) =>
    setDraft({ ...draft, rules: { ...draft.rules, [r.id]: { ...weightOf(r), [k]: num(v) } } });
  const err = validateWeights(draft);

  return (
    <details class="weights" data-testid="weights">
      <summary>评分设置（扣分分值）</summary>
      <p class="hint">每条计入的问题扣“每处”分值，同一规则最多扣“上限”分；待复核问题经确认后才计分；单项否决问题不计分，直接判定不合格。</p>
      <label>
        满分 <input type="number" step="1" value={draft.fullScore} onInput={(e) => setDraft({ ...draft, fullScore: num((e.target as HTMLInputElement).value) })} />
      </label>
      <label>
        合格线 <input type="number" step="1" data-testid="pass-score" value={draft.passScore} onInput={(e) => setDraft({ ...draft, passScore: num((e.target as HTMLInputElement).value) })} />
      </label>
      <table>
        <thead>
          <tr>
            <th>规则</th>
            <th>每处扣分</th>
            <th>上限</th>
          </tr>
        </thead>
        <tbody>
          {SCORED_RULES.map((r) => (
            <tr key={r.id}>
              <td title={r.id}>
                {r.title} <code>{r.id}</code>
              </td>
              <td>
                <input type="number" step="0.5" min="0" value={weightOf(r).points} onInput={(e) => setRule(r, 'points', (e.target as HTMLInputElement).value)} />
              </td>
              <td>
                <input type="number" step="0.5" min="0" value={weightOf(r).cap} onInput={(e) => setRule(r, 'cap', (e.target as HTMLInputElement).value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {err && <p class="message error">{err}</p>}
      <button
        disabled={!!err}
        data-testid="weights-save"
        onClick={async () => {
          const e = await saveWeights(draft);
          if (e) setMsg({ kind: 'error', text: e });
          else {
            onChange(draft);
            setMsg({ kind: 'info', text: '已保存，得分已按新分值重新计算。' });
          }
        }}
      >
        保存
      </button>
      <button
        onClick={async () => {
          await resetWeights();
          setDraft(DEFAULT_WEIGHTS);
          onChange(DEFAULT_WEIGHTS);
          setMsg({ kind: 'info', text: '已恢复默认分值。' });
        }}
      >
        恢复默认
      </button>
      {msg && <p class={`message ${msg.kind}`}>{msg.text}</p>}
    </details>
  );
}
