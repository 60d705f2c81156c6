/**
 * 办事指南 elements: which key elements a guide page shows, by labelled sections (`申请条件：…`,
 * `三、申请材料`) and table headers (a cell holding only the label). Only the main text counts:
 * the footer's 联系电话 is not the guide's 咨询电话.
 */
import type { PageModel } from '../types';
import data from '../data/guide-elements.json';
import { breadcrumbName, titleHead } from './column-type';

/** Section numbering before a label: 一、 (二) 3. 【 */
const NUMBERING = /^[\s\d一二三四五六七八九十（）()、.．【\[]*/;

export interface GuideCheck {
  isGuide: boolean;
  present: string[];
  missing: string[];
}

function labelled(lines: string[], label: string): boolean {
  for (const line of lines) {
    const l = line.replace(NUMBERING, '');
    if (!l.startsWith(label)) continue;
    const rest = l.slice(label.length).trim();
    // a heading or header cell (label alone), or a label with its value after a colon
    if (rest === '' || /^[】\]]?[:：]/.test(rest) || /^[】\]]$/.test(rest)) return true;
  }
  return false;
}

export function checkGuide(page: Pick<PageModel, 'title' | 'meta' | 'text' | 'footer'>): GuideCheck {
  const main = page.text.slice(0, page.footer?.start ?? page.text.length);
  // the page's lines only once some label occurs: splitting a 2 MB page costs milliseconds
  let lines: string[] | null = null;
  const linesOf = () => (lines ??= main.split('\n').filter((l) => l.trim().length > 0 && l.length <= 200));
  const present: string[] = [];
  const missing: string[] = [];
  for (const el of data.elements) {
    // the cheap substring test first: most pages carry none of these labels
    (el.labels.some((lab) => main.includes(lab) && labelled(linesOf(), lab)) ? present : missing).push(el.name);
  }
  const names = `${page.title} ${page.meta.ColumnName ?? ''} ${breadcrumbName(page.text)}`;
  const named = data.pageWords.some((w) => names.includes(w));
  const title = (page.meta.ArticleTitle || titleHead(page.title) || page.title).trim();
  const document = data.documentTitleEnds.some((e) => title.endsWith(e));
  // a guide named so but showing no element at all is likely drawn by script or a list of guides;
  // a notice with 申请条件/申请材料 sections is still a notice
  const isGuide = (named && present.length > 0) || (!document && present.length >= data.minLabels);
  return { isGuide, present, missing };
}
