/**
 * A synthetic, realistic ~2 MB government article page for the bench: CMS-style markup with a
 * header and navigation, a long article of Chinese paragraphs (with a few known typos from the
 * dictionary, so rules have something to find), dated news lists, a sidebar, and a standard
 * footer (主办单位, 网站标识码, ICP/公网安备, 党政机关标识, 找错 script). Deterministic (seeded).
 */
import typos from '../../lib/data/typos.json';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '深入贯彻落实党中央、国务院决策部署', '坚持以人民为中心的发展思想', '全面推进乡村振兴', '持续优化营商环境',
  '加快建设现代化产业体系', '扎实做好民生保障工作', '统筹发展和安全', '着力提升政务服务效能',
  '推动高质量发展取得新成效', '切实加强生态环境保护', '进一步压实安全生产责任', '不断完善基层治理体系',
  '加强和改进新时代宣传思想工作', '稳步推进城市更新行动', '深化“放管服”改革', '推动“一网通办”提质增效',
  '健全防止返贫动态监测和帮扶机制', '加大重点项目建设推进力度', '巩固拓展脱贫攻坚成果', '促进农民持续增收',
  '抓好森林防灭火工作', '提升公共卫生服务水平', '推进义务教育优质均衡发展', '做好高校毕业生就业工作',
  '加强耕地保护和粮食安全', '落实河湖长制', '推进数字政府建设', '规范行政执法行为', '加强政府信息公开',
  '提高财政资金使用效益', '做好防汛抗旱各项准备', '推动文化和旅游深度融合', '强化食品药品安全监管',
  '完善社会救助体系', '持续开展爱国卫生运动', '认真组织开展专项整治', '加快补齐基础设施短板',
  '各乡镇（街道）、县直各单位', '会议要求', '会议强调', '据了解', '截至目前', '下一步',
  '市委常委、常务副市长出席会议并讲话', '全市共完成固定资产投资', '同比增长百分之八点六',
  '群众满意度进一步提升', '各项工作有序推进', '形成了一批可复制可推广的经验做法',
];

const TITLES = [
  '关于开展2024年度安全生产大检查的通知', '市政府召开常务会议研究部署近期重点工作', '我市召开优化营商环境工作推进会',
  '关于公布第二批市级非物质文化遗产代表性项目名录的公告', '县委理论学习中心组举行专题学习', '全市防汛工作视频调度会召开',
  '关于做好2024年春季农业生产工作的通知', '市长主持召开专题会议调度重点项目建设', '我县举办乡村振兴主题培训班',
  '关于征求《城市管理条例（草案）》意见的公告', '政府信息公开工作年度报告', '市场监管局开展食品安全专项检查',
];

