/**
 * The site crawl, free of browser APIs (the background gives it fetch, parse and save): fetch the
 * home page, find the column links (navigation, 更多, the site map when linked), then fetch and
 * judge each column through the polite queue. Each checked page is saved as it arrives, so a
 * cancelled crawl keeps what it checked.
 */
import type { ColumnStatus } from '../types';
import { normaliseUrl } from '../fingerprint';
import { PoliteQueue } from './queue';
import { discoverColumns, type Discovery } from './discover';
import type { ColumnLink, CrawlRow, CrawlState, FetchOutcome, ParsedPage } from './types';

export interface CrawlDeps {
  homeUrl: string;
  fetch(url: string, signal: AbortSignal): Promise<FetchOutcome>;
  parse(url: string, html: string): Promise<ParsedPage>;
  save(page: ParsedPage): Promise<void>;
  verdict(columns: ColumnStatus[], home: ColumnStatus | null): CrawlState['verdict'];
  onProgress(state: CrawlState): void;
  limits: { perHost: number; delayMs: number; maxColumns: number };
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

type Role = 'home' | 'sitemap' | 'column';
type Done = { outcome: FetchOutcome; parsed?: ParsedPage; parseError?: string };

const JUDGED = new Set(['fresh', 'stale', 'blank', 'no-date']);

export class SiteCrawl {
  readonly state: CrawlState;
  private readonly roles = new Map<string, Role>();
  private readonly rows = new Map<string, CrawlRow>();
  private readonly queue: PoliteQueue<Done>;
  private readonly saves: Promise<void>[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: CrawlDeps) {
    this.now = deps.now ?? (() => Date.now());
    const home = normaliseUrl(deps.homeUrl);
    let site = '';
    try {
      site = new URL(home).hostname.toLowerCase();
    } catch {
      /* the background checks the URL first */
    }
    this.state = { site, homeUrl: home, phase: 'discovering', startedAt: this.now(), total: 0, checked: 0, current: null, home: null, rows: [], notes: [] };
    this.queue = new PoliteQueue<Done>((url, signal) => this.work(url, signal), (url, r, e) => this.onDone(url, r, e), {
      perHost: deps.limits.perHost,
      delayMs: deps.limits.delayMs,
      now: deps.now,
      setTimer: deps.setTimer,
    });
  }

  cancel(): void {
    if (this.state.phase !== 'discovering' && this.state.phase !== 'crawling') return;
    this.queue.cancel();
    this.state.phase = 'cancelled';
  }

  async run(): Promise<CrawlState> {
    this.roles.set(this.state.homeUrl, 'home');
    this.queue.add(this.state.homeUrl);
    this.emit();
    await this.queue.idle();
    await Promise.allSettled(this.saves);
    for (const r of this.rows.values()) {
      if (r.verdict === 'pending') Object.assign(r, { verdict: 'skipped', note: '检查已取消，未检查' });
    }
    if (this.state.phase === 'discovering' || this.state.phase === 'crawling') this.state.phase = this.state.error ? 'error' : 'done';
    this.state.finishedAt = this.now();
    this.state.current = null;
    this.finishVerdict();
    this.emit();
    return this.state;
  }

  private async work(url: string, signal: AbortSignal): Promise<Done> {
    if (this.roles.get(url) === 'column') this.state.current = url;
    this.emit();
    const outcome = await this.deps.fetch(url, signal);
    if (outcome.kind !== 'html' || signal.aborted) return { outcome };
    try {
      return { outcome, parsed: await this.deps.parse(outcome.url, outcome.html) };
    } catch (e) {
      return { outcome, parseError: e instanceof Error ? e.message : String(e) };
    }
  }

  private onDone(url: string, done: Done | undefined, error?: unknown): void {
    const role = this.roles.get(url) ?? 'column';
    const outcome: FetchOutcome = done?.outcome ?? { kind: 'error', url, message: String(error) };
    if (done?.parsed) this.saves.push(this.deps.save(done.parsed).catch((e) => void this.state.notes.push(`保存 ${url} 失败：${String(e)}`)));
    if (role === 'home') this.onHome(outcome, done);
    else if (role === 'sitemap') this.onSiteMap(outcome, done);
    else this.onColumn(url, outcome, done);
    this.emit();
  }

