// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { homeFacts } from '../../../lib/indicators/home-facts';
import { checkSearch, findSearchBox, pickHeadline } from '../../../lib/indicators/search';
import { checkAnnualReport, dueYear } from '../../../lib/indicators/annual-report';
import { checkHttps } from '../../../lib/indicators/https';
import { runHomeIndicators } from '../../../lib/indicators/index';
import { startLoopback, type Loopback } from '../watch/loopback';
import { GET_FORM, HEADLINE, LOGIN_FORM, POST_FORM, homePage, resultPage } from './fixtures';

let srv: Loopback;
let searches: string[];
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(() => srv.close());
beforeEach(() => {
  srv.pages.clear();
  searches = [];
});

/** A GET search that works: result links for every home-page headline containing the query. */
function workingSearch(headlines = [HEADLINE]) {
  srv.pages.set('/search', (u) => {
    searches.push(u.search);
    const q = u.searchParams.get('q') ?? '';
    return resultPage(q, headlines.filter((h) => q && h.includes(q)));
  });
}

describe('站内搜索', () => {
  it('a GET form whose search finds the home page headline: no problem, one polite request with the form fields', async () => {
    workingSearch();
    srv.pages.set('/', () => homePage({ search: GET_FORM }));
    const facts = homeFacts(homePage({ search: GET_FORM }));
    expect(pickHeadline(facts, srv.url)).toBe(HEADLINE);
    const out = await checkSearch(facts, srv.url);
    expect(out.problem).toBeNull();
    expect(out.note).toContain('找到了该信息');
    expect(searches).toHaveLength(1);
    expect(new URLSearchParams(searches[0]).get('siteid')).toBe('12');
    expect(new URLSearchParams(searches[0]).get('q')).toBe(HEADLINE);
  });

  it('the headline is an article link, not a column (nav) link of the same length', () => {
    const nav = '<div><a href="/col/col1620982/index.html">战略规划和区域发展处工作</a><a href="/zwgk/zcwj/">政策文件与解读专栏目录</a></div>';
    expect(pickHeadline(homeFacts(homePage({ search: nav })), srv.url)).toBe(HEADLINE);
    expect(pickHeadline(homeFacts(nav), srv.url)).toBeNull();
  });

  it('a search that finds nothing is a hint, even though the result page echoes the query', async () => {
    workingSearch([]);
    const out = await checkSearch(homeFacts(homePage({ search: GET_FORM })), srv.url);
    expect(out.problem).toMatchObject({ ruleId: 'indicator.search', category: 'service', message: `站内搜索检索首页标题“${HEADLINE}”未找到结果。` });
  });

  it('a search endpoint that fails is a hint saying so', async () => {
    // no /search route: the loopback answers 200 with the home page for every path in 'up' mode
    srv.mode = 'down';
    const out = await checkSearch(homeFacts(homePage({ search: GET_FORM })), srv.url);
    srv.mode = 'up';
    expect(out.problem?.message).toMatch(/^站内搜索请求失败（HTTP 503）/);
  });

  it('no search box: a hint; a login form is not a search box', async () => {
    for (const html of [homePage(), homePage({ search: LOGIN_FORM })]) {
      const out = await checkSearch(homeFacts(html), srv.url);
      expect(out.problem).toMatchObject({ ruleId: 'indicator.search', message: expect.stringContaining('首页未发现站内搜索') });
    }
  });

  it('a POST form, a script-driven box or a 搜索 link only count as present: no request, no problem', async () => {
    const cases = [POST_FORM, '<div id="search"><input type="text" id="searchword" placeholder="请输入搜索内容"><a href="javascript:go()">搜索</a></div>', '<a href="https://so.example.gov.cn/s?siteCode=3609990001">站内搜索</a>'];
    for (const search of cases) {
      const facts = homeFacts(homePage({ search }));
      expect(findSearchBox(facts, srv.url)?.kind).not.toBe('form');
      const out = await checkSearch(facts, srv.url);
      expect(out.problem).toBeNull();
    }
    expect(searches).toHaveLength(0);
  });

  it('a GBK home page is not searched (the query would be sent in the wrong encoding)', async () => {
    workingSearch([]);
    const out = await checkSearch(homeFacts(homePage({ search: GET_FORM, charset: 'gb2312' })), srv.url);
    expect(out.problem).toBeNull();
    expect(searches).toHaveLength(0);
  });
});

