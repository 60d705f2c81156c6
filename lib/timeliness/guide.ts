/**
 * 办事指南 elements: which key elements a guide page shows, by labelled sections (`申请条件：…`,
 * `三、申请材料`) and table label cells (`<th>办理地点</th><td>…</td>` or `<td>办理地点</td><td>…</td>`:
 * each cell is its own line, so the label stands alone). Only the main text counts:
 * the footer's 联系电话 is not the guide's 咨询电话.
 */
import type { PageModel } from '../types';
import data from '../data/guide-elements.json';
import { breadcrumbName, titleHead } from './column-type';

/** Section numbering before a label: 一、 (二) 3. 【 */
const NUMBERING_CHARS = '\\s\\d一二三四五六七八九十（）()、.．【\\[';
const NUMBERING = new RegExp(`^[${NUMBERING_CHARS}]*`);
/** Where a line's label form starts: its first character past the numbering. */
const LABEL_START = new RegExp(`[^${NUMBERING_CHARS}]`);
/** The characters a label can start with: other lines are never looked at. */
const LABEL_FIRST = new Set(data.elements.flatMap((el) => el.labels.map((l) => l.charAt(0))));
/** Table label cells are often spaced out to line up (办 理 地 点, 办理　时限): squeezed when this short. */
const SPACED_CELL = 16;
/** What may follow a label: nothing (a heading or a label cell), a colon and the value, a closing
 * 】, or a short qualifier in brackets (办理地点（窗口）). */
const AFTER_LABEL = /^(?:[】\]]?|[（(][^）)]{1,12}[）)])(?:\s*[:：].*)?$/;

export interface GuideCheck {
  isGuide: boolean;
  present: string[];
  missing: string[];
}

/** A non-blank line of the main text, trimmed, and its form as a label is looked up in. */
interface GuideLine {
  trimmed: string;
  label: string;
}

/** Numbering dropped and short spaced cells squeezed: once per line, not once per label. */
function labelForm(line: string): string {
  let l = line.replace(NUMBERING, '').trim();
  if (l.length <= SPACED_CELL) l = l.replace(/[\s\u3000]+/g, '');
  return l;
}

/**
 * The main text's lines by the first character of their label form, so a label is only looked
 * for where it can start. Built once per main text: checkGuide runs twice per page (the page
 * type, the guide rule).
 */
let lastIndex: { main: string; byFirst: Map<string, GuideLine[]> } | null = null;

function linesOf(main: string): Map<string, GuideLine[]> {
  if (lastIndex?.main === main) return lastIndex.byFirst;
  const byFirst = new Map<string, GuideLine[]>();
  for (const l of main.split('\n')) {
    if (l.length > 200) continue;
    const at = l.search(LABEL_START);
    if (at < 0 || !LABEL_FIRST.has(l.charAt(at))) continue;
    const trimmed = l.trim();
    const label = labelForm(l);
    const bucket = byFirst.get(label.charAt(0));
    if (bucket) bucket.push({ trimmed, label });
    else byFirst.set(label.charAt(0), [{ trimmed, label }]);
  }
  lastIndex = { main, byFirst };
  return byFirst;
}

function labelled(lines: Map<string, GuideLine[]>, label: string, skipLines?: Set<string>): boolean {
  for (const line of lines.get(label.charAt(0)) ?? []) {
    const l = line.label;
    if (l.startsWith(label) && AFTER_LABEL.test(l.slice(label.length).trim()) && !skipLines?.has(line.trimmed)) return true;
  }
  return false;
}

/** `skipLines`: lines to ignore (link texts, when a navigation bar must not pass for labels). */
export function checkGuide(page: Pick<PageModel, 'title' | 'meta' | 'text' | 'footer'>, skipLines?: Set<string>): GuideCheck {
  // one pass over the lines for all labels (a substring test per label read the whole text 59 times)
  const lines = linesOf(page.text.slice(0, page.footer?.start ?? page.text.length));
  const present: string[] = [];
  const missing: string[] = [];
  for (const el of data.elements) (el.labels.some((lab) => labelled(lines, lab, skipLines)) ? present : missing).push(el.name);
  const names = `${page.title} ${page.meta.ColumnName ?? ''} ${breadcrumbName(page.text)}`;
  const named = data.pageWords.some((w) => names.includes(w));
  const title = (page.meta.ArticleTitle || titleHead(page.title) || page.title).trim();
  const document = data.documentTitleEnds.some((e) => title.endsWith(e));
  // a guide named so but showing no element at all is likely drawn by script or a list of guides;
  // a notice with 申请条件/申请材料 sections is still a notice
  const isGuide = (named && present.length > 0) || (!document && present.length >= data.minLabels);
  return { isGuide, present, missing };
}

/**
 * A page that reads as a 办事指南 by its labelled sections or rows (th/td label cells): content,
 * not a list, even when its template declares a column and it shows no date.
 */
export function isGuidePage(page: Pick<PageModel, 'title' | 'meta' | 'text' | 'footer' | 'links'>): boolean {
  // a side bar of links (办理流程 | 表格下载 | 咨询电话) on a list page is navigation, not labels
  const g = checkGuide(page, new Set(page.links.map((l) => l.text.trim())));
  return g.isGuide && g.present.length >= data.minLabels;
}
