import type { Settings } from './types';
import { DEFAULT_SETTINGS } from './settings';

const KEY = 'settings';

/** Settings live in extension storage (storage.local), so every surface reads the same values. */
export async function loadSettings(): Promise<Settings> {
  try {
    const got = await chrome.storage.local.get(KEY);
    return { ...DEFAULT_SETTINGS, ...(got[KEY] as Partial<Settings> | undefined) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await chrome.storage.local.set({ [KEY]: next });
  return next;
}