describe('年度报表', () => {
  const link = (text: string) => `<div class="bottom"><a href="/xxgk/ndbb/2026/art_9.html">${text}</a></div>`;
  it('from 1 February the previous year is due; in January the year before it', () => {
    expect(dueYear('2026-02-01')).toBe(2025);
    expect(dueYear('2026-12-03')).toBe(2025);
    expect(dueYear('2026-01-31')).toBe(2024);
  });

  it('present, absent and wrong year, with a pinned today', () => {
    const present = homeFacts(homePage({ annual: link('示范县人民政府网站2025年度工作年度报表') }));
    expect(checkAnnualReport(present, '2026-12-03').problem).toBeNull();
    expect(checkAnnualReport(homeFacts(homePage({ annual: link('二〇二五年政府网站工作年度报表') })), '2026-03-01').problem).toBeNull();
    const absent = checkAnnualReport(homeFacts(homePage()), '2026-12-03');
    expect(absent.problem).toMatchObject({ ruleId: 'indicator.annual-report', message: '首页未发现 2025 年度政府网站工作年度报表的链接。' });
    const old = checkAnnualReport(homeFacts(homePage({ annual: link('2024年度政府网站工作年度报表') })), '2026-12-03');
    expect(old.problem?.message).toBe('首页的年度报表链接为 2024 年度，未见 2025 年度政府网站工作年度报表。');
    // in January the 2024 report is still the newest one due
    expect(checkAnnualReport(homeFacts(homePage({ annual: link('2024年度政府网站工作年度报表') })), '2026-01-20').problem).toBeNull();
    // 年度报告 (政府信息公开工作年度报告) is another document
    expect(checkAnnualReport(homeFacts(homePage({ annual: link('2025年政府信息公开工作年度报告') })), '2026-12-03').problem).not.toBeNull();
  });
});

describe('HTTPS', () => {
  it('an http-only site (https request fails) is a hint; a home page on https needs no request', async () => {
    // the loopback has no TLS on 443: the https request of the same host fails
    const out = await checkHttps(srv.url);
    expect(out.problem).toMatchObject({ ruleId: 'indicator.https', category: 'security', evidence: '仅支持 HTTP：127.0.0.1', message: expect.stringContaining('以 HTTPS 访问 127.0.0.1 失败') });
    let asked = 0;
    const none = await checkHttps('https://www.nc.gov.cn/', { fetchImpl: (async () => (asked++, new Response(''))) as typeof fetch });
    expect(none.problem).toBeNull();
    expect(asked).toBe(0);
  });

  it('https answering as the same site is fine; https landing on another host is a hint', async () => {
    srv.pages.set('/', () => homePage());
    // routes https://127.0.0.1/ to the loopback and reports the URL the browser would show
    const via = (shown: (url: string) => string) =>
      (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const res = await fetch(srv.url, init);
        Object.defineProperty(res, 'url', { value: shown(url) });
        return res;
      }) as typeof fetch;
    expect((await checkHttps(srv.url, { fetchImpl: via((u) => u) })).problem).toBeNull();
    const other = await checkHttps(srv.url, { fetchImpl: via(() => 'https://hosting.example.com/default.html') });
    expect(other.problem?.message).toContain('被带到其他网站（https://hosting.example.com/default.html）');
    const back = await checkHttps(srv.url, { fetchImpl: via(() => srv.url) });
    expect(back.problem).not.toBeNull();
  });
});

describe('runHomeIndicators', () => {
  it('fetches the loopback home page and runs the three checks; an unreachable home page gives notes only', async () => {
    workingSearch();
    srv.pages.set('/', () => homePage({ search: GET_FORM }));
    const run = await runHomeIndicators(srv.url, { today: '2026-12-03', timeoutMs: 3000 });
    expect(run.title).toBe('示范县人民政府');
    expect(run.problems.map((p) => p.ruleId).sort()).toEqual(['indicator.annual-report', 'indicator.https']);
    expect(run.notes).toHaveLength(3);
    srv.mode = 'down';
    srv.pages.clear();
    const down = await runHomeIndicators(srv.url, { today: '2026-12-03', timeoutMs: 3000 });
    srv.mode = 'up';
    expect(down.problems).toEqual([]);
    expect(down.notes[0]).toMatch(/^首页无法读取/);
  });
});
