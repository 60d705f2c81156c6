/**
 * indicator.* — checks of a site's home page that need requests of their own (站内搜索 submits the
 * search form, HTTPS asks the https:// address), so the background runs them over a fetched home
 * page (lib/indicators: the 检查首页指标 button and a watch's first probe), not the page scan.
 * Their definitions live here like every rule's; the page check finds nothing by itself.
 */
import { defineRule, type DefinedRule, type RuleDefinition } from './define';

/** A home page of the examples: a headline list, optional extra blocks. */
const home = (extra: string, url = 'http://www.example.gov.cn/') => ({
  url,
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例市人民政府</title></head><body>
<div class="news"><a href="/art/2026/11/20/art_1_1.html">示例市召开冬季安全生产工作部署会</a></div>${extra}</body></html>`,
});
const SEARCH = '<form action="/search" method="get"><input type="text" name="q" placeholder="请输入搜索内容"><button>搜索</button></form>';
const REPORT = '<a href="/zwgk/ndbb/2025.html">示例市人民政府网站2025年度政府网站工作年度报表</a>';

const GUIDE = (what: string) => ({ kind: 'outside' as const, note: `《政府网站发展指引》（国办发〔2017〕47号）：${what}` });

const indicatorRule = (def: Omit<RuleDefinition, 'family' | 'severities' | 'check' | 'stage' | 'weight'>) =>
  defineRule({ ...def, family: 'indicators', severities: ['hint'], weight: { points: 1, cap: 1 }, stage: 'home-indicators', check: () => [] });

export const indicatorRules: DefinedRule[] = [
  indicatorRule({
    id: 'indicator.search',
    title: '站内搜索不可用',
    category: 'service',
    indicator: GUIDE('首页提供站内搜索，能检索到本站发布的信息'),
    examples: { fires: [home(REPORT)], silent: [home(SEARCH + REPORT)] },
  }),
  indicatorRule({
    id: 'indicator.annual-report',
    title: '首页未公开年度报表',
    category: 'service',
    indicator: GUIDE('每年 1 月 31 日前在首页公开上一年度政府网站工作年度报表'),
    examples: { fires: [home(SEARCH)], silent: [home(SEARCH + REPORT)] },
  }),
  indicatorRule({
    id: 'indicator.https',
    title: '网站未启用 HTTPS',
    category: 'security',
    indicator: GUIDE('网站应支持 HTTPS 安全访问'),
    examples: { fires: [home(SEARCH + REPORT)], silent: [home(SEARCH + REPORT, 'https://www.example.gov.cn/')] },
  }),
];
