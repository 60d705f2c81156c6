/**
 * HTTPS: a home page served over plain http is asked again as https://same-host/. A failure, or
 * an answer from another host or back on http, means the site answers only over http.
 * A home page already on https needs no request.
 */
import cfg from '../data/indicators.json';
import { fetchPage } from '../crawl/fetch';
import type { IndicatorOutcome } from './types';

const H = cfg.https;

export async function checkHttps(homeUrl: string, opts: { fetchImpl?: typeof fetch; timeoutMs?: number } = {}): Promise<IndicatorOutcome> {
  const home = new URL(homeUrl);
  if (home.protocol === 'https:') return { problem: null, note: 'HTTPS：首页已使用 HTTPS。' };
  const target = `https://${home.hostname}/`;
  const res = await fetchPage(target, { homeUrl: target, timeoutMs: opts.timeoutMs ?? cfg.timeoutMs, maxBytes: 65_536, fetchImpl: opts.fetchImpl });
  const host = home.hostname;
  const problem = (message: string) => ({ ruleId: 'indicator.https' as const, category: 'security' as const, message, evidence: `仅支持 HTTP：${host}`, suggestion: H.suggestion });
  if (res.kind === 'offsite') return { problem: problem(H.messages.otherSite.replace('{host}', host).replace('{to}', res.to)), note: `HTTPS：跳转到其他网站 ${res.to}。` };
  if (res.kind === 'error') return { problem: problem(H.messages.unreachable.replace('{host}', host).replace('{error}', res.message)), note: `HTTPS：访问失败（${res.message}）。` };
  if (res.kind === 'html' && new URL(res.url).protocol !== 'https:') return { problem: problem(H.messages.otherSite.replace('{host}', host).replace('{to}', res.url)), note: 'HTTPS：被跳转回 HTTP。' };
  return { problem: null, note: 'HTTPS：网站可通过 HTTPS 访问。' };
}
