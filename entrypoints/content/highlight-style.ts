/**
 * The ::highlight() rules, registered only when a name is first painted and only after the page
 * has loaded. A stylesheet in the page from the first byte (the manifest's content_scripts css)
 * made Chromium pay for highlight styles on every element while it parsed (issue 12): 21.8 s
 * instead of 1.1 s to DOMContentLoaded on a page of 50,000 spans. Adding one rule later costs one
 * restyle. The overlay's own styles live in its shadow root (overlay-style.ts).
 */
export const HIGHLIGHT_STYLES = {
  'gc-veto': 'background-color: rgba(229, 57, 53, 0.35); text-decoration: underline wavy #d32f2f;',
  'gc-deduct': 'background-color: rgba(251, 140, 0, 0.35); text-decoration: underline wavy #ef6c00;',
  'gc-hint': 'background-color: rgba(30, 136, 229, 0.25); text-decoration: underline dotted #1565c0;',
  'gc-date-fresh': 'text-decoration: underline solid #2e7d32; text-decoration-thickness: 2px;',
  'gc-date-ageing': 'text-decoration: underline solid #f9a825; text-decoration-thickness: 2px;',
  'gc-date-stale': 'background-color: rgba(158, 158, 158, 0.3); text-decoration: underline solid #c62828; text-decoration-thickness: 2px;',
  'gc-active': 'background-color: rgba(255, 235, 59, 0.9); color: #000;',
} as const;

export type HighlightName = keyof typeof HIGHLIGHT_STYLES;

/** Marks our fallback <style> element, for tests and for finding it again. */
export const STYLE_ATTR = 'data-govcheck-highlights';

interface Sheet {
  doc: Document;
  add(rule: string): void;
  /** whether the sheet is (still) applied to the document */
  attached(): boolean;
  attach(): void;
}

let sheet: Sheet | null = null;
const registered = new Set<HighlightName>();

/**
 * A constructed sheet in document.adoptedStyleSheets (no DOM node, the page's own adopted sheets
 * kept). Where a content script cannot adopt a sheet (Firefox's Xray wrappers), a <style>
 * element appended to <head>.
 */
function createSheet(doc: Document): Sheet {
  try {
    const css = new CSSStyleSheet();
    const s: Sheet = {
      doc,
      add: (rule) => void css.insertRule(rule, css.cssRules.length),
      attached: () => doc.adoptedStyleSheets.includes(css),
      attach: () => {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, css];
      },
    };
    s.attach();
    return s;
  } catch {
    const el = doc.createElement('style');
    el.setAttribute(STYLE_ATTR, '');
    const s: Sheet = {
      doc,
      add: (rule) => void el.append(rule + '\n'),
      attached: () => el.isConnected,
      attach: () => void (doc.head ?? doc.documentElement).append(el),
    };
    s.attach();
    return s;
  }
}

/** Makes sure the rules of these highlight names apply; adds only the missing ones. */
export function ensureHighlightStyles(names: Iterable<HighlightName>, doc: Document = document) {
  const missing = [...new Set(names)].filter((n) => !registered.has(n) || sheet?.doc !== doc);
  if (sheet && sheet.doc === doc && !sheet.attached()) sheet.attach(); // the page replaced its adopted sheets
  if (!missing.length) return;
  if (!sheet || sheet.doc !== doc) {
    sheet = createSheet(doc);
    registered.clear();
  }
  for (const n of missing) {
    sheet.add(`::highlight(${n}) { ${HIGHLIGHT_STYLES[n]} }`);
    registered.add(n);
  }
}
