import type { Finding, RuleFinding, Severity } from '@/lib/types';
import { loadSettings } from '@/lib/settings-store';
import { anchorsAtFooter, ruleById } from '@/lib/rules/index';
import { onMessage, sendMessage, type ScanSummary } from '@/lib/messages';
import { rangeFor } from '@/lib/scan/text-index';
import { paint, flash, clearPaint, type PaintedMark } from './highlight';
import { mountOverlay, HOST_TAG, type OverlayItem, type OverlayState } from './overlay';
import { scanDocument, type ScanResult } from './scanner';
import { createHitTester } from './hover';
import rescan from '@/lib/data/rescan.json';
import autoScan from '@/lib/data/auto-scan.json';
import { CaptureMode, MANUAL_RULE } from './capture';
import { targetFromFinding } from './capture-target';
import { anchorQuote } from '@/lib/capture/quote';
import { activeRoundId } from '@/lib/rounds/active';
import type { LinkResult } from '@/lib/links/types';
import type { PageLinkSummary } from '@/lib/messages';
import { LINK_RULES, linksAuto, mergeLinkFindings, runLinkStage } from './link-check';
import { followLayout, markedElements, placeMarks } from './link-marks';

/**
 * Runs `fn` once the page has loaded (its parsing, first paint and load-time scripts are done),
 * or after `maxWaitMs` when a slow resource holds the load event back.
 */
