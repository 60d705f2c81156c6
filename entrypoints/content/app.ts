import type { Finding, RuleFinding, Severity } from '@/lib/types';
import { loadSettings } from '@/lib/settings-store';
import { ruleById } from '@/lib/rules/index';
import { onMessage, sendMessage, type ScanSummary } from '@/lib/messages';
import { rangeFor } from '@/lib/scan/text-index';
import { paint, flash, clearPaint, type PaintedMark } from './highlight';
import { mountOverlay, HOST_TAG, type OverlayItem, type OverlayState } from './overlay';
import { scanDocument, type ScanResult } from './scanner';
import { createHitTester } from './hover';
import rescan from '@/lib/data/rescan.json';

const SEV_ORDER: Record<Severity, number> = { veto: 0, deduct: 1, hint: 2 };

interface Entry {
  item: OverlayItem;
  result: RuleFinding;
  finding?: Finding;
}

/** The content script's state for one page: the last scan, its marks and the overlay. */
export class PageApp {
  private overlay: ReturnType<typeof mountOverlay> | null = null;
  private state: OverlayState = { items: [], current: 0, open: false, scanning: false, notes: [], tip: null, box: null };
  private last: ScanResult | null = null;
  private entries: Entry[] = [];
  private marks: PaintedMark[] = [];
  private hit: ((x: number, y: number) => PaintedMark | null) | null = null;
  private running: Promise<ScanSummary | { error: string }> | null = null;
  private rescans = 0;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChange = 0;

  start(auto: boolean) {
    onMessage('scanNow', () => this.scan());
    onMessage('focusFinding', ({ data }) => this.focus(data));
    onMessage('refreshMarks', () => void this.refreshStatuses());
    document.addEventListener('mousemove', (e) => this.onMove(e), { passive: true });
    document.addEventListener('keydown', (e) => this.onKey(e));
    if (auto) this.scheduleScan(document.readyState === 'complete' ? 300 : 1000);
  }

  private isOwn = (el: Element) => el.localName === HOST_TAG;

  private render() {
    if (!this.overlay) this.overlay = mountOverlay();
    this.overlay.update(this.state, {
      toggle: () => this.set({ open: !this.state.open }),
      next: () => this.step(1),
      prev: () => this.step(-1),
      select: (i) => this.goTo(i),
    });
  }

  private set(patch: Partial<OverlayState>) {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  private scheduleScan(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scan(), ms);
  }

  /** One scan at a time: a request during a scan waits for it and gets its result. */
  scan(): Promise<ScanSummary | { error: string }> {
    if (this.running) return this.running;
    this.running = this.doScan().finally(() => {
      this.running = null;
      this.watch();
    });
    return this.running;
  }

  private async doScan(): Promise<ScanSummary | { error: string }> {
    try {
      this.set({ scanning: true });
      const settings = await loadSettings();
      const result = await scanDocument(document, settings, this.isOwn);
      this.last = result;
      let stored: Finding[] = [];
      try {
        stored = (await sendMessage('saveScan', result.report)) ?? [];
      } catch (e) {
        result.report.notes.push(`保存失败：${e instanceof Error ? e.message : String(e)}`);
      }
      this.applyFindings(stored);
      this.set({ scanning: false, notes: result.report.notes });
      return { page: result.report.page, findings: stored, notes: result.report.notes, siteName: result.report.siteName, siteCode: result.report.siteCode };
    } catch (e) {
      const error = `检查失败：${e instanceof Error ? e.message : String(e)}`;
      this.set({ scanning: false, notes: [error] });
      return { error };
    }
  }

