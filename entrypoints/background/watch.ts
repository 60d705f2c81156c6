/**
 * 站点无法访问 watch and 检查首页指标 in the background. A watched site's home page is probed by
 * chrome.alarms (they survive browser restarts; the worker may sleep between probes), one
 * one-shot alarm per site re-armed after each probe. On start-up a missing alarm is re-created
 * from the stored watch. Probes need the site's host permission; without it nothing runs (a
 * gap, never a failure).
 */
import type { GovCheckDB } from '@/lib/store/db';
import { onMessage } from '@/lib/messages';
import { loadSettings } from '@/lib/settings-store';
import { todayIso } from '@/lib/settings';
import { activeRoundId } from '@/lib/rounds/active';
import { addProbe, getWatch, lastProbeAt, listWatches, putWatch } from '@/lib/store/probes';
import { saveSiteFindings } from '@/lib/store/site-findings';
import { alarmName, isActive, newWatch, nextProbeAt, resumeAt, siteOfAlarm } from '@/lib/watch/schedule';
import { probeHome, referenceOnline } from '@/lib/watch/probe';
import { indicatorFindings, runHomeIndicators } from '@/lib/indicators/index';
import type { ProbeRecord, WatchRecord } from '@/lib/watch/types';
import { hostPatterns } from '@/lib/watch/request';
import type { Finding } from '@/lib/types';

export interface WatchDeps {
  fetchImpl?: typeof fetch;
  /** whether the inspector's own network is up (default: a reference site answers) */
  online?: () => Promise<boolean>;
  random?: () => number;
  now?: () => number;
}


function homeOf(url: string): { site: string; homeUrl: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { error: `网址无效：${url}` };
  }
  if (!/^https?:$/.test(u.protocol)) return { error: '只能监测 http/https 网站。' };
  return { site: u.hostname.toLowerCase(), homeUrl: u.origin + '/' };
}

const granted = (homeUrl: string) => chrome.permissions.contains({ origins: [hostPatterns(homeUrl)[0]!] }).catch(() => false);

export function registerWatchHandlers(db: GovCheckDB, deps: WatchDeps = {}) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const online = deps.online ?? (() => referenceOnline(deps.fetchImpl));

  const arm = (site: string, when: number) => chrome.alarms.create(alarmName(site), { when });

  /** Runs one probe of a watched site (if still watched) and arms the next; answers the stored probe. */
  async function probeSite(site: string): Promise<ProbeRecord | null> {
    const w = await getWatch(db, site);
    if (!w || !isActive(w, now())) {
      await chrome.alarms.clear(alarmName(site));
      return null;
    }
    let probe: ProbeRecord | null = null;
    if (await granted(w.homeUrl)) {
      probe = await probeHome(site, w.homeUrl, { fetchImpl: deps.fetchImpl, now, redirectMode: 'auto', online });
      // stopped while the request ran: the probe belongs to no window
      const still = await getWatch(db, site);
      if (!still || !isActive(still, now()) || still.startedAt !== w.startedAt) return null;
      if (probe) await addProbe(db, probe);
    }
    const next = nextProbeAt(probe?.at ?? now(), random);
    if (next < w.endsAt) await arm(site, next);
    else await chrome.alarms.clear(alarmName(site));
    return probe;
  }

  async function checkIndicators(homeUrl: string): Promise<{ findings: Finding[]; notes: string[] } | { error: string }> {
    const home = homeOf(homeUrl);
    if ('error' in home) return home;
    if (!(await granted(home.homeUrl))) return { error: `未获得访问 ${home.site} 的权限，无法检查首页指标。` };
    const settings = await loadSettings();
    const run = await runHomeIndicators(home.homeUrl, { fetchImpl: deps.fetchImpl, today: todayIso(settings) });
    const list = indicatorFindings(home.site, home.homeUrl, run.problems, settings.inspector || undefined);
    const findings = list.length ? await saveSiteFindings(db, { ...home, name: run.title }, list, now(), activeRoundId(settings)) : [];
    return { findings, notes: run.notes };
  }

  async function start(url: string): Promise<{ watch: WatchRecord; probe: ProbeRecord | null } | { error: string }> {
    const home = homeOf(url);
    if ('error' in home) return home;
    if (!(await granted(home.homeUrl))) return { error: `未获得访问 ${home.site} 的权限，无法监测可访问性。请在授权提示中点击「允许」。` };
    const watch = newWatch(home.site, home.homeUrl, now());
    await putWatch(db, watch);
    const probe = await probeSite(home.site);
    // the first probe also checks the home-page indicators; slow sites must not hold the answer
    void checkIndicators(home.homeUrl).catch((e) => console.warn('GovCheck indicators', e));
    return { watch, probe };
  }

  async function stop(site: string): Promise<boolean> {
    const w = await getWatch(db, site);
    if (!w) return false;
    await chrome.alarms.clear(alarmName(site));
    if (isActive(w, now())) await putWatch(db, { ...w, stoppedAt: now() });
    return true;
  }

  /** Start-up: every active watch gets its alarm back if the browser lost it; ended ones lose theirs. */
  async function resume(): Promise<void> {
    for (const w of await listWatches(db)) {
      const name = alarmName(w.site);
      if (!isActive(w, now())) {
        await chrome.alarms.clear(name);
        continue;
      }
      if (await chrome.alarms.get(name)) continue;
      await arm(w.site, resumeAt(await lastProbeAt(db, w.site), now(), random));
    }
  }

  chrome.alarms.onAlarm.addListener((alarm) => {
    const site = siteOfAlarm(alarm.name);
    if (site) void probeSite(site).catch((e) => console.warn('GovCheck probe', e));
  });
  onMessage('watchStart', ({ data }) => start(data.homeUrl));
  onMessage('watchStop', ({ data }) => stop(data));
  onMessage('checkIndicators', ({ data }) => checkIndicators(data.homeUrl));
  const resumed = resume().catch((e) => console.warn('GovCheck watch resume', e));
  return { probeSite, resume, resumed, checkIndicators };
}
