/**
 * Starting a watch or an indicator check from an extension page (side panel, dashboard): the
 * host permission is asked in the click's own call stack (the browser requires it), then the
 * background does the work.
 */
import { sendMessage } from '../messages';

/** http(s)://host/* for the home page's own scheme and for https (the HTTPS check). */
export function hostPatterns(homeUrl: string): string[] {
  const u = new URL(homeUrl);
  return [...new Set([`${u.protocol}//${u.hostname}/*`, `https://${u.hostname}/*`])];
}

async function withHost<T>(homeUrl: string, run: () => Promise<T>): Promise<T | { error: string }> {
  let patterns: string[];
  try {
    patterns = hostPatterns(homeUrl);
  } catch {
    return { error: `网址无效：${homeUrl}` };
  }
  // no await before request(): it must run inside the click
  const granted = await chrome.permissions.request({ origins: patterns }).catch(() => false);
  if (!granted) return { error: `未获得访问 ${new URL(homeUrl).hostname} 的权限。请在授权提示中点击「允许」。` };
  return run();
}

export function requestWatchStart(homeUrl: string) {
  return withHost(homeUrl, () => sendMessage('watchStart', { homeUrl }));
}

export function requestIndicators(homeUrl: string) {
  return withHost(homeUrl, () => sendMessage('checkIndicators', { homeUrl }));
}

export const requestWatchStop = (site: string) => sendMessage('watchStop', site);
