/**
 * The background injects the scanner into *.gov.cn tabs: each one that finishes loading, and,
 * when the extension is installed, updated or the browser starts, the ones already loaded (they
 * send no further "complete" update).
 */
import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

let injected: number[];
/** the fake browser keeps no tab status: the tabs and their status, as tabs.query sees them */
let tabs: chrome.tabs.Tab[];

async function start() {
  fakeBrowser.reset();
  vi.resetModules();
  injected = [];
  tabs = [];
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => tabs.find((t) => t.id === id)) as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: chrome.tabs.QueryInfo) => tabs.filter((t) => q.status === undefined || t.status === q.status)) as never);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (inj: chrome.scripting.ScriptInjection<unknown[], unknown>) => {
    injected.push(inj.target.tabId);
    return [];
  }) as never);
  const { registerAutoScan } = await import('../../../entrypoints/background/auto-scan');
  registerAutoScan();
}

function openTab(url: string, status: 'loading' | 'complete') {
  const id = tabs.length + 1;
  tabs.push({ id, url, status } as chrome.tabs.Tab);
  return id;
}

describe('auto-scan', () => {
  beforeEach(start);

  it('injects the scanner into the gov tabs already loaded when GovCheck is installed, and nowhere else', async () => {
    const gov = await openTab('http://www.example.gov.cn/index.html', 'complete');
    const govHttps = await openTab('https://gov.cn/', 'complete');
    await openTab('http://www.example.com/', 'complete');
    await openTab('http://www.example.gov.cn.evil.com/', 'complete');
    await openTab('http://www.loading.gov.cn/', 'loading');
    await openTab('chrome://extensions/', 'complete');
    expect(injected).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(injected.sort()).toEqual([gov, govHttps].sort()));
  });

  it('follows a gov tab still loading at install and injects it once it has loaded', async () => {
    const gov = openTab('http://www.slow.gov.cn/big.html', 'loading');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await new Promise((r) => setTimeout(r, 600));
    expect(injected).toEqual([]);
    tabs.find((t) => t.id === gov)!.status = 'complete';
    await vi.waitFor(() => expect(injected).toEqual([gov]), { timeout: 3000 });
  });

  it('sweeps the restored tabs when the browser starts', async () => {
    const gov = await openTab('http://www.example.gov.cn/a.html', 'complete');
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(injected).toEqual([gov]));
  });

  it('injects a gov tab when it reports complete, not while it loads, and never a non-gov tab', async () => {
    const gov = await openTab('http://www.example.gov.cn/b.html', 'loading');
    const other = await openTab('http://www.example.com/', 'loading');
    const tab = (id: number, url: string) => ({ id, url }) as never;
    await fakeBrowser.tabs.onUpdated.trigger(gov, { status: 'loading' }, tab(gov, 'http://www.example.gov.cn/b.html'));
    await fakeBrowser.tabs.onUpdated.trigger(other, { status: 'complete' }, tab(other, 'http://www.example.com/'));
    expect(injected).toEqual([]);
    await fakeBrowser.tabs.onUpdated.trigger(gov, { status: 'complete' }, tab(gov, 'http://www.example.gov.cn/b.html'));
    expect(injected).toEqual([gov]);
  });
});