const UNITS = ['市发展改革委', '市财政局', '市教育局', '市卫生健康委', '市农业农村局', '市生态环境局', '市住房城乡建设局', '市应急管理局'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface GeneratedPage {
  html: string;
  bytes: number;
}

/** Builds the page; keeps adding article sections until it reaches `targetBytes` (UTF-8). */
export function generateGovPage(targetBytes = 2 * 1024 * 1024, seed = 20240512): GeneratedPage {
  const r = rng(seed);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const date = () => `20${pad(18 + Math.floor(r() * 7))}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  const typoSentences = (typos as { fires: string[] }[]).map((t) => t.fires[0]!).filter(Boolean);
  let paraNo = 0;
  const sentence = () => {
    const n = 2 + Math.floor(r() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(pick(PHRASES));
    return parts.join('，') + '。';
  };
  const paragraph = () => {
    paraNo++;
    const n = 3 + Math.floor(r() * 5);
    const s: string[] = [];
    for (let i = 0; i < n; i++) s.push(sentence());
    // a known typo in about one paragraph of 150
    if (paraNo % 150 === 0) s.splice(1, 0, pick(typoSentences));
    const body = s.join('');
    const style = r() < 0.5 ? ' style="text-indent:2em;line-height:2;"' : '';
    return r() < 0.3
      ? `<p${style}><span style="font-family:仿宋_GB2312;font-size:16pt;">${body}</span></p>`
      : `<p${style}>${body}</p>`;
  };
  const newsList = (title: string, n: number) => {
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      const d = date();
      const id = 100000 + Math.floor(r() * 900000);
      items.push(
        `<li><a href="/art/${d.replace(/-/g, '/')}/art_${1000 + (id % 9000)}_${id}.html" target="_blank" title="${pick(TITLES)}">${pick(TITLES)}</a><span class="date">${d}</span></li>`,
      );
    }
    return `<div class="list-box"><div class="list-title"><h3>${title}</h3><a href="/col/more.html" class="more">更多&gt;&gt;</a></div><ul class="news-list">\n${items.join('\n')}\n</ul></div>`;
  };
  const table = () => {
    const rows: string[] = ['<tr><th>序号</th><th>单位</th><th>项目名称</th><th>完成时间</th><th>备注</th></tr>'];
    for (let i = 1; i <= 12; i++) rows.push(`<tr><td>${i}</td><td>${pick(UNITS)}</td><td>${pick(PHRASES)}</td><td>${date()}</td><td>已完成</td></tr>`);
    return `<table class="data-table" border="1" cellspacing="0" cellpadding="4"><tbody>${rows.join('')}</tbody></table>`;
  };

  const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进本市', '专题专栏', '新闻中心', '政策文件', '政策解读', '数据发布']
    .map((t, i) => `<li><a href="/col/col${100 + i}/index.html">${t}</a></li>`)
    .join('');
  const head = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${TITLES[1]}_宜春市人民政府</title>
<meta name="SiteName" content="宜春市人民政府">
<meta name="SiteDomain" content="www.yichun.gov.cn">
<meta name="SiteIDCode" content="3609000001">
<meta name="ColumnName" content="政务要闻">
<meta name="ColumnType" content="政务要闻">
<meta name="ArticleTitle" content="${TITLES[1]}">
<meta name="PubDate" content="2024-05-12 09:30">
<meta name="ContentSource" content="宜春市人民政府办公室">
<meta name="Keywords" content="常务会议,重点工作">
<meta name="Description" content="${TITLES[1]}">
<style>body{font:14px/1.8 "Microsoft YaHei",sans-serif;margin:0}.wrap{width:1200px;margin:0 auto}.news-list li{display:flex;justify-content:space-between}.date{color:#999}#footer{background:#f4f4f4;padding:20px;text-align:center}</style>
<script>var _hmt = _hmt || []; window.siteConfig = { siteId: 1, columnId: 123 };</script>
</head><body>
<div class="top-bar"><div class="wrap"><span>今天是：<span id="today">2024年05月12日</span></span><a href="/col/wza.html">无障碍</a> | <a href="/col/zhjt.html">繁體</a> | <a href="/m/">手机版</a></div></div>
<div class="header"><div class="wrap"><a href="/" class="logo"><img src="/images/logo.png" alt="宜春市人民政府"></a>
<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul class="wrap">${nav}</ul></div>
<div class="wrap main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col108/index.html">新闻中心</a> &gt; <a href="/col/col109/index.html">政务要闻</a></div>
<div class="article"><h1 class="article-title">${TITLES[1]}</h1>
<div class="article-info"><span>发布时间：2024-05-12 09:30</span><span>来源：宜春市人民政府办公室</span><span>浏览次数：<span id="views">1234</span></span>
<span class="font">字号：[<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>]</span></div>
<div class="article-content" id="zoom">
`;
  const footer = `</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div></div>
<div id="footer" class="footer"><div class="wrap">
<div class="footer-links"><a href="/col/wzdt.html">网站地图</a> | <a href="/col/lxwm.html">联系我们</a> | <a href="/col/mzsm.html">免责声明</a> | <a href="/col/sybz.html">使用帮助</a></div>
<p>主办单位：宜春市人民政府办公室　承办：宜春市大数据中心</p>
<p>地址：江西省宜春市宜阳大道1号　邮编：336000　联系电话：0795-3999123</p>
<p>网站标识码：3609000001　<a href="https://beian.miit.gov.cn/" target="_blank">赣ICP备05004123号</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36090202000123" target="_blank"><img src="/images/ga.png" alt="">赣公网安备 36090202000123号</a></p>
<p>版权所有：宜春市人民政府　建议使用1366×768分辨率浏览</p>
<div class="marks"><span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C3D4E5F" target="_blank"><img src="/images/red.png" alt="党政机关"></a></span>
<script id="_jiucuo_" sitecode="3609000001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></div>
</div></div>
</body></html>
`;
  const enc = new TextEncoder();
  const fixed = enc.encode(head).length + enc.encode(footer).length;
  const body: string[] = [];
  let bytes = fixed;
  let section = 0;
  while (bytes < targetBytes) {
    section++;
    const chunk: string[] = [`<h2>${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][section % 10]}、${pick(PHRASES)}</h2>`];
    for (let i = 0; i < 12; i++) chunk.push(paragraph());
    if (section % 3 === 0) chunk.push(table());
    if (section % 2 === 0) chunk.push(`<ul class="points">${Array.from({ length: 6 }, () => `<li>${sentence()}（${date()}）</li>`).join('')}</ul>`);
    if (section % 4 === 0) chunk.push(newsList(pick(['相关新闻', '政策解读', '通知公告', '部门动态']), 30));
    const s = chunk.join('\n') + '\n';
    body.push(s);
    bytes += enc.encode(s).length;
  }
  const html = head + body.join('') + footer;
  return { html, bytes: enc.encode(html).length };
}
