/**
 * 政府网站工作年度报表: from 1 February the home page links to the previous year's report (due
 * 31 January); before that the year before it is the newest one due. A link whose text holds
 * 年度报表 and a year counts; a link of another year only is reported as the wrong year.
 */
import cfg from '../data/indicators.json';
import type { HomeFacts } from './home-facts';
import type { IndicatorOutcome, IndicatorProblem } from './types';

const A = cfg.annualReport;
const CN_DIGITS: Record<string, string> = { '〇': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The year whose report must be on the home page on `today` (ISO date). */
export function dueYear(today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const afterDue = m > A.dueMonth || (m === A.dueMonth && d >= A.dueDay);
  return afterDue ? y - 1 : y - 2;
}

/** Years (4 digits, Arabic or 二〇二五-style) named in a text. */
export function yearsIn(text: string): number[] {
  const arabic = text.replace(/[〇零一二三四五六七八九]{4}/g, (s) => [...s].map((c) => CN_DIGITS[c]).join(''));
  return [...arabic.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}

export function checkAnnualReport(facts: HomeFacts, today: string): IndicatorOutcome {
  const year = dueYear(today);
  const reportLinks = facts.links.filter((l) => A.phrases.some((p) => l.text.includes(p)));
  const years = [...new Set(reportLinks.flatMap((l) => yearsIn(l.text)))].sort();
  if (years.includes(year)) return { problem: null, note: `年度报表：首页有 ${year} 年度报表链接。` };
  const problem = (message: string, evidence: string): IndicatorProblem => ({ ruleId: 'indicator.annual-report', category: 'service', message, evidence, suggestion: A.suggestion });
  if (years.length) {
    const found = years.join('、');
    return { problem: problem(A.messages.wrongYear.replace('{found}', found).replace('{year}', String(year)), `年度报表链接：${found} 年度`), note: `年度报表：只有 ${found} 年度的链接。` };
  }
  return { problem: problem(A.messages.missing.replace('{year}', String(year)), `缺少 ${year} 年度报表链接`), note: `年度报表：首页未发现 ${year} 年度报表链接。` };
}
