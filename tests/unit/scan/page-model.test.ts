// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { modelFromHtml, parseHtml, realPage } from '../../helpers/load-page';
import { buildPageModel, buildPageModelChunked } from '../../../lib/scan/page-model';
import { nodeAt } from '../../../lib/scan/text-index';
import { toFindings, quoteFor } from '../../../lib/pipeline/report';
import { runRules } from '../../../lib/rules/run';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Rule } from '../../../lib/types';

describe('page model: flattened text', () => {
  it('joins inline elements and separates blocks, so words never join across blocks', () => {
    const { model } = modelFromHtml('<body><p>向革命烈<b>土</b>敬献</p><div>花篮</div><p>剧烈</p><p>土壤</p></body>');
    expect(model.text).toContain('向革命烈土敬献');
    expect(model.text).not.toContain('敬献花篮');
    expect(model.text).not.toContain('剧烈土壤');
  });

  it('leaves out scripts, styles, hidden elements and skipped hosts, but records scripts', () => {
    const doc = parseHtml(
      '<body><script id="_jiucuo_" sitecode="3609990001" src="https://x/jiucuo.js"></script><style>p{}</style><p hidden>隐藏</p><p>可见</p><govcheck-overlay>自己</govcheck-overlay></body>',
      'https://www.a.gov.cn/',
    );
    const { model } = buildPageModel(doc, { today: '2026-11-23', url: 'https://www.a.gov.cn/', skipElement: (el) => el.tagName.toLowerCase() === 'govcheck-overlay' });
    expect(model.text.trim()).toBe('可见');
    expect(model.scripts[0]).toMatchObject({ id: '_jiucuo_', src: 'https://x/jiucuo.js', attrs: { sitecode: '3609990001' } });
  });

  it('maps text offsets back to the DOM nodes', () => {
    const doc = parseHtml('<body><p>甲乙<span>丙丁</span></p><p>戊</p></body>', 'https://www.a.gov.cn/x.html');
    const built = buildPageModel(doc, { today: '2026-11-23' });
    const i = built.model.text.indexOf('乙丙');
    const a = nodeAt(built.index, i);
    const b = nodeAt(built.index, i + 1);
    expect([built.index.nodes[a]!.data, i - built.index.starts[a]!]).toEqual(['甲乙', 1]);
    expect([built.index.nodes[b]!.data, i + 1 - built.index.starts[b]!]).toEqual(['丙丁', 0]);
    // (DOM Ranges from these offsets are checked in real Chromium by the e2e tests)
    expect(nodeAt(built.index, built.model.text.indexOf('\n', 1))).toBe(-1);
  });

  it('resolves links against the page and marks the ones in the footer', () => {
    const { model } = modelFromHtml(
      '<body><div class="main"><a href="/a.html">正文链接</a><p>正文</p></div><div class="footer"><a href="sitemap.html">网站地图</a> 网站标识码：3609990001</div></body>',
      'https://www.a.gov.cn/dir/page.html',
    );
    expect(model.links.map((l) => [l.href, l.inFooter])).toEqual([
      ['https://www.a.gov.cn/a.html', false],
      ['https://www.a.gov.cn/dir/sitemap.html', true],
    ]);
    expect(model.footer?.text).toContain('网站标识码');
  });

  it('stops at the size limit with a note instead of failing', () => {
    const big = '<body>' + '<p>'.concat('字'.repeat(1000), '</p>').repeat(5000) + '</body>';
    const { model } = modelFromHtml(big);
    expect(model.text.length).toBeLessThanOrEqual(4_000_000);
    expect(model.notes.join('')).toContain('只检查了前面部分');
  });

  it('handles documents without a body and framesets', () => {
    expect(modelFromHtml('<title>t</title>烈土').model.text).toContain('烈土');
    const fs = modelFromHtml('<html><head><title>f</title></head><frameset cols="50%,50%"><frame src="a.html"></frameset></html>');
    expect(fs.model.notes.join('')).toContain('框架');
    expect(modelFromHtml('<body><p>正文</p><div hidden><iframe src="/x.html"></iframe></div></body>').model.notes).toEqual(['页面含内嵌框架（iframe），其内容未检查。']);
    expect(modelFromHtml('<body><p>正文</p></body>').model.notes).toEqual([]);
  });

  it('gives the same model when built in slices', async () => {
    const html = '<body>' + '<div><p>段落<a href="/x">链接</a></p><span>2026-11-18</span></div>'.repeat(3000) + '<div class="footer">网站标识码：3609990001</div></body>';
    const doc = parseHtml(html, 'https://www.a.gov.cn/list/');
    const whole = buildPageModel(doc, { today: '2026-11-23' });
    let yields = 0;
    let t = 0;
    const sliced = await buildPageModelChunked(doc, { today: '2026-11-23' }, async () => void yields++, () => (t += 1));
    expect(yields).toBeGreaterThan(1);
    expect(sliced.model.text).toBe(whole.model.text);
    expect(sliced.model.links.length).toBe(whole.model.links.length);
    expect(sliced.model.footer).toEqual(whole.model.footer);
  });
});

