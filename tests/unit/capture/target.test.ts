import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml, DEMO_SITE } from '../../helpers/load-page';
import { buildPageModel } from '../../../lib/scan/page-model';
import { runRules } from '../../../lib/rules/run';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { targetFromElement, targetFromFinding, autoAt, type CaptureTarget } from '../../../entrypoints/content/capture-target';

// Selections are driven in real Chromium (tests/e2e/capture.test.ts): happy-dom's Range on a
// parsed document does not hold its end. Here: offsets, element picks and the finding lookup.

function page(file: string) {
  const url = `https://www.demo-county.gov.cn/${file}`;
  const doc = parseHtml(readFileSync(path.join(DEMO_SITE, file), 'utf8'), url);
  const built = buildPageModel(doc, { url, today: '2026-11-23' });
  const results = runRules(built.model, { ...DEFAULT_SETTINGS, today: '2026-11-23' }).findings;
  return { doc, built, entries: results.filter((r) => !r.paint).map((result) => ({ result })) };
}

const at = (text: string, s: string, from = 0): CaptureTarget => {
  const start = text.indexOf(s) + from;
  return { start, end: start + 2, evidence: text.slice(start, start + 2), key: 'k' };
};

describe('capture targets and the automatic finding at the spot', () => {
  it('a spot on the planted 烈土 finds the typo finding; correct text and the look-alike in 剧烈土壤 find none', () => {
    const { built, entries } = page('xwdt/2026-11-18-hero.html');
    const text = built.model.text;
    expect(autoAt(entries, at(text, '革命烈土', 2), built)?.result.ruleId).toBe('typo.known');
    expect(autoAt(entries, at(text, '烈士纪念碑'), built)).toBeUndefined();
    expect(autoAt(entries, at(text, '剧烈土壤', 1), built)).toBeUndefined();
  });

  it('the most severe finding wins when several overlap the spot', () => {
    const { built, entries } = page('xwdt/2026-11-18-hero.html');
    const text = built.model.text;
    const start = text.indexOf('中国入民');
    const target = { start, end: start + 4, evidence: '中国入民', key: 'k' };
    const hit = autoAt([{ result: { ruleId: 'x.hint', severity: 'hint' as const, category: 'typo' as const, message: '', evidence: '', start, end: start + 2 } }, ...entries], target, built);
    expect(hit?.result.severity).toBe('veto');
  });

  it('an element pick covers the element text, with a quote; its key is stable across scans', () => {
    const a = page('xwdt/2026-11-18-hero.html');
    const h1 = a.doc.querySelector('h1')!;
    const t1 = targetFromElement(h1, a.built);
    expect(t1.evidence).toBe(h1.textContent!.trim());
    expect(t1.quote?.exact).toBe(a.built.model.text.slice(t1.start, t1.end));
    const b = page('xwdt/2026-11-18-hero.html');
    expect(targetFromElement(b.doc.querySelector('h1')!, b.built).key).toBe(t1.key);
  });

  it('picking the footer of a page with missing footer marks finds those page-level findings', () => {
    const { built, entries } = page('tzgg/2025-01-08-notice.html');
    expect(built.footerEl).toBeTruthy();
    const hit = autoAt(entries, targetFromElement(built.footerEl!, built), built);
    expect(hit?.result.ruleId).toMatch(/^footer\./);
    // and capturing such a finding from the list targets the footer element
    const t = targetFromFinding(hit!.result, built, null);
    expect(t.element).toBe(built.footerEl);
    // the article heading is not at any of them
    expect(autoAt(entries, targetFromElement(built.footerEl!.ownerDocument.querySelector('h1')!, built), built)).toBeUndefined();
  });
});
