import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { stripDictionarySentences, stripRuleExamples } from './scripts/strip-examples';

// Preact through @preact/preset-vite: WXT has no Preact module.
export default defineConfig({
  // WXT_OUT_DIR lets parallel builds (several engineers, one machine) keep apart
  outDir: process.env.WXT_OUT_DIR || '.output',
  manifest: ({ browser }) => ({
    name: 'GovCheck 政府网站巡检助手',
    description: '在浏览政府网站时标出问题：网站标识、错别字与严重表述错误、信息更新日期；一键导出问题清单。',
    default_locale: undefined,
    // alarms: the 站点无法访问 watch probes a home page about hourly for a week (entrypoints/background/watch.ts)
    // offscreen: the site crawl parses fetched pages there (a service worker has no DOMParser)
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'tabs', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    // Least privilege: the content script runs by itself on *.gov.cn only; other sites are
    // scanned on demand (activeTab) or after the inspector grants the host.
    // '<all_urls>': screenshots from the in-page 标记问题 button (captureVisibleTab needs it or activeTab)
    optional_host_permissions: ['http://*/*', 'https://*/*', '<all_urls>'],
    action: { default_title: 'GovCheck：检查当前页面' },
    // the shortcut starts capture (标记问题); pressing it also grants activeTab for the screenshot
    commands: {
      capture: { suggested_key: { default: 'Alt+Shift+G' }, description: '标记问题：截图并记录当前选中的文字或元素' },
    },
    ...(browser === 'firefox'
      ? { sidebar_action: { default_panel: 'sidepanel.html', default_title: 'GovCheck' } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), stripDictionarySentences(), stripRuleExamples()],
  }),
  webExt: {
    // `npm run dev` opens Debian's Chromium when present; see README.
    binaries: { chrome: process.env.CHROME_PATH || '/usr/bin/chromium' },
    chromiumArgs: ['--no-sandbox', '--disable-gpu'],
  },
});
