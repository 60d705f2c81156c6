import { useEffect, useState } from 'preact/hooks';

const ALL = { origins: ['<all_urls>'] };

/**
 * Screenshots need <all_urls> or activeTab. The shortcut (Alt+Shift+G) and the toolbar button
 * grant activeTab for one tab; the in-page 标记问题 button grants nothing, so the inspector may
 * allow screenshots once here instead.
 */
export function CapturePermission() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void chrome.permissions?.contains(ALL).then(setGranted).catch(() => setGranted(null));
  }, []);
  if (granted !== false) return null;
  return (
    <p class="message info" data-testid="capture-permission">
      标记问题时截图需要授权：可按 Alt+Shift+G 开始标记（当前页自动授权），或{' '}
      <button data-testid="capture-permission-grant" onClick={() => void chrome.permissions.request(ALL).then(setGranted).catch(() => undefined)}>
        允许在所有网站截图
      </button>
    </p>
  );
}
