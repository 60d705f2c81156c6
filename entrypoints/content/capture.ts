import type { Finding, RuleFinding, Settings } from '@/lib/types';
import type { BuiltPage } from '@/lib/scan/page-model';
import { sendMessage } from '@/lib/messages';
import { fingerprint, normaliseUrl } from '@/lib/fingerprint';
import { activeRoundId } from '@/lib/rounds/active';
import { loadSettings } from '@/lib/settings-store';
import type { CaptureDraft } from './capture-dialog';
import type { OverlayState } from './overlay';
import { targetFromSelection, targetFromElement, rectOf, autoAt, type CaptureTarget } from './capture-target';

type AutoEntry = { result: RuleFinding; finding?: Finding; item: { title: string } };

export const MANUAL_RULE = 'manual.capture';

/** What capture mode needs from the page app. */
export interface CaptureHost {
  built(): BuiltPage | null;
  entries(): AutoEntry[];
  state(): OverlayState;
  set(patch: Partial<OverlayState>): void;
  isOwn(node: Node): boolean;
  overlayHost(): HTMLElement | null;
  /** a capture was stored: repaint, and paint a new manual finding at [start, end) */
  saved(f: Finding, start?: number, end?: number): void;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * 标记问题: with text selected the dialog opens at once; otherwise the inspector picks an
 * element (hover outline, click, Esc cancels). Saving screenshots the spot via the background.
 */
export class CaptureMode {
  private target: CaptureTarget | null = null;
  private auto: AutoEntry | undefined;
  private picked: Element | null = null;

  constructor(private host: CaptureHost) {}

  start(): void {
    if (this.host.state().capture) return;
    const sel = targetFromSelection(document, this.host.built(), (n) => this.host.isOwn(n));
    if (sel) return void this.open(sel);
    this.startPicking();
  }

  /** Captures an automatic finding from the overlay's list: its spot, pre-filled from it. */
  startFor(t: CaptureTarget, entry: AutoEntry): void {
    this.stopPicking();
    this.open(t, entry);
  }

  cancel = () => {
    this.stopPicking();
    removeEventListener('scroll', this.onScroll, true);
    this.target = null;
    this.host.set({ capture: null, picking: false, pickBox: null });
  };

  // ---- element picking -------------------------------------------------------------------
  private startPicking() {
    this.host.set({ picking: true, pickBox: null });
    document.addEventListener('mousemove', this.onPickMove, true);
    document.addEventListener('mousedown', this.onPickSwallow, true);
    document.addEventListener('mouseup', this.onPickSwallow, true);
    document.addEventListener('click', this.onPickClick, true);
    document.addEventListener('keydown', this.onPickKey, true);
  }

  private stopPicking() {
    document.removeEventListener('mousemove', this.onPickMove, true);
    document.removeEventListener('mousedown', this.onPickSwallow, true);
    document.removeEventListener('mouseup', this.onPickSwallow, true);
    document.removeEventListener('click', this.onPickClick, true);
    document.removeEventListener('keydown', this.onPickKey, true);
    this.picked = null;
  }

  private pageElementAt(x: number, y: number): Element | null {
    const el = document.elementFromPoint(x, y);
    if (!el || this.host.isOwn(el) || el === document.documentElement || el === document.body) return null;
    return el;
  }

  private onPickMove = (e: MouseEvent) => {
    const el = this.pageElementAt(e.clientX, e.clientY);
    if (el === this.picked) return;
    this.picked = el;
    const b = el?.getBoundingClientRect();
    this.host.set({ pickBox: b ? { left: b.left, top: b.top, width: b.width, height: b.height } : null });
  };

  /** the page must not react to the clicks that pick an element (links, buttons) */
  private onPickSwallow = (e: MouseEvent) => {
    if (this.host.isOwn(e.target as Node)) return;
    e.preventDefault();
    e.stopPropagation();
  };

  private onPickClick = (e: MouseEvent) => {
    if (this.host.isOwn(e.target as Node)) return;
    e.preventDefault();
    e.stopPropagation();
    const el = this.pageElementAt(e.clientX, e.clientY);
    if (!el) return;
    this.stopPicking();
    this.host.set({ picking: false });
    this.open(targetFromElement(el, this.host.built()));
  };

  private onPickKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.cancel();
  };

