import { useEffect, useState } from 'preact/hooks';

export interface TargetTab {
  id: number;
  url: string;
  title: string;
}

/**
 * The tab the panel is about: `?tabId=` when given (automation opens the panel as a page),
 * else the active tab of this window, followed as the inspector switches tabs or navigates.
 */
export function useTargetTab(): TargetTab | null {
  const [tab, setTab] = useState<TargetTab | null>(null);
  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
    const read = async () => {
      const t = fixed !== undefined ? await chrome.tabs.get(fixed).catch(() => undefined) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
      setTab(t?.id !== undefined ? { id: t.id, url: t.url ?? '', title: t.title ?? '' } : null);
    };
    void read();
    const onActivated = () => fixed === undefined && void read();
    const onUpdated = (id: number, info: chrome.tabs.OnUpdatedInfo) => {
      if ((fixed === undefined || id === fixed) && (info.url || info.status === 'complete' || info.title)) void read();
    };
    chrome.tabs.onActivated.addListener(onActivated);
    chrome.tabs.onUpdated.addListener(onUpdated);
    return () => {
      chrome.tabs.onActivated.removeListener(onActivated);
      chrome.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tab;
}
