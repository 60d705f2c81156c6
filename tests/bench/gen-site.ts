/**
 * A small generated county site for the batch scan's test and bench: a home page whose navigation
 * links `pages - 1` pages, columns (dated lists) and, every `articleEvery`th (default 4th, 0 for none),
 * an article (the crawl skips article links: it checks columns). `identity: false`
 * leaves out 网站名称 and 网站标识码, as some real sites do (the batch list then supplies them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['工作动态', '通知公告', '政策文件', '人事信息', '规划计划', '部门动态', '公示公告', '财政信息'];
const pad = (n: number) => String(n).padStart(2, '0');

export function generateCountySite(dir: string, opts: { pages: number; name: string; code: string; identity?: boolean; today?: string; articleEvery?: number }): void {
  const identity = opts.identity ?? true;
  const today = new Date(`${opts.today ?? '2026-11-23'}T00:00:00Z`);
  const every = opts.articleEvery ?? 4;
  const links = Array.from({ length: opts.pages - 1 }, (_, i) => ({ i, article: every > 0 && i % every === every - 1, name: `${NAMES[i % NAMES.length]}${i}` }));
  const shell = (title: string, body: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${identity ? `${title}_${opts.name}` : ''}</title>` +
    (identity ? `<meta name="SiteName" content="${opts.name}"><meta name="SiteIDCode" content="${opts.code}">` : '') +
    `</head><body><nav class="nav"><a href="/">首页</a>${links.map((l) => `<a href="${l.article ? `/wz/t2026111${l.i % 10}_${l.i}.html` : `/col${l.i}/`}">${l.name}</a>`).join('')}</nav>` +
    `<main>${body}</main><footer class="footer">${identity ? `<p>主办单位：${opts.name}　网站标识码：${opts.code}</p>` : '<p>版权所有</p>'}</footer></body></html>`;
  const dated = (days: number) => {
    const d = new Date(today.getTime() - days * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  mkdirSync(path.join(dir, 'wz'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), shell('首页', `<ul>${[1, 2, 3].map((d) => `<li><a href="/col0/">召开第${d}次工作会议</a><span>${dated(d)}</span></li>`).join('')}</ul>`));
  for (const l of links) {
    if (l.article) {
      writeFileSync(path.join(dir, 'wz', `t2026111${l.i % 10}_${l.i}.html`), shell(l.name, `<h1>${l.name}：关于做好年度重点工作的通知</h1><div class="info">发布时间：${dated(l.i)}</div><p>各单位：现将有关事项通知如下，请认真贯彻落实。</p>`));
      continue;
    }
    mkdirSync(path.join(dir, `col${l.i}`), { recursive: true });
    const items = Array.from({ length: 8 }, (_, k) => `<li><a href="/col${l.i}/t2026${pad(10)}${pad(k + 1)}_${k}.html">${l.name}：第${k + 1}项工作进展情况</a><span>${dated(l.i * 3 + k * 5)}</span></li>`).join('');
    writeFileSync(path.join(dir, `col${l.i}`, 'index.html'), shell(l.name, `<div class="crumb">当前位置：<a href="/">首页</a> &gt; ${l.name}</div><h1>${l.name}</h1><ul class="list">${items}</ul>`));
  }
}
