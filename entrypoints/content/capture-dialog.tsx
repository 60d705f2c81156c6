import type { Category, Severity } from '@/lib/types';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '@/lib/labels';

/** The capture dialog's state, kept by the page app and rendered inside the overlay's shadow root. */
export interface CaptureDraft {
  evidence: string;
  category: Category;
  severity: Severity;
  note: string;
  /** the automatic finding at the spot, when there is one */
  auto?: { id: string; title: string; message: string };
  /** attach the screenshot and note to that finding instead of adding a manual one */
  attach: boolean;
  saving: boolean;
  error?: string;
}

export interface CaptureDialogActions {
  edit(patch: Partial<CaptureDraft>): void;
  save(): void;
  cancel(): void;
}

const CATEGORIES = Object.entries(CATEGORY_LABELS) as [Category, string][];
const SEVERITIES = Object.entries(SEVERITY_LABELS) as [Severity, string][];

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

/** 标记问题: category, severity and note for the selected text or picked element. */
export function CaptureDialog({ d, a }: { d: CaptureDraft; a: CaptureDialogActions }) {
  return (
    <form
      class="gc-capture"
      data-testid="capture-dialog"
      // the page's own shortcuts must not see the inspector's typing
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') a.cancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!d.saving) a.save();
      }}
    >
      <div class="gc-capture-title">标记问题</div>
      <div class="gc-capture-evidence" data-testid="capture-evidence" title={d.evidence}>
        {d.evidence}
      </div>
      {d.auto && (
        <label class="gc-capture-auto">
          <input type="checkbox" data-testid="capture-attach" checked={d.attach} onChange={(e) => a.edit({ attach: (e.target as HTMLInputElement).checked })} />
          附加到已发现的问题：{d.auto.message}
        </label>
      )}
      <label>
        问题类别
        <select data-testid="capture-category" value={d.category} onChange={(e) => a.edit({ category: value(e) as Category })}>
          {CATEGORIES.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        严重程度
        <select data-testid="capture-severity" value={d.severity} onChange={(e) => a.edit({ severity: value(e) as Severity })}>
          {SEVERITIES.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        备注
        <textarea data-testid="capture-note" rows={3} maxLength={2000} value={d.note} onInput={(e) => a.edit({ note: value(e) })} placeholder="问题说明（写入导出的备注）" />
      </label>
      {d.error && (
        <div class="gc-capture-error" role="alert" data-testid="capture-error">
          {d.error}
        </div>
      )}
      <div class="gc-capture-buttons">
        <button type="button" data-testid="capture-cancel" onClick={a.cancel}>
          取消
        </button>
        <button type="submit" class="primary" data-testid="capture-save" disabled={d.saving}>
          {d.saving ? '正在截图…' : '截图并保存'}
        </button>
      </div>
    </form>
  );
}
