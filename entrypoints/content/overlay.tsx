import { render } from 'preact';
import type { Severity } from '@/lib/types';
import { OVERLAY_CSS, CAPTURE_CSS, CAPTURE_ITEM_CSS, LINK_CSS } from './overlay-style';
import type { LinkMark } from './link-marks';
import { CaptureDialog, type CaptureDraft, type CaptureDialogActions } from './capture-dialog';

export interface OverlayItem {
  key: string;
  severity: Severity;
  title: string;
  message: string;
  evidence: string;
  suggestion?: string;
  kind: 'text' | 'element' | 'page';
}

export interface OverlayState {
  items: OverlayItem[];
  current: number;
  open: boolean;
  scanning: boolean;
  notes: string[];
  tip: { x: number; y: number; title: string; message: string; suggestion?: string } | null;
  box: { left: number; top: number; width: number; height: number } | null;
  /** capture mode: picking an element (hover outline), and the open capture dialog */
  picking?: boolean;
  pickBox?: { left: number; top: number; width: number; height: number } | null;
  capture?: CaptureDraft | null;
  /** link check: marks after checked links, and the running check's progress */
  linkMarks?: LinkMark[];
  linkProgress?: { done: number; total: number; dead: number; running: boolean } | null;
}

export interface OverlayActions {
  toggle(): void;
  next(): void;
  prev(): void;
  select(i: number): void;
  /** 标记问题: start capture mode (selection or element pick) */
  captureStart?(): void;
  /** capture the i-th listed finding (screenshot + note) */
  captureItem?(i: number): void;
  capture?: CaptureDialogActions;
}

const SEV_LABEL: Record<Severity, string> = { veto: '否决', deduct: '扣分', hint: '复核' };

function worst(items: OverlayItem[]): Severity | 'clean' {
  if (items.some((i) => i.severity === 'veto')) return 'veto';
  if (items.some((i) => i.severity === 'deduct')) return 'deduct';
  return items.length ? 'hint' : 'clean';
}

function Overlay({ s, a }: { s: OverlayState; a: OverlayActions }) {
  const n = s.items.length;
  return (
    <div class="gc-root" data-testid="overlay">
      {s.open && (
        <div class="gc-panel" data-testid="overlay-panel">
          <div class="gc-head">
            <span>
              本页问题 {n ? `${s.current + 1} / ${n}` : '0'}
            </span>
            <span>
              <button data-testid="overlay-prev" title="上一个 (Alt+Shift+P)" onClick={a.prev} disabled={!n}>
                ◀
              </button>
              <button data-testid="overlay-next" title="下一个 (Alt+Shift+N)" onClick={a.next} disabled={!n}>
                ▶
              </button>
            </span>
          </div>
          {s.notes.length > 0 && <div class="gc-notes">{s.notes.join(' ')}</div>}
          <ul class="gc-list" data-testid="overlay-list">
            {s.items.map((it, i) => (
              <li key={it.key} data-testid="overlay-item" data-severity={it.severity} class={`gc-item${i === s.current ? ' current' : ''}`} onClick={() => a.select(i)}>
                <span class={`gc-sev ${it.severity}`}>{SEV_LABEL[it.severity]}</span>
                <span class="gc-msg">{it.message}</span>
                {a.captureItem && (
                  <button
                    class="gc-item-capture"
                    data-testid="overlay-capture"
                    title="截图并记录这处问题"
                    onClick={(e) => {
                      e.stopPropagation();
                      a.captureItem!(i);
                    }}
                  >
                    截图
                  </button>
                )}
                {it.suggestion && <div class="gc-sub">建议：{it.suggestion}</div>}
              </li>
            ))}
            {!n && <li class="gc-item">{s.scanning ? '正在检查…' : '未发现问题'}</li>}
          </ul>
        </div>
      )}
      {s.capture && a.capture && <CaptureDialog d={s.capture} a={a.capture} />}
      {s.linkMarks?.map((m) => (
        <span key={m.key} class={`gc-lm ${m.verdict}`} data-testid="link-mark" data-verdict={m.verdict} data-url={m.url} title={m.title} style={{ left: `${m.left}px`, top: `${m.top}px` }}>
          {m.symbol}
        </span>
      ))}
      <div class="gc-bar">
        {s.linkProgress && (
          <span class="gc-links" data-testid="link-progress" title={`不可用 ${s.linkProgress.dead} 个`}>
            链接检查 {s.linkProgress.done}/{s.linkProgress.total}
            {s.linkProgress.running ? '…' : ''}
          </span>
        )}
        {a.captureStart && (
          <button
            class="gc-capture-start"
            data-testid="capture-start"
            title="标记问题：先选中文字，或点此后点选页面元素（Alt+Shift+G）"
            // mousedown would take the page's text selection away before the click
            onMouseDown={(e) => e.preventDefault()}
            onClick={a.captureStart}
          >
            标记问题
          </button>
        )}
        <button class={`gc-badge ${worst(s.items)}`} data-testid="overlay-badge" title="GovCheck 政府网站巡检助手" onClick={a.toggle}>
          <span>GovCheck</span>
          <span class="gc-count" data-testid="overlay-count">
            {s.scanning && !n ? '…' : n}
          </span>
        </button>
      </div>
      {s.tip && (
        <div class="gc-tip" data-testid="overlay-tooltip" style={{ left: `${Math.min(s.tip.x + 12, innerWidth - 340)}px`, top: `${s.tip.y + 16}px` }}>
          <b>{s.tip.title}</b>
          <div>{s.tip.message}</div>
          {s.tip.suggestion && <div>建议：{s.tip.suggestion}</div>}
        </div>
      )}
      {s.picking && (
        <div class="gc-hint" data-testid="capture-hint">
          请点击要标记的页面元素（Esc 取消）
        </div>
      )}
      {s.pickBox && <div class="gc-pick" data-testid="capture-outline" style={{ left: `${s.pickBox.left - 2}px`, top: `${s.pickBox.top - 2}px`, width: `${s.pickBox.width + 4}px`, height: `${s.pickBox.height + 4}px` }} />}
      {s.box && <div class="gc-box" style={{ left: `${s.box.left - 4}px`, top: `${s.box.top - 4}px`, width: `${s.box.width + 2}px`, height: `${s.box.height + 2}px` }} />}
    </div>
  );
}

export const HOST_TAG = 'govcheck-overlay';

/** The one element GovCheck adds to a page: a host whose shadow root holds the overlay. */
export function mountOverlay(doc: Document = document) {
  let host = doc.querySelector(HOST_TAG) as HTMLElement | null;
  if (!host) {
    host = doc.createElement(HOST_TAG);
    (doc.body ?? doc.documentElement).appendChild(host);
  }
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '';
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS + CAPTURE_CSS + CAPTURE_ITEM_CSS + LINK_CSS;
  shadow.appendChild(style);
  const mount = doc.createElement('div');
  shadow.appendChild(mount);
  return {
    host,
    update(s: OverlayState, a: OverlayActions) {
      render(<Overlay s={s} a={a} />, mount);
    },
  };
}