  /** Pairs stored findings with this scan's results; dismissed ones are neither painted nor listed. */
  private applyFindings(stored: Finding[]) {
    const r = this.last;
    if (!r) return;
    const byId = new Map(stored.map((f) => [f.id, f]));
    const entries: Entry[] = [];
    const paintItems: { result: RuleFinding; id?: string }[] = [];
    for (const res of r.results) if (res.paint) paintItems.push({ result: res });
    for (const { finding, result } of r.reported) {
      const f = byId.get(finding.id);
      if (f?.status === 'dismissed') continue;
      paintItems.push({ result, id: finding.id });
      entries.push({
        result,
        finding: f,
        item: {
          key: finding.id,
          severity: result.severity,
          title: ruleById(result.ruleId)?.title ?? result.ruleId,
          message: result.message,
          evidence: result.evidence,
          suggestion: result.suggestion,
          kind: finding.anchor,
        },
      });
    }
    entries.sort((a, b) => SEV_ORDER[a.item.severity] - SEV_ORDER[b.item.severity] || (a.result.start ?? -1) - (b.result.start ?? -1));
    this.entries = entries;
    this.marks = paint(r.built.index, paintItems);
    this.hit = createHitTester(r.built.index, this.marks);
    this.state = { ...this.state, items: entries.map((e) => e.item), current: Math.min(this.state.current, Math.max(0, entries.length - 1)) };
  }

  private async refreshStatuses() {
    if (!this.last) return;
    const stored = (await sendMessage('pageFindings', this.last.report.page.url)) ?? [];
    this.applyFindings(stored);
    this.render();
  }

  private step(d: number) {
    const n = this.entries.length;
    if (n) this.goTo((this.state.current + d + n) % n);
  }

  private goTo(i: number) {
    const e = this.entries[i];
    if (!e) return;
    this.set({ current: i, open: true });
    this.reveal(e);
  }

  focus(id: string): boolean {
    const i = this.entries.findIndex((e) => e.item.key === id);
    if (i < 0) return false;
    this.goTo(i);
    return true;
  }

  /** Scrolls to a finding and flashes it; page-level footer findings scroll to the footer. */
  private reveal(e: Entry) {
    const r = this.last;
    if (!r) return;
    const { start, end, element } = e.result;
    if (start !== undefined && end !== undefined) {
      const range = rangeFor(r.built.index, start, end, document);
      if (!range) return;
      (range.startContainer.parentElement ?? document.body)?.scrollIntoView({ block: 'center' });
      flash(range);
      return;
    }
    const el = element !== undefined ? r.built.elements[element] : e.result.ruleId.startsWith('footer.') ? r.built.footerEl : null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      const b = el.getBoundingClientRect();
      this.set({ box: { left: b.left, top: b.top, width: b.width, height: b.height } });
      setTimeout(() => this.set({ box: null }), 1600);
    } else if (e.result.ruleId.startsWith('footer.')) {
      window.scrollTo({ top: document.documentElement.scrollHeight });
    }
  }

  private moveFrame = 0;
  private onMove(ev: MouseEvent) {
    if (!this.hit || this.moveFrame) return;
    const { clientX: x, clientY: y } = ev;
    this.moveFrame = requestAnimationFrame(() => {
      this.moveFrame = 0;
      const m = this.hit?.(x, y) ?? null;
      const tip = m
        ? { x, y, title: ruleById(m.result.ruleId)?.title ?? m.result.ruleId, message: m.result.message, suggestion: m.result.suggestion }
        : null;
      if (tip || this.state.tip) this.set({ tip });
    });
  }

  private onKey(ev: KeyboardEvent) {
    if (!ev.altKey || !ev.shiftKey || !this.entries.length) return;
    if (ev.code === 'KeyN') this.step(1);
    else if (ev.code === 'KeyP') this.step(-1);
  }

  /** Rescans after the page changes, debounced, ignoring the overlay's own nodes. */
  private watch() {
    if (this.observer || !document.body) return;
    this.observer = new MutationObserver((records) => {
      const own = records.every((rec) => {
        const n = rec.target;
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        return !!el && (this.isOwn(el) || !!el.closest(HOST_TAG) || (el === document.body && Array.from(rec.addedNodes).concat(Array.from(rec.removedNodes)).every((x) => x.nodeName.toLowerCase() === HOST_TAG)));
      });
      if (own || this.rescans >= rescan.maxRescans) return;
      // trailing debounce, but a page that never stops changing still gets a rescan every maxWaitMs
      const now = Date.now();
      if (!this.firstChange) this.firstChange = now;
      const wait = Math.max(0, Math.min(rescan.debounceMs, this.firstChange + rescan.maxWaitMs - now));
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.firstChange = 0;
        this.rescans++;
        void this.scan();
      }, wait);
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  stop() {
    this.observer?.disconnect();
    clearPaint();
  }
}