function afterLoad(fn: () => void, maxWaitMs: number) {
  if (document.readyState === 'complete') return fn();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    removeEventListener('load', once);
    fn();
  };
  const timer = setTimeout(once, maxWaitMs);
  addEventListener('load', once);
}

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
  /** this page's manual findings whose quote was found in the last scan's text, with offsets */
  private manual: { finding: Finding; start: number; end: number }[] = [];
  private capture = new CaptureMode({
    built: () => this.last?.built ?? null,
    entries: () => this.entries,
    state: () => this.state,
    set: (patch) => this.set(patch),
    isOwn: (n) => {
      const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
      return !!el && (this.isOwn(el) || !!el.closest(HOST_TAG));
    },
    overlayHost: () => this.overlay?.host ?? null,
    saved: (f, start, end) => {
      if (f.source === 'manual' && start !== undefined && end !== undefined) {
        this.manual = [...this.manual.filter((m) => m.finding.id !== f.id), { finding: f, start, end }];
      }
      void this.refreshStatuses();
    },
  });

  /** link check: the last results by URL (marks), the marked elements, the scroll/resize follower */
  private linkResults = new Map<string, LinkResult>();
  private linkMarked: ReturnType<typeof markedElements> = [];
  private unfollow: (() => void) | null = null;
  private linkRun: Promise<PageLinkSummary | { error: string }> | null = null;
  private inspector = '';

  start(auto: boolean) {
    onMessage('scanNow', () => this.scan());
    onMessage('checkPageLinks', ({ data }) => this.checkLinks(!!data?.force));
    onMessage('linkProgress', ({ data }) => {
      if (this.state.linkProgress?.running) this.set({ linkProgress: { ...data, running: true } });
    });
    // doubtful links had their second look: the cache holds the new results
    onMessage('linksRechecked', () => void this.checkLinks(false));
    onMessage('focusFinding', ({ data }) => this.focus(data));
    onMessage('refreshMarks', () => void this.refreshStatuses());
    onMessage('captureStart', () => {
      this.capture.start();
      return true;
    });
    // nothing else until the first scan: no listeners, no observer, no overlay host, no styles
    if (auto) afterLoad(() => this.scheduleScan(autoScan.afterLoadMs), autoScan.maxLoadWaitMs);
  }

  private listening = false;
  /** Hover and keyboard navigation, attached once there are marks to hover or step through. */
  private listen() {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener('mousemove', (e) => this.onMove(e), { passive: true });
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  private isOwn = (el: Element) => el.localName === HOST_TAG;

  private render() {
    if (!this.overlay) this.overlay = mountOverlay();
    this.overlay.update(this.state, {
      toggle: () => this.set({ open: !this.state.open }),
      next: () => this.step(1),
      prev: () => this.step(-1),
      select: (i) => this.goTo(i),
      captureStart: () => this.capture.start(),
      captureItem: (i) => this.captureEntry(i),
      capture: { edit: this.capture.edit, save: () => void this.capture.save(), cancel: this.capture.cancel },
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
      result.report.round = activeRoundId(settings);
      await this.anchorManual(result);
      let stored: Finding[] = [];
      try {
        stored = (await sendMessage('saveScan', result.report)) ?? [];
      } catch (e) {
        result.report.notes.push(`保存失败：${e instanceof Error ? e.message : String(e)}`);
      }
      this.applyFindings(stored);
      this.set({ scanning: false, notes: result.report.notes });
      this.inspector = settings.inspector;
      // links checked on this page before (or the inspector asked for it always): again, from the cache
      if (this.linkResults.size || (await linksAuto())) void this.checkLinks(false);
      return { page: result.report.page, findings: stored, notes: result.report.notes, siteName: result.report.siteName, siteCode: result.report.siteCode, column: result.report.column ?? null };
    } catch (e) {
      const error = `检查失败：${e instanceof Error ? e.message : String(e)}`;
      this.set({ scanning: false, notes: [error] });
      return { error };
    }
  }

  /** One link check at a time; a request during one gets its result. */
  checkLinks(force: boolean): Promise<PageLinkSummary | { error: string }> {
    if (this.linkRun) return this.linkRun;
    this.linkRun = this.doCheckLinks(force).finally(() => (this.linkRun = null));
    return this.linkRun;
  }

  /**
   * The page's links through the background's checker: progress in the bar, findings stored with
   * the page's scan (saveScan) and listed, marks after the dead and doubtful links.
   */
  private async doCheckLinks(force: boolean): Promise<PageLinkSummary | { error: string }> {
    try {
      this.set({ linkProgress: { done: 0, total: 0, dead: 0, running: true } });
      // a rescan during the check (the page changed, or a scan was asked for) replaces the scan
      // the findings belong to: check again on the new one, answered from the cache this time
      let r: ScanResult | null = null;
      let found: Awaited<ReturnType<typeof runLinkStage>> | null = null;
      for (let attempt = 0; attempt < 3 && (!r || r !== this.last); attempt++) {
        if (this.running) await this.running;
        if (!this.last) await this.scan();
        r = this.last;
        if (!r) return { error: '页面尚未检查' };
        found = await runLinkStage(r, force && attempt === 0);
      }
      if (!r || !found || r !== this.last) return { error: '页面在检查链接时不断变化，请稍后重试' };
      const { findings, answer } = found;
      mergeLinkFindings(r, findings, this.inspector);
      const stored: Finding[] = (await sendMessage('saveScan', r.report)) ?? [];
      this.applyFindings(stored);
      this.linkResults = new Map(answer.results.map((x) => [x.url, x]));
      const dead = answer.results.filter((x) => x.verdict === 'dead').length;
      const suspect = answer.results.filter((x) => x.verdict === 'suspect').length;
      const notes = r.report.notes.filter((n) => !n.startsWith('链接检查：'));
      if (answer.skipped) notes.push(`链接检查：${answer.skipped} 个其他网站的链接未检查（未授予访问其他网站的权限，可在侧边栏点“检查链接”授权）。`);
      r.report.notes = notes;
      this.set({ linkProgress: { done: answer.checked, total: answer.checked, dead, running: false }, notes });
      this.drawLinkMarks();
      return {
        url: r.report.page.url,
        checked: answer.checked,
        skipped: answer.skipped,
        dead,
        suspect,
        cached: answer.cached,
        fetched: answer.fetched,
        findings: stored.filter((f) => LINK_RULES.has(f.ruleId)),
      };
    } catch (e) {
      const error = `链接检查失败：${e instanceof Error ? e.message : String(e)}`;
      this.set({ linkProgress: null, notes: [...this.state.notes, error] });
      return { error };
    }
  }

  private drawLinkMarks() {
    this.linkMarked = markedElements(document, this.linkResults, (el) => !!el.closest(HOST_TAG));
    this.set({ linkMarks: placeMarks(this.linkMarked) });
    if (this.linkMarked.length && !this.unfollow) this.unfollow = followLayout(() => this.set({ linkMarks: placeMarks(this.linkMarked) }));
  }

  /**
   * Re-finds this page's manual findings (captures) in the new text by their quote: found ones
   * are painted and reported as seen (re-inspection), the others are left alone.
   */
  private async anchorManual(result: ScanResult) {
    this.manual = [];
    let known: Finding[] = [];
    try {
      known = (await sendMessage('pageFindings', result.report.page.url)) ?? [];
    } catch {
      return;
    }
    const text = result.built.model.text;
    for (const f of known) {
      if (f.source !== 'manual' || !f.quote) continue;
      const at = anchorQuote(text, f.quote);
      if (at) this.manual.push({ finding: f, ...at });
    }
    result.report.manualSeen = this.manual.map((m) => m.finding.id);
  }

  /** Pairs stored findings with this scan's results; dismissed ones are neither painted nor listed. */
  private applyFindings(stored: Finding[]) {
    const r = this.last;
    if (!r) return;
    const byId = new Map([...this.manual.map((m) => [m.finding.id, m.finding] as const), ...stored.map((f) => [f.id, f] as const)]);
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
    for (const m of this.manual) {
      const f = byId.get(m.finding.id) ?? m.finding;
      if (f.status === 'dismissed') continue;
      const result: RuleFinding = { ruleId: MANUAL_RULE, severity: f.severity, category: f.category, message: f.note || f.message, evidence: f.evidence, start: m.start, end: m.end };
      paintItems.push({ result, id: f.id });
      entries.push({ result, finding: f, item: { key: f.id, severity: f.severity, title: '人工标记', message: f.note || f.message, evidence: f.evidence, kind: 'text' } });
    }
    entries.sort((a, b) => SEV_ORDER[a.item.severity] - SEV_ORDER[b.item.severity] || (a.result.start ?? -1) - (b.result.start ?? -1));
    this.entries = entries;
    this.marks = paint(r.built.index, paintItems);
    this.hit = this.marks.length ? createHitTester(r.built.index, this.marks) : null;
    if (this.marks.length || entries.length) this.listen();
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

  /** 截图 on a listed finding: scroll to it, then the capture dialog pre-filled from it. */
  private captureEntry(i: number) {
    const e = this.entries[i];
    const r = this.last;
    if (!e || !r) return;
    this.goTo(i);
    const { start, end } = e.result;
    const range = start !== undefined && end !== undefined ? rangeFor(r.built.index, start, end, document) : null;
    this.capture.startFor(targetFromFinding(e.result, r.built, range), e);
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
    const el = element !== undefined ? r.built.elements[element] : anchorsAtFooter(e.result.ruleId) ? r.built.footerEl : null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      const b = el.getBoundingClientRect();
      this.set({ box: { left: b.left, top: b.top, width: b.width, height: b.height } });
      setTimeout(() => this.set({ box: null }), 1600);
    } else if (anchorsAtFooter(e.result.ruleId)) {
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
        ? { x, y, title: ruleById(m.result.ruleId)?.title ?? (m.result.ruleId === MANUAL_RULE ? '人工标记' : m.result.ruleId), message: m.result.message, suggestion: m.result.suggestion }
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
    this.unfollow?.();
    clearPaint();
  }
}
