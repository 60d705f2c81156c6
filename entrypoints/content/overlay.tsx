import { render } from 'preact';
import type { Severity } from '@/lib/types';
import { OVERLAY_CSS } from './overlay-style';

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
}

export interface OverlayActions {
  toggle(): void;
  next(): void;
  prev(): void;
  select(i: number): void;
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
                {it.suggestion && <div class="gc-sub">建议：{it.suggestion}</div>}
              </li>
            ))}
            {!n && <li class="gc-item">{s.scanning ? '正在检查…' : '未发现问题'}</li>}
          </ul>
        </div>
      )}
      <button class={`gc-badge ${worst(s.items)}`} data-testid="overlay-badge" title="GovCheck 政府网站巡检助手" onClick={a.toggle}>
        <span>GovCheck</span>
        <span class="gc-count" data-testid="overlay-count">
          {s.scanning && !n ? '…' : n}
        </span>
      </button>
      {s.tip && (
        <div class="gc-tip" data-testid="overlay-tooltip" style={{ left: `${Math.min(s.tip.x + 12, innerWidth - 340)}px`, top: `${s.tip.y + 16}px` }}>
          <b>{s.tip.title}</b>
          <div>{s.tip.message}</div>
          {s.tip.suggestion && <div>建议：{s.tip.suggestion}</div>}
        </div>
      )}
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
  style.textContent = OVERLAY_CSS;
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
