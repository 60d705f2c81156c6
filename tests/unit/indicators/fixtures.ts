/** Loopback fixture home pages for the 首页指标 checks (a county site's home page, cut to what the checks read). */
export const HEADLINE = '我县召开2026年冬季安全生产工作会议';

export function homePage(parts: { search?: string; annual?: string; charset?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="${parts.charset ?? 'utf-8'}"><title>示范县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">政府信息公开</a><a href="/zwfw/">政务服务</a></div>
${parts.search ?? ''}
<div class="news"><ul>
<li><a href="/art/2026/12/1/art_1_123.html">${HEADLINE}</a><span>2026-12-01</span></li>
<li><a href="/art/2026/11/28/art_1_122.html">县政府常务会议研究部署今冬明春重点工作</a><span>2026-11-28</span></li>
</ul></div>
${parts.annual ?? ''}
<div class="footer">主办：示范县人民政府办公室 网站标识码：3609990001</div>
</body></html>`;
}

export const GET_FORM = `<form action="/search" method="get" class="search"><input type="hidden" name="siteid" value="12"><input type="text" name="q" placeholder="请输入关键字"><input type="submit" value="搜索"></form>`;
export const POST_FORM = `<form action="/search.do" method="post"><input type="text" name="keyword" placeholder="站内搜索"><button>搜索</button></form>`;
export const LOGIN_FORM = `<form action="/login" method="post"><input type="text" name="user"><input type="password" name="pw"></form>`;

/** A result page: the query echoed in text, and result links only when `found`. */
export function resultPage(query: string, found: string[]): string {
  return `<html><head><meta charset="utf-8"><title>搜索结果</title></head><body><input name="q" value="${query}"><p>您搜索的“${query}”共找到 ${found.length} 条结果</p>
<ul>${found.map((t, i) => `<li><a href="/art/${i}.html"><em>${t.slice(0, 4)}</em>${t.slice(4)}</a></li>`).join('')}</ul></body></html>`;
}
