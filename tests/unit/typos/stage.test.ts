/**
 * The typos stage: which text goes to the background (footer left out, batches, offsets), what
 * comes back as findings (own names, exceptions, no double report with the curated dictionary,
 * stale answers dropped), and the background's detectTypos message.
 */
// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/pipeline/scan-page';
import { typoBlockBatches, typoOpenRules, typoStageFindings } from '../../../lib/rules/typo-open';
import { answerTypos } from '../../../lib/typos/answer';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Settings } from '../../../lib/types';
import type { Background } from '../../../lib/pipeline/stages';
import limits from '../../../lib/data/typo-stage.json';
import { parseHtml } from '../../helpers/load-page';
import { startBackground } from '../background/harness';

const URL = 'https://www.example.gov.cn/art/2026/11/20/art_1_1.html';
// the footer names a body with a typo the stage would find in the body text
const FOOTER = '<footer><p>主办单位：示范县人民检檫院　网站标识码：3609990001　赣ICP备19001234号</p><p>地址：示范县政府路1号</p></footer>';
const OPEN = new Set(typoOpenRules.map((r) => r.id));
const CURATED = new Set(['typo.known', 'expression.political']);
const page = (body: string, title = '示例页面') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main>${FOOTER}</body></html>`;

async function scan(html: string, settings: Settings = { ...DEFAULT_SETTINGS, today: '2026-11-23' }, background: Background = { detectTypos: answerTypos }) {
  const s = await scanPage(parseHtml(html, URL), { url: URL, settings, background });
  return { ...s, typos: s.results.filter((f) => OPEN.has(f.ruleId)), curated: s.results.filter((f) => CURATED.has(f.ruleId)) };
}

describe('text sent to the background', () => {
  it('the page text line by line with its offsets, without the footer region', async () => {
    const s = await scan(page('<p>市人民检檫院依法提起公诉。</p><p>Hello</p>'));
    const model = s.built.model;
    expect(model.footer).not.toBeNull();
    const blocks = typoBlockBatches(model).flat();
    for (const b of blocks) expect(model.text.slice(b.start, b.start + b.text.length)).toBe(b.text);
    expect(blocks.some((b) => b.text.includes('检檫'))).toBe(true);
    expect(blocks.some((b) => b.text.includes('Hello'))).toBe(false); // no Han characters
    expect(blocks.every((b) => b.start + b.text.length <= model.footer!.start)).toBe(true);
    // the footer's 检檫院 is not the body's text: reported once, in the body
    expect(s.typos.map((f) => `${f.ruleId} ${f.evidence}`)).toEqual(['typo.word 检檫']);
    expect(s.typos[0]!.start!).toBeLessThan(model.footer!.start);
  });

  it('long pages go in batches of at most maxCharsPerMessage, up to maxChars in all', () => {
    const line = '各地区各部门要认真贯彻落实党中央、国务院决策部署。'.repeat(40);
    const text = Array.from({ length: 600 }, () => line).join('\n');
    const batches = typoBlockBatches({ text, footer: null });
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.reduce((n, x) => n + x.text.length, 0)).toBeLessThanOrEqual(limits.maxCharsPerMessage);
    const total = batches.flat().reduce((n, x) => n + x.text.length, 0);
    expect(total).toBeLessThanOrEqual(limits.maxChars);
    expect(total).toBeGreaterThan(limits.maxChars - line.length - 1);
  });
});

describe('answers as findings', () => {
  it('skips the page’s own name (title tail) and the inspector’s exceptions', async () => {
    const body = '<p>示范县人力资源与社会保障局召开会议。</p>';
    expect((await scan(page(body))).typos.map((f) => f.ruleId)).toEqual(['name.body-variant']);
    expect((await scan(page(body, '召开会议_示范县人力资源与社会保障局'))).typos).toEqual([]);
    const settings = { ...DEFAULT_SETTINGS, today: '2026-11-23', exceptions: ['人力资源与社会保障局'] };
    expect((await scan(page(body), settings)).typos).toEqual([]);
  });

  it('reports a spot the curated dictionary reported once, under the dictionary’s rule', async () => {
    const html = page('<p>希望大家再接再励，县住房与城乡建设局要抓好落实。</p>');
    const s = await scan(html);
    expect(s.typos).toEqual([]);
    expect(s.curated.map((f) => f.evidence)).toEqual(['再接再励', '住房与城乡建设局']);
    // without the dictionary's findings the stage reports both itself
    const alone = typoStageFindings(s.built.model, answerTypos({ blocks: typoBlockBatches(s.built.model).flat() }));
    expect(alone.map((f) => `${f.ruleId} ${f.evidence}`)).toEqual(['typo.idiom 再接再励', 'name.body-variant 住房与城乡建设局']);
  });

  it('keeps the detectors’ severity and the rule’s category', async () => {
    const s = await scan(page('<p>国务院副总理何立锋出席会议。</p><p>请于本周五前提交申清材料。</p>'));
    // expression.political knows this leader's name: the stage leaves the spot to it
    expect(s.curated.map((f) => f.evidence)).toEqual(['何立锋']);
    expect(s.typos.map((f) => f.ruleId)).toEqual(['typo.word']);
    const alone = typoStageFindings(s.built.model, answerTypos({ blocks: typoBlockBatches(s.built.model).flat() }));
    expect(alone.map((f) => [f.ruleId, f.category, f.severity, f.suggestion])).toEqual([
      ['expression.leader-name', 'expression', 'veto', '何立峰'],
      ['typo.word', 'typo', 'hint', '申请'],
    ]);
  });

  it('drops answers that do not fit the page (unknown kind, offsets out of range or not holding the word)', () => {
    const text = '希望大家再接再励。';
    const good = { start: 4, end: 8, wrong: '再接再励', right: '再接再厉', kind: 'typo.idiom' as const, severity: 'deduct' as const, evidence: '' };
    expect(typoStageFindings({ text }, [good])).toHaveLength(1);
    expect(typoStageFindings({ text }, [{ ...good, start: 3, end: 7 }])).toEqual([]);
    expect(typoStageFindings({ text }, [{ ...good, end: 99 }])).toEqual([]);
    expect(typoStageFindings({ text }, [{ ...good, kind: 'typo.other' as never }])).toEqual([]);
    expect(typoStageFindings({ text }, [{ ...good, severity: 'veto' }])).toEqual([]); // undeclared severity
  });

  it('a background that does not answer leaves a note, not a failed scan', async () => {
    const s = await scan(page('<p>市人民检檫院依法提起公诉。</p>'), undefined, {
      detectTypos: async () => {
        throw new Error('Could not establish connection');
      },
    });
    expect(s.typos).toEqual([]);
    expect(s.report.notes.some((n) => n.includes('错别字检查'))).toBe(true);
  });
});

describe('background: detectTypos message', () => {
  let bg: Awaited<ReturnType<typeof startBackground>> | undefined;
  afterEach(() => bg?.close());

  it('answers with offsets in the page text, and ignores malformed blocks', async () => {
    bg = await startBackground();
    (await import('../../../entrypoints/background/typos')).registerTyposHandlers();
    const r = await bg.send('detectTypos', { blocks: [{ text: '市人民检檫院依法提起公诉。', start: 50 }] });
    expect(r).toMatchObject([{ start: 53, end: 55, wrong: '检檫', right: '检察', kind: 'typo.word' }]);
    expect(await bg.send('detectTypos', { blocks: [{ text: 42, start: 0 }, { text: '市人民检檫院', start: -1 }] } as never)).toEqual([]);
    expect(await bg.send('detectTypos', 'text' as never)).toEqual([]);
  });
});
