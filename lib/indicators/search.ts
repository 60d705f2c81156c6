/**
 * 站内搜索: the home page has a search box, and searching one of its own recent headlines finds it.
 * Only GET forms are submitted (one request, time-boxed); a POST form or a script-driven box
 * only counts as present. Found = a link on the result page carries the headline (an echo of
 * the query in "您搜索的…" text is not a result).
 */
import cfg from '../data/indicators.json';
import { fetchPage } from '../crawl/fetch';
import { homeFacts, type FormFacts, type FormField, type HomeFacts } from './home-facts';
import type { IndicatorOutcome, IndicatorProblem } from './types';

const S = cfg.search;
const TEXT_TYPES = new Set(['text', 'search', '']);
const hasHint = (s: string) => S.inputHints.some((h) => s.toLowerCase().includes(h.toLowerCase()));
const isQueryName = (n: string) => S.queryNames.some((q) => q.toLowerCase() === n.toLowerCase());
const tight = (s: string) => s.replace(/\s+/g, '');

export type SearchBox =
  | { kind: 'form'; form: FormFacts; field: FormField }
  | { kind: 'post'; form: FormFacts }
  | { kind: 'input' }
  | { kind: 'link'; href: string };

/** The home page's search box: a form with one text field that looks like search, else a loose input or a 搜索 link. */
export function findSearchBox(facts: HomeFacts, baseUrl: string): SearchBox | null {
  for (const form of facts.forms) {
    if (form.fields.some((f) => f.type === 'password')) continue; // a login form
    const texts = form.fields.filter((f) => TEXT_TYPES.has(f.type));
    if (!texts.length) continue;
    const field = texts.find((f) => isQueryName(f.name) || hasHint(f.placeholder)) ?? (hasHint(form.hints) && texts.length === 1 ? texts[0] : undefined);
    if (!field) continue;
    if (form.method === 'post') return { kind: 'post', form };
    if (field.name) return { kind: 'form', form, field };
    return { kind: 'input' };
  }
  if (facts.looseInputs.some((f) => TEXT_TYPES.has(f.type) && (hasHint(f.placeholder) || isQueryName(f.name)))) return { kind: 'input' };
  for (const l of facts.links) {
    const text = tight(l.text);
    const href = l.href.toLowerCase();
    if (S.linkWords.some((w) => text === w || text.startsWith(w)) || (!href.startsWith('javascript') && S.linkUrlWords.some((w) => href.includes(w)))) {
      try {
        return { kind: 'link', href: new URL(l.href, baseUrl).href };
      } catch {
        /* a broken href: keep looking */
      }
    }
  }
  return null;
}

const CJK = /[\u4e00-\u9fff]/g;
const ARTICLE_URL = S.headline.articleUrlPatterns.map((p) => new RegExp(p, 'i'));
const COLUMN_URL = S.headline.columnUrlPatterns.map((p) => new RegExp(p, 'i'));
/** An article's address, not a column's (a nav item like 战略规划和区域发展 is no headline). */
const isArticleUrl = (u: URL) => !COLUMN_URL.some((r) => r.test(u.pathname)) && ARTICLE_URL.some((r) => r.test(u.pathname + u.search));

/** A recent headline of the home page: the first same-site article link whose text reads like a title. */
export function pickHeadline(facts: HomeFacts, baseUrl: string): string | null {
  const host = new URL(baseUrl).host;
  for (const l of facts.links) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    const cjk = text.match(CJK)?.length ?? 0;
    if (cjk < S.headline.minChars || text.length > S.headline.maxChars) continue;
    if (/[.…]{2,}|…$/.test(text)) continue; // a cut title: its full text is unknown
    if (S.navWords.some((w) => text === w)) continue;
    let u: URL;
    try {
      u = new URL(l.href, baseUrl);
    } catch {
      continue;
    }
    if (u.host !== host || !/^https?:$/.test(u.protocol) || !isArticleUrl(u)) continue;
    return text;
  }
  return null;
}

/** The GET request the form would send with `query` in its search field. */
export function searchUrl(box: Extract<SearchBox, { kind: 'form' }>, baseUrl: string, query: string): string {
  const u = new URL(box.form.action || baseUrl, baseUrl);
  const params = new URLSearchParams();
  for (const f of box.form.fields) {
    if (!f.name || ['submit', 'button', 'image', 'reset', 'checkbox', 'radio', 'file', 'password'].includes(f.type)) continue;
    params.append(f.name, f === box.field ? query : f.value);
  }
  u.search = params.toString();
  u.hash = '';
  return u.href;
}

/** Whether a result page lists the headline: a link's text holds it (or its cut start). */
export function resultListsHeadline(html: string, headline: string): boolean {
  const want = tight(headline);
  return homeFacts(html).links.some((l) => {
    const t = tight(l.text);
    if (t.includes(want)) return true;
    const cut = t.replace(/(\.{2,}|…+)$/, '');
    return cut !== t && cut.length >= S.headline.minChars && want.startsWith(cut);
  });
}

const problem = (message: string, evidence: string): IndicatorProblem => ({ ruleId: 'indicator.search', category: 'service', message, evidence, suggestion: S.suggestion });

export interface SearchCheckOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export async function checkSearch(facts: HomeFacts, homeUrl: string, opts: SearchCheckOptions = {}): Promise<IndicatorOutcome> {
  const box = findSearchBox(facts, homeUrl);
  if (!box) return { problem: problem(S.messages.noBox, '首页无站内搜索'), note: '站内搜索：首页未发现搜索框。' };
  if (box.kind !== 'form') return { problem: null, note: `站内搜索：首页有搜索${box.kind === 'link' ? '入口' : '框'}（${box.kind === 'post' ? 'POST 表单' : box.kind === 'link' ? '链接' : '脚本驱动'}，未自动检索）。` };
  // a GBK page's search expects GBK-encoded words; the browser's fetch would send UTF-8
  if (facts.charset && !/^utf-?8$/.test(facts.charset)) return { problem: null, note: `站内搜索：首页有搜索框（页面编码 ${facts.charset}，未自动检索）。` };
  const headline = pickHeadline(facts, homeUrl);
  if (!headline) return { problem: null, note: '站内搜索：首页有搜索框（未找到可用于检索的标题）。' };
  const url = searchUrl(box, homeUrl, headline);
  const res = await fetchPage(url, { homeUrl: url, timeoutMs: opts.timeoutMs ?? cfg.timeoutMs, maxBytes: cfg.maxBytes, fetchImpl: opts.fetchImpl });
  if (res.kind !== 'html') {
    const error = res.kind === 'error' ? res.message : res.kind === 'offsite' ? `跳转到 ${res.to}` : `返回 ${res.contentType}`;
    return { problem: problem(S.messages.failed.replace('{error}', error), `检索“${headline}”`), note: `站内搜索：请求失败（${error}）。` };
  }
  if (resultListsHeadline(res.html, headline)) return { problem: null, note: `站内搜索：检索“${headline}”找到了该信息。` };
  return { problem: problem(S.messages.notFound.replace('{headline}', headline), `检索“${headline}”无结果`), note: `站内搜索：检索“${headline}”未找到。` };
}
