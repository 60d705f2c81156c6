/**
 * service.guide-elements — a 办事指南 page that lacks key elements (docs/RULES.md): one finding per
 * page listing what is missing.
 */
import { defineRule, type DefinedRule } from './define';
import { analyse } from '../timeliness/analyse';
import { checkGuide } from '../timeliness/guide';

/** A 办事指南 page of the examples with the given element rows. */
const guidePage = (rows: [string, string][]) => ({
  url: 'https://www.example.gov.cn/zwfw/bszn/art_1.html',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>食品经营许可证核发办事指南_示例市人民政府</title></head><body>
<div class="crumb">当前位置：首页 &gt; 政务服务 &gt; 办事指南</div><h1>食品经营许可证核发办事指南</h1>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<div class="footer"><p>主办单位：示例市人民政府办公室 网站标识码：3609990002</p></div></body></html>`,
});
const GUIDE_ROWS: [string, string][] = [
  ['事项名称', '食品经营许可证核发'],
  ['设定依据', '《中华人民共和国食品安全法》第三十五条'],
  ['申请条件', '具有与经营的食品品种、数量相适应的经营场所。'],
  ['申请材料', '1. 食品经营许可申请书；2. 营业执照复印件。'],
  ['办理流程', '申请—受理—审查—决定—发证。'],
  ['办理时限', '法定时限 20 个工作日，承诺时限 10 个工作日。'],
  ['收费标准', '不收费。'],
  ['办理地点', '示例市政务服务中心一楼 12 号窗口。'],
  ['办理时间', '工作日上午 8:30—12:00，下午 14:30—17:30。'],
  ['咨询电话', '0795-6120001'],
  ['表格下载', '食品经营许可申请书（样表）'],
];

const guideElements = defineRule({
  id: 'service.guide-elements',
  family: 'service',
  title: '办事指南要素缺失',
  category: 'service',
  severities: ['deduct'],
  indicator: { kind: 'deduct', item: '办事服务情况', point: '办事指南要素的完整性、准确性（重点要素类别缺失属单项否决“服务不实用”）' },
  weight: { points: 1, cap: 10 },
  examples: { fires: [guidePage(GUIDE_ROWS.slice(0, 5).filter((r) => r[0] !== '设定依据'))], silent: [guidePage(GUIDE_ROWS)] },
  check(page, settings) {
    // a list of guides is a column, not a guide
    if (analyse(page, settings).pageType === 'column') return [];
    const g = checkGuide(page);
    if (!g.isGuide || g.missing.length === 0) return [];
    return [
      {
        message: `办事指南缺少 ${g.missing.length} 项要素：${g.missing.join('、')}`,
        evidence: `已有：${g.present.join('、')}`,
        suggestion: '按办事指南要素要求补全缺失内容',
      },
    ];
  },
});

export const serviceRules: DefinedRule[] = [guideElements];