describe('page model on real pages', () => {
  it('finds the footer region of a real page and its publish date', () => {
    const { model } = realPage('yichun-bulletin-2022.html', 'www.yichun.gov.cn');
    expect(model.footer!.text).toContain('3609000002');
    expect(model.footer!.text).toContain('赣ICP备06000141号');
    expect(model.pubDate).toBe('2023-04-18'); // the shown 发文日期, not the PubDate meta's generation time
    expect(model.metaPubDate).toBe('2023-05-16');
  });
});

describe('findings from rule results', () => {
  const rule: Rule = {
    id: 'test.rule',
    title: 't',
    category: 'typo',
    severity: 'deduct',
    check: (p) => [...p.text.matchAll(/烈土/g)].map((m) => ({ ruleId: 'test.rule', severity: 'deduct', category: 'typo', message: 'm', evidence: '烈土', start: m.index!, end: m.index! + 2 })),
  };

  it('gives each occurrence its own stable id, and a quote to find it again', () => {
    const { model } = modelFromHtml('<body><p>烈土一</p><p>烈土二</p></body>', 'https://www.a.gov.cn/p.html#top');
    const a = toFindings(model, runRules(model, DEFAULT_SETTINGS, [rule]).findings);
    const b = toFindings(model, runRules(model, DEFAULT_SETTINGS, [rule]).findings);
    expect(a).toHaveLength(2);
    expect(a[0]!.finding.id).not.toBe(a[1]!.finding.id);
    expect(a.map((x) => x.finding.id)).toEqual(b.map((x) => x.finding.id));
    expect(a[0]!.finding.url).toBe('https://www.a.gov.cn/p.html');
    expect(a[1]!.finding.quote).toEqual(quoteFor(model.text, model.text.lastIndexOf('烈土'), model.text.lastIndexOf('烈土') + 2));
    expect(a[1]!.finding.quote!.suffix.startsWith('二')).toBe(true);
  });

  it('keeps paint-only date results out of the stored findings, and survives a throwing rule', () => {
    const { model } = modelFromHtml('<body><p>发布时间：2026-11-18</p></body>');
    const bad: Rule = { ...rule, id: 'bad', check: () => { throw new Error('boom'); } };
    const { findings, errors } = runRules(model, DEFAULT_SETTINGS);
    expect(findings.some((f) => f.ruleId === 'date.age')).toBe(true);
    expect(toFindings(model, findings).some((f) => f.finding.ruleId === 'date.age')).toBe(false);
    expect(runRules(model, DEFAULT_SETTINGS, [bad, rule]).errors).toEqual([{ ruleId: 'bad', error: 'boom' }]);
    expect(errors).toEqual([]);
  });
});
