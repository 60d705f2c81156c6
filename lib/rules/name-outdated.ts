/**
 * name.outdated: a body renamed in the 2018 reform named as current. Fires (deduct) only when the
 * page's own date is after the rename took effect; `hint` when the page has no date. Historical
 * mentions (原国土资源局, “…更名为…”, “组建…”) in the same sentence are left alone.
 */
import type { PageModel } from '../types';
import { defineRule, type DefinedRule, type Detection } from './define';
import { ownDocNumber } from '../text/doc-number';
import { needleFinder } from '../text/page-needles';
import data from '../data/renamed-bodies.json';

interface Body {
  old: string;
  new: string;
  effective: string;
  notBefore?: string[];
  notAfter?: string[];
}

const BODIES = data.bodies as Body[];
/** The old names, found in the page's one needle pass. */
const oldNames = needleFinder(BODIES.map((b) => b.old));
const SENTENCE_END = /[。！？；\n]/;

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  return text.slice(s, e);
}

export interface OutdatedHit {
  body: Body;
  start: number;
  end: number;
}

/** Current-sounding mentions of renamed bodies (longest match wins where names overlap). */
export function outdatedMentions(text: string): OutdatedHit[] {
  const raw: OutdatedHit[] = [];
  oldNames.each(text, (p, start) => mention(BODIES[p]!, start, start + BODIES[p]!.old.length));
  function mention(b: Body, start: number, end: number) {
    if (b.notBefore?.some((nb) => start >= nb.length && text.startsWith(nb, start - nb.length))) return;
    if (b.notAfter?.some((na) => text.startsWith(na, end))) return;
    const sentence = sentenceAround(text, start, end);
    if (data.historicalContext.some((w) => sentence.includes(w))) return;
    const lead = text.slice(Math.max(0, start - 6), start).split(SENTENCE_END).pop()!;
    if (data.historicalPrefix.some((w) => lead.includes(w))) return;
    raw.push({ body: b, start, end });
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: OutdatedHit[] = [];
  for (const h of raw) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) continue; // 环保局 inside 环境保护局? keep the longer, earlier one
    out.push(h);
  }
  return out;
}

const WRITTEN = /成文日期[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const pad = (n: string) => n.padStart(2, '0');

/**
 * The earliest date the page gives for its own text: publish date, labelled 发布/成文 dates, the
 * year of its 发文字号. An archived 2004 circular republished in 2019 is still a 2004 text.
 */
export function documentDate(page: PageModel): string | null {
  const c: string[] = [];
  if (page.pubDate) c.push(page.pubDate.slice(0, 10));
  // every labelled date (lib/data/date-labels.json: 发布/成文/发文/生成日期, 更新时间 …) the date finder read
  for (const d of page.dates) if (!d.inFooter && d.label !== undefined) c.push(d.date);
  const w = WRITTEN.exec(page.text);
  if (w) c.push(`${w[1]}-${pad(w[2]!)}-${pad(w[3]!)}`);
  const n = ownDocNumber(page.text);
  if (n) c.push(`${n.year}-12-31`);
  return c.length ? c.sort()[0]! : null;
}

export const nameOutdatedRules: DefinedRule[] = [
  defineRule({
    id: 'name.outdated',
    family: 'name-outdated',
    title: '机构名称过时',
    category: 'name',
    // deduct when the page's date is after the rename; hint when the page has no date
    severities: ['deduct', 'hint'],
    indicator: { kind: 'outside', note: '内容差错：机构改革后仍使用旧机构名称' },
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>发布日期：2024-06-01</p><p>市国土资源局召开专题会议，部署下一步工作。</p>', '<p>市国土资源局召开专题会议，部署下一步工作。</p>'],
      silent: ['<p>发布日期：2017-06-01</p><p>市国土资源局召开专题会议，部署下一步工作。</p>', '<p>发布日期：2024-06-01</p><p>原市国土资源局副局长张某出席。</p>'],
    },
    check(page: PageModel): Detection[] {
      const found: Detection[] = [];
      const hits = outdatedMentions(page.text);
      const dated = hits.length ? documentDate(page) : null;
      for (const h of hits) {
        if (dated && dated <= h.body.effective) continue; // written before the rename
        found.push({
          severity: dated ? 'deduct' : 'hint',
          message: dated
            ? `机构名称已过时：“${h.body.old}”已于机构改革后更名为“${h.body.new}”`
            : `页面无发布日期，请核实：“${h.body.old}”在机构改革后已更名为“${h.body.new}”`,
          evidence: page.text.slice(h.start, h.end),
          suggestion: h.body.new,
          start: h.start,
          end: h.end,
        });
      }
      return found;
    },
  }),
];