  private onHome(outcome: FetchOutcome, done: Done | undefined): void {
    if (!done?.parsed) {
      this.state.error = `无法打开首页：${describe(outcome, done)}`;
      return;
    }
    this.state.home = done.parsed.pageType === 'home' ? done.parsed.column : null;
    const found = discoverColumns(done.parsed.links, this.state.homeUrl);
    if (found.siteMap && !this.queue.has(found.siteMap)) {
      this.roles.set(found.siteMap, 'sitemap');
      this.queue.add(found.siteMap);
    }
    this.addColumns(found);
  }

  private onSiteMap(outcome: FetchOutcome, done: Done | undefined): void {
    if (!done?.parsed) {
      this.state.notes.push(`网站地图无法打开（${describe(outcome, done)}），只检查了首页上的栏目。`);
      return;
    }
    this.addColumns(discoverColumns(done.parsed.links, this.state.homeUrl, true));
  }

  private addColumns(found: Discovery): void {
    if (this.state.phase === 'discovering') this.state.phase = 'crawling';
    for (const s of found.skipped) {
      if (!this.rows.has(s.url)) this.rows.set(s.url, { url: s.url, name: s.name, via: 'nav', verdict: 'skipped', note: s.reason });
    }
    for (const c of found.columns) this.addColumn(c);
    this.state.rows = [...this.rows.values()];
  }

  private addColumn(c: ColumnLink): void {
    const existing = this.rows.get(c.url);
    if (existing) {
      if (!existing.name && c.name) existing.name = c.name;
      return;
    }
    if (this.queue.has(c.url)) return; // the home page or the site map itself
    if (this.state.total >= this.deps.limits.maxColumns) {
      if (!this.state.notes.some((n) => n.startsWith('栏目超过'))) this.state.notes.push(`栏目超过 ${this.deps.limits.maxColumns} 个，其余未检查。`);
      return;
    }
    this.rows.set(c.url, { url: c.url, name: c.name, via: c.via, verdict: 'pending' });
    this.roles.set(c.url, 'column');
    this.state.total++;
    this.queue.add(c.url);
  }

  private onColumn(url: string, outcome: FetchOutcome, done: Done | undefined): void {
    const row = this.rows.get(url);
    if (!row) return;
    this.state.checked++;
    const p = done?.parsed;
    if (outcome.kind === 'not-html') Object.assign(row, { verdict: 'skipped', note: `非网页文件（${outcome.contentType}），未检查` });
    else if (outcome.kind === 'offsite') Object.assign(row, { verdict: 'skipped', note: `跳转到站外（${outcome.to}），未跟随` });
    else if (!p) Object.assign(row, { verdict: 'error', httpStatus: outcome.kind === 'error' ? outcome.status : undefined, note: describe(outcome, done) });
    else if (p.pageType !== 'column' || !p.column) Object.assign(row, { verdict: 'skipped', note: `不是栏目列表页（${TYPE_NAMES[p.pageType] ?? p.pageType}），未计入` });
    else {
      row.verdict = p.column.status;
      row.column = p.column;
      if (!row.name) row.name = p.column.columnName || p.report.page.title;
    }
    this.finishVerdict();
  }

  private finishVerdict(): void {
    const judged = [...this.rows.values()].filter((r) => JUDGED.has(r.verdict) && r.column).map((r) => r.column!);
    this.state.verdict = this.deps.verdict(judged, this.state.home);
    this.state.rows = [...this.rows.values()];
  }

  private emit(): void {
    this.deps.onProgress(this.state);
  }
}

const TYPE_NAMES: Record<string, string> = { home: '首页', article: '文章页', other: '其他页面' };

function describe(outcome: FetchOutcome, done: Done | undefined): string {
  if (done?.parseError) return `页面解析失败：${done.parseError}`;
  if (outcome.kind === 'error') return outcome.status ? `无法访问（HTTP ${outcome.status}）` : outcome.message;
  if (outcome.kind === 'not-html') return `不是网页（${outcome.contentType}）`;
  if (outcome.kind === 'offsite') return `跳转到站外（${outcome.to}），未跟随`;
  return '未知错误';
}
