import { it } from 'vitest';
import { realPage } from '../../helpers/load-page';
import { footerRules } from '../../../lib/rules/footer';
import { metaRules } from '../../../lib/rules/meta';
import type { Settings } from '../../../lib/types';
const S: Settings = { freshDays: 30, staleDays: 365, paintDates: false, inspector: '', today: '2026-11-23' };
const pages: [string, string][] = [
  ['govcn-gazette-2007.html', 'www.gov.cn'], ['shanxi-news-2019.html', 'www.shanxi.gov.cn'], ['zjdpc-news-2016.html', 'www.zjdpc.gov.cn'],
  ['cmse-news-2012.html', 'www.cmse.gov.cn'], ['wanzai-bulletin-2015.html', 'www.wanzai.gov.cn'], ['wanzai-bulletin-2022.html', 'www.wanzai.gov.cn'],
  ['yichun-bulletin-2022.html', 'www.yichun.gov.cn'], ['yichun-jiangxi-bulletin-2022.html', 'www.yichun.gov.cn'], ['kepu-news-2023.html', 'www.kepu.gov.cn'],
];
it('dump', () => {
  for (const [f, h] of pages) {
    const { model } = realPage(f, h);
    const fs = [...footerRules, ...metaRules].flatMap((r) => r.check(model, S));
    console.log(f, model.pageType, model.pubDate, JSON.stringify(model.dates.filter(d=>d.label).slice(0,3).map(d=>[d.label,d.date,d.inFooter])), '\n  ' + fs.map((x) => `${x.ruleId} [${x.severity}] ${x.message} | ${x.evidence.slice(0, 60)}`).join('\n  '));
  }
});