  // ---- the dialog -----------------------------------------------------------------------------
  /** the outline follows the spot while the dialog is open and the page scrolls */
  private onScroll = () => {
    const b = this.target && rectOf(this.target);
    if (this.host.state().capture) this.host.set({ pickBox: b ? { left: b.left, top: b.top, width: b.width, height: b.height } : null });
  };

  private open(t: CaptureTarget, entry?: AutoEntry) {
    this.target = t;
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    const auto = entry ?? autoAt(this.host.entries(), t, this.host.built());
    this.auto = auto;
    const r = auto?.result;
    const b = rectOf(t);
    const draft: CaptureDraft = {
      evidence: t.evidence,
      category: r?.category ?? 'manual',
      severity: r?.severity ?? 'deduct',
      note: auto?.finding?.note ?? r?.message ?? '',
      auto: r ? { id: auto.finding?.id ?? '', title: auto.item.title, message: r.message } : undefined,
      attach: !!auto?.finding,
      saving: false,
    };
    this.host.set({ capture: draft, picking: false, pickBox: b ? { left: b.left, top: b.top, width: b.width, height: b.height } : null });
  }

  edit = (patch: Partial<CaptureDraft>) => {
    const d = this.host.state().capture;
    if (d) this.host.set({ capture: { ...d, ...patch } });
  };

  private findingFor(d: CaptureDraft, settings: Settings): Finding {
    const t = this.target!;
    const now = Date.now();
    const stored = d.attach ? this.auto?.finding : undefined;
    if (stored) {
      // capturing a finding means the inspector has looked at it: open becomes 确认
      return { ...stored, severity: d.severity, category: d.category, note: d.note.trim() || undefined, status: stored.status === 'open' ? 'confirmed' : stored.status };
    }
    const url = normaliseUrl(location.href);
    const site = location.hostname.toLowerCase();
    const note = d.note.trim();
    return {
      id: fingerprint({ site, url, ruleId: MANUAL_RULE, evidence: t.key, occurrence: 0 }),
      ruleId: MANUAL_RULE,
      severity: d.severity,
      category: d.category,
      message: this.auto?.result.message ?? (note.split('\n')[0] || '人工标记的问题'),
      evidence: t.evidence,
      suggestion: this.auto?.result.suggestion,
      url,
      site,
      anchor: t.quote ? 'text' : 'element',
      quote: t.quote,
      status: 'confirmed',
      source: 'manual',
      note: note || undefined,
      inspector: settings.inspector || undefined,
      round: activeRoundId(settings),
      createdAt: now,
      lastSeen: now,
      updatedAt: now,
    };
  }

  save = async () => {
    const d = this.host.state().capture;
    const t = this.target;
    if (!d || !t) return;
    this.host.set({ capture: { ...d, saving: true, error: undefined } });
    const finding = this.findingFor(d, await loadSettings());
    // the screenshot shows the page, not GovCheck's dialog, and the spot in view
    const overlay = this.host.overlayHost();
    this.host.set({ pickBox: null });
    removeEventListener('scroll', this.onScroll, true);
    if (overlay) overlay.style.visibility = 'hidden';
    document.getSelection()?.removeAllRanges();
    let rect = rectOf(t);
    if (rect && (rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth)) {
      (t.element ?? t.range?.startContainer.parentElement)?.scrollIntoView({ block: 'center', inline: 'nearest' });
      rect = rectOf(t);
    }
    await frame();
    await frame();
    let error: string | undefined;
    try {
      const res = await sendMessage('captureSave', {
        finding,
        rect: rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : { x: 0, y: 0, width: innerWidth, height: innerHeight },
        viewport: { width: innerWidth, height: innerHeight },
      });
      if (res.finding) {
        this.host.saved(res.finding, t.start, t.end);
        const msg = res.screenshot ? `已标记并截图：${res.finding.evidence}` : `已标记（无截图）：${res.error ?? ''}`;
        this.target = null;
        // a missing screenshot is said where the inspector looks: the panel opens with the reason
        this.host.set({ capture: null, notes: [msg], ...(res.screenshot ? {} : { open: true }) });
        return;
      }
      error = res.error ?? '保存失败';
    } catch (e) {
      error = `保存失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (overlay) overlay.style.visibility = '';
    }
    const now = this.host.state().capture;
    if (now) this.host.set({ capture: { ...now, saving: false, error } });
  };
}
