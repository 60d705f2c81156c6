/**
 * The 'links' stage: the page's targets (links and images, each URL once), the checker's results
 * as links.dead / links.suspect findings (evidence = URL, message = status or error, at the link's
 * element), nothing for working or unanswered links, and the side panel's 首页 / 其他页面 counts.
 */
import { describe, expect, it } from 'vitest';
import { modelFromHtml } from '../../helpers/load-page';
import { linkCheckStage } from '../../../lib/pipeline/stages';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { linkCheckFindings, linkCheckTargets } from '../../../lib/rules/links-check';
import { linkCounts } from '../../../entrypoints/sidepanel/LinksPanel';
import type { LinkResult } from '../../../lib/links/types';
import type { Finding } from '../../../lib/types';

const PAGE = 'https://www.example.gov.cn/art/2024/1/1/art_1_1.html';
const HTML = `<html><head><title>测试</title></head><body>
  <p><a href="/news/ok.html">要闻</a> <a href="/news/gone.html">旧通知</a> <a href="/news/gone.html">旧通知（重复）</a>
  <a href="/files/plan.pdf">工作方案</a> <a href="/news/forbidden.html">内部</a> <a href="javascript:void(0)">打印</a>
  <img src="/img/missing.png" alt="宣传图" width="10" height="10"></p></body></html>`;

function result(url: string, verdict: LinkResult['verdict'], reason: LinkResult['reason'], status?: number): LinkResult {
  return { url, verdict, reason, status, redirects: 0, method: 'GET', recheck: verdict === 'suspect', message: '检查说明', checkedAt: 1, ms: 1 };
}
const U = (p: string) => new URL(p, PAGE).href;

describe('the links stage', () => {
  const { model } = modelFromHtml(HTML, PAGE);

  it('lists each http(s) URL once with its kind', () => {
    const t = linkCheckTargets(model);
    expect(t.map((x) => [new URL(x.url).pathname, x.kind])).toEqual([
      ['/news/ok.html', 'link'],
      ['/news/gone.html', 'link'],
      ['/files/plan.pdf', 'attachment'],
      ['/news/forbidden.html', 'link'],
      ['/img/missing.png', 'image'],
    ]);
    expect(t[1]!.element).toBe(model.links.find((l) => l.href.endsWith('/news/gone.html'))!.element);
  });

  it('turns dead and doubtful results into findings; ok and unanswered give none', async () => {
    const answers = [
      result(U('/news/ok.html'), 'ok', 'ok', 200),
      result(U('/news/gone.html'), 'dead', 'not-found', 404),
      result(U('/files/plan.pdf'), 'dead', 'file-error-page', 200),
      result(U('/news/forbidden.html'), 'suspect', 'blocked', 403),
      // the image was not answered (no permission for its host): no finding
    ];
    const asked: string[] = [];
    const f = await linkCheckStage.run(model, [], {
      checkLinks: (targets) => {
        asked.push(...targets.map((t) => t.url));
        return answers;
      },
    }, DEFAULT_SETTINGS);
    expect(asked).toHaveLength(5);
    expect(f.map((x) => [x.ruleId, x.severity, x.evidence, x.message])).toEqual([
      ['links.dead', 'deduct', U('/news/gone.html'), '链接无法访问（HTTP 404）：“旧通知”'],
      ['links.dead', 'deduct', U('/files/plan.pdf'), '附件返回了错误网页：“工作方案”'],
      ['links.suspect', 'hint', U('/news/forbidden.html'), '链接拒绝程序访问（HTTP 403），待人工复核：“内部”'],
    ]);
    expect(f[0]!.element).toBe(linkCheckTargets(model)[1]!.element);
    expect(f.every((x) => x.suggestion)).toBe(true);
  });

  it('is skipped without a background that checks links', async () => {
    expect(await linkCheckStage.run(model, [], {}, DEFAULT_SETTINGS)).toEqual([]);
    expect(linkCheckFindings(linkCheckTargets(model), [])).toEqual([]);
  });
});

describe('side panel counts', () => {
  const f = (url: string, evidence: string, ruleId = 'links.dead', status: Finding['status'] = 'open') => ({ url, evidence, ruleId, status }) as Finding;
  it('counts a dead URL once, on the home page when it is linked there, and leaves dismissed ones out', () => {
    const home = 'https://www.example.gov.cn/';
    expect(
      linkCounts(
        [
          f('https://www.example.gov.cn/', 'https://www.example.gov.cn/a'),
          f('https://www.example.gov.cn/col/1.html', 'https://www.example.gov.cn/a'),
          f('https://www.example.gov.cn/col/1.html', 'https://www.example.gov.cn/b'),
          f('https://www.example.gov.cn/col/2.html', 'https://www.example.gov.cn/c', 'links.dead', 'dismissed'),
          f('https://www.example.gov.cn/col/2.html', 'https://www.example.gov.cn/d', 'links.suspect'),
        ],
        home,
      ),
    ).toEqual({ home: 1, other: 1, suspect: 1 });
  });
});
