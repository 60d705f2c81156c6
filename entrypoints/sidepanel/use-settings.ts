import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/types';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { loadSettings } from '@/lib/settings-store';

/** The settings, kept current as the background or the options page change them. */
export function useSettings(): Settings {
  const [s, setS] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const read = () => void loadSettings().then(setS);
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) read();
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => chrome.storage.onChanged.removeListener(onChanged);
  }, []);
  return s;
}
