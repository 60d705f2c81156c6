import type { Finding, FindingStatus } from '@/lib/types';
import { statusLabel, categoryLabel } from '@/lib/labels';
import { StatusSelect, NoteEditor, ScreenshotThumb, SelectBox } from './finding-extras';

export interface FindingActions {
  focus(f: Finding): void;
  setStatus(f: Finding, s: FindingStatus): void;
  /** present where notes can be edited */
  setNote?(f: Finding, note: string): void;
}

/** One finding: message, evidence (always as text), suggestion, status and its actions. */
export function FindingItem({ f, actions, showUrl }: { f: Finding; actions: FindingActions; showUrl?: boolean }) {
  return (
    <li class={`finding ${f.severity} status-${f.status}`} data-testid="finding" data-rule={f.ruleId} data-status={f.status}>
      <SelectBox f={f} />
      <div class="finding-main" role="button" tabIndex={0} title="在页面中定位" onClick={() => actions.focus(f)}>
        <div class="finding-msg">{f.message}</div>
        {f.evidence && <div class="finding-evidence">证据：{f.evidence}</div>}
        {f.suggestion && <div class="finding-suggestion">建议：{f.suggestion}</div>}
        <div class="finding-meta">
          {categoryLabel(f.category)} · {f.ruleId} · <span data-testid="finding-status">{statusLabel(f.status)}</span>
          {f.reopenedAt && <span class="reopened" data-testid="finding-reopened" title="标为已整改后复查时再次发现"> · 整改后复现</span>}
          {showUrl && <div class="finding-url">{f.url}</div>}
        </div>
        {f.screenshotId && <ScreenshotThumb id={f.screenshotId} />}
        <div onClick={(e) => e.stopPropagation()}>
          <NoteEditor key={f.id + (f.note ?? '')} f={f} onSave={actions.setNote} />
        </div>
      </div>
      <div class="finding-actions">
        <StatusSelect value={f.status} onChange={(s) => actions.setStatus(f, s)} />
        {f.status !== 'confirmed' && (
          <button data-testid="confirm" onClick={() => actions.setStatus(f, 'confirmed')}>
            确认
          </button>
        )}
        {f.status !== 'dismissed' ? (
          <button data-testid="dismiss" onClick={() => actions.setStatus(f, 'dismissed')}>
            忽略
          </button>
        ) : (
          <button data-testid="reopen" onClick={() => actions.setStatus(f, 'open')}>
            恢复
          </button>
        )}
      </div>
    </li>
  );
}
