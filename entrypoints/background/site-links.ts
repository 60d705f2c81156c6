/**
 * 检查全站链接: every link of every page the column crawl fetched (and stored in pageLinks), each
 * URL checked once through the cached checker; progress (pages, links, dead so far, current URL)
 * in storage.local under `siteLinks:<host>` for the side panel; cancel keeps what was checked
 * (the cache makes the next run resume). Findings go to each linking page, so exports list them.
 */
import type { GovCheckDB } from '@/lib/store/db';
import { siteLinksKey } from '@/lib/links/auto';
import { onMessage } from '@/lib/messages';
import { LinkChecker, type LinkResult } from '@/lib/links/index';
import { linkKey } from '@/lib/links/url';
import { DexieLinkCache, pageLinksOfSite, upsertLinkFindings } from '@/lib/store/link-checks';
import { linkCheckFindings } from '@/lib/rules/links-check';
import { toFindings } from '@/lib/pipeline/report';
import type { PageModel } from '@/lib/types';
import { mayReach } from './links';
import cfg from '@/lib/data/link-check.json';
import { loadSettings } from '@/lib/settings-store';
import { activeRoundId } from '@/lib/rounds/active';

export interface SiteLinkState {
  site: string;
  phase: 'checking' | 'done' | 'cancelled' | 'error';
  startedAt: number;
  finishedAt?: number;
  pages: number;
  links: number;
  done: number;
  dead: number;
  skipped: number;
  current: string;
  /** each dead URL once, with the pages that link to it */
  deadLinks: { url: string; message: string; pages: string[] }[];
  error?: string;
}


const running = new Map<string, LinkChecker>();

export interface SiteLinkOptions {
  fetchImpl?: typeof fetch;
  reach?: (url: string, pageUrl: string) => Promise<boolean>;
  onState?: (s: SiteLinkState) => void;
  /** the active 检查批次: new findings open in it, known ones are recorded as seen in it */
  round?: string;
}

/** Runs the whole-site check of the pages crawled for `site`; answers the final state. */
export async function checkSiteLinks(db: GovCheckDB, site: string, opts: SiteLinkOptions = {}): Promise<SiteLinkState> {
  const reach = opts.reach ?? mayReach;
  const pages = await pageLinksOfSite(db, site);
  const linkedFrom = new Map<string, string[]>();
  const kinds = new Map<string, (typeof pages)[number]['targets'][number]['kind']>();
  let skipped = 0;
  for (const p of pages) {
    for (const t of p.targets) {
      const key = linkKey(t.url);
      if (!linkedFrom.has(key)) {
        if (!(await reach(key, p.url))) {
          skipped++;
          continue;
        }
        linkedFrom.set(key, []);
        kinds.set(key, t.kind);
      }
      linkedFrom.get(key)?.push(p.url);
    }
  }
  const state: SiteLinkState = { site, phase: 'checking', startedAt: Date.now(), pages: pages.length, links: linkedFrom.size, done: 0, dead: 0, skipped, current: '', deadLinks: [] };
  const tell = () => opts.onState?.({ ...state, deadLinks: [...state.deadLinks] });
  const results = new Map<string, LinkResult>();
  const checker = new LinkChecker({
    cache: new DexieLinkCache(db),
    redirectMode: 'follow',
    headers: cfg.headers,
    fetchImpl: opts.fetchImpl,
    onResult: (r) => {
      results.set(r.url, r);
      state.done = results.size;
      state.current = r.url;
      if (r.verdict === 'dead') {
        state.dead++;
        state.deadLinks.push({ url: r.url, message: r.message, pages: linkedFrom.get(r.url) ?? [] });
      }
      tell();
    },
  });
  running.set(site, checker);
  tell();
  try {
    const run = await checker.run([...kinds].map(([url, kind]) => ({ url, kind })));
    state.phase = run.cancelled ? 'cancelled' : 'done';
    // the findings of each page, from every result there is (a cancelled run keeps what it had)
    const all = [...results.values()];
    for (const p of pages) {
      const found = linkCheckFindings(p.targets, all);
      if (!found.length) continue;
      const model = { url: p.url, host: p.site, text: '' } as PageModel;
      await upsertLinkFindings(db, toFindings(model, found).map((x) => x.finding), opts.round);
    }
  } catch (e) {
    state.phase = 'error';
    state.error = e instanceof Error ? e.message : String(e);
  } finally {
    running.delete(site);
    state.finishedAt = Date.now();
    tell();
  }
  return state;
}

/** The state of a check that failed before it began (settings or the crawled pages unreadable). */
function failedBeforeStart(site: string, e: unknown): SiteLinkState {
  const now = Date.now();
  return { site, phase: 'error', startedAt: now, finishedAt: now, pages: 0, links: 0, done: 0, dead: 0, skipped: 0, current: '', deadLinks: [], error: e instanceof Error ? e.message : String(e) };
}

export function registerSiteLinkHandlers(db: GovCheckDB): void {
  onMessage('siteLinksStart', ({ data }) => {
    const site = String(data ?? '').toLowerCase();
    if (!site) return { error: '没有网站' };
    if (running.has(site)) return { error: '本站的链接检查正在进行中。' };
    const write = (s: SiteLinkState) => void chrome.storage.local.set({ [siteLinksKey(site)]: s }).catch(() => undefined);
    void loadSettings()
      .then((settings) => checkSiteLinks(db, site, { onState: write, round: activeRoundId(settings) }))
      .catch((e) => write(failedBeforeStart(site, e)));
    return { ok: true as const };
  });
  onMessage('siteLinksCancel', ({ data }) => {
    const c = running.get(String(data ?? '').toLowerCase());
    c?.cancel();
    return !!c;
  });
}
