/**
 * The 通报 draft as a Word document, from plain data (sites, findings, screenshots): a pure
 * function the dashboard (through lib/export/docx-store.ts) and the headless scan both call.
 * Layout follows the seed 通报: title, 一、总体情况, 二、存在的主要问题 (by kind, site by site, with
 * the evidence and its screenshot), 三、整改要求, then 附件1 / 附件2 as tables.
 * Page text only ever becomes the text of a run: nothing from a page is parsed, linked or made a field.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { siteVerdict, type ScoreWeights, type SiteVerdict } from '../verdict/index';
import { NOTE_VETOED, PROBLEM_HEADERS, SCORE_HEADERS, problemRows, scoreRows, type AnnexSite } from './annex';
import { planProblems, type PlannedHeading, type ReportFinding, type ReportSite } from './docx-plan';
import { imageTypeOf, placedSize, pngSize } from './docx-image';
import { PAGE_NUMBER_RUN, STYLE_IDS, documentStyles, fontTableXml, pageProperties, reportStyle, textWidthTwip } from './docx-style';
import { cnNumber, fill, plainText } from './docx-text';
import text from '../data/report-text.json';

export type { ReportFinding, ReportSite } from './docx-plan';

export interface ReportScreenshot {
  findingId: string;
  /** the image bytes (PNG as captured; JPEG, GIF and BMP are embedded too) */
  data: Uint8Array;
  width?: number;
  height?: number;
  createdAt?: number;
}

export interface ReportInput {
  /** the round's name, e.g. 2026年第四季度 (empty: no round in the title) */
  round?: string;
  sites: ReportSite[];
  /** findings of these sites in the round; the report picks the reportable ones */
  findings: ReportFinding[];
  screenshots?: ReportScreenshot[];
  /** 三、整改要求 as the inspector edited it; paragraphs split on new lines */
  requirements?: string;
  /** 成文日期 (default: now) */
  date?: Date;
  /** weights for sites given without a verdict */
  weights?: ScoreWeights;
}

export function reportTitle(round?: string): string {
  return fill(text.title, { period: plainText(round ?? '') });
}

const run = (t: string, opts: { bold?: boolean } = {}) => new TextRun({ text: t, ...opts });
const body = (...children: (TextRun | ImageRun)[]) => new Paragraph({ style: STYLE_IDS.body, children });
const heading = (level: 1 | 2 | 3, t: string) =>
  new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [run(t)] });

function cnDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

interface Judged {
  site: ReportSite;
  verdict: SiteVerdict;
}

function judge(input: ReportInput): Judged[] {
  const bySite = new Map<string, ReportFinding[]>();
  for (const f of input.findings) (bySite.get(f.site) ?? bySite.set(f.site, []).get(f.site)!).push(f);
  return input.sites.map((s) => ({
    site: s,
    verdict: s.verdict ?? siteVerdict(bySite.get(s.site.site) ?? [], { weights: input.weights, vetoReasons: s.vetoReasons }),
  }));
}

/** 一、总体情况 in numbers: the verdicts and scores of lib/verdict. */
export function summaryFigures(list: { verdict: SiteVerdict }[]) {
  const total = list.length;
  const pass = list.filter((s) => s.verdict.verdict === '合格').length;
  const fail = list.filter((s) => s.verdict.verdict === '不合格').length;
  const vetoed = list.filter((s) => s.verdict.verdict === '不合格' && !s.verdict.scored).length;
  const pending = list.filter((s) => s.verdict.verdict === '疑似不合格').length;
  const scored = list.filter((s) => s.verdict.scored);
  const average = scored.length ? scored.reduce((n, s) => n + s.verdict.score, 0) / scored.length : 0;
  return {
    total,
    pass,
    fail,
    vetoed,
    pending,
    scored: scored.length,
    rate: `${(total ? (pass / total) * 100 : 0).toFixed(2)}%`,
    average: average.toFixed(2),
  };
}

function overview(list: Judged[]): Paragraph[] {
  const f = summaryFigures(list);
  // no average when every site was vetoed (nothing scored)
  const out = [body(run(fill(text.summary, f) + (f.scored ? fill(text.summaryAverage, f) : '')))];
  if (f.pending) out.push(body(run(fill(text.summaryPending, f))));
  return out;
}

/** The newest screenshot of each finding. */
function newestShots(shots: ReportScreenshot[]): Map<string, ReportScreenshot> {
  const m = new Map<string, ReportScreenshot>();
  for (const s of shots) {
    const prev = m.get(s.findingId);
    if (!prev || (s.createdAt ?? 0) >= (prev.createdAt ?? 0)) m.set(s.findingId, s);
  }
  return m;
}

function picture(shot: ReportScreenshot, caption: string): Paragraph | null {
  const type = imageTypeOf(shot.data);
  const size = shot.width && shot.height ? { width: shot.width, height: shot.height } : pngSize(shot.data);
  if (!type || !size) return null;
  const placed = placedSize(size.width, size.height);
  return new Paragraph({
    style: STYLE_IDS.image,
    children: [new ImageRun({ type, data: shot.data, transformation: placed, altText: { name: caption, description: caption, title: caption } })],
  });
}

function problems(plan: PlannedHeading[], shots: Map<string, ReportScreenshot>): Paragraph[] {
  if (!plan.length) return [body(run(text.noProblems))];
  const out: Paragraph[] = [];
  const maxEvidence = reportStyle.maxEvidenceChars;
  let figure = 0;
  plan.forEach((h, hi) => {
    out.push(heading(2, `（${cnNumber(hi + 1)}）${h.title}`));
    const names = h.sites.map((s) => plainText(s.site.name || s.site.site)).join('、');
    out.push(body(run(fill(text.sitesInvolved, { names }))));
    h.sites.forEach((s, si) => {
      const name = plainText(s.site.name || s.site.site);
      out.push(heading(3, `${si + 1}. ${fill(text.siteLine, { name, host: plainText(s.site.site) })}`));
      for (const r of s.reasons) out.push(body(run(plainText(r))));
      s.items.forEach((f, fi) => {
        out.push(body(run(`（${fi + 1}）${text.itemProblem}`), run(plainText(f.message, maxEvidence))));
        out.push(body(run(text.itemPage), run(plainText(f.url))));
        if (f.evidence) out.push(body(run(text.itemEvidence), run(`“${plainText(f.evidence, maxEvidence)}”`)));
        const shot = shots.get(f.id);
        if (shot && figure < reportStyle.maxScreenshots) {
          const caption = fill(text.caption, { n: figure + 1, name });
          const pic = picture(shot, caption);
          if (pic) {
            figure++;
            out.push(pic, new Paragraph({ style: STYLE_IDS.caption, children: [run(caption)] }));
          }
        }
      });
      if (s.more) out.push(body(run(fill(text.more, { count: s.more }))));
    });
  });
  return out;
}

function requirementParagraphs(t: string | undefined): Paragraph[] {
  const lines = (t ?? text.requirements)
    .split(/\r?\n/)
    .map((l) => plainText(l))
    .filter(Boolean);
  return (lines.length ? lines : [text.requirements]).map((l) => body(run(l)));
}

function cell(t: string, widthTwip: number, opts: { header?: boolean; left?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [new Paragraph({ style: STYLE_IDS.table, alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(plainText(t), { bold: opts.header })] })],
  });
}

function table(headers: readonly string[], rows: string[][], shares: number[], left: Set<number>): Table {
  const total = textWidthTwip();
  const widths = shares.map((s) => Math.floor(total * s));
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i]!, { header: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!, { left: left.has(i) })) })),
    ],
  });
}

function annexes(list: Judged[], round: string): (Paragraph | Table)[] {
  const annexSites: AnnexSite[] = list.map((s) => ({ site: s.site.site, verdict: s.verdict }));
  const scores = scoreRows(annexSites);
  const failed = problemRows(annexSites);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: STYLE_IDS.annexLabel, pageBreakBefore: true, children: [run(text.annex1Label)] }),
    new Paragraph({ style: STYLE_IDS.title, children: [run(fill(text.annex1Title, { period: round }))] }),
    table(SCORE_HEADERS, scores.map((r) => [String(r.rank), r.siteCode, r.name, r.score]), [0.12, 0.26, 0.46, 0.16], new Set([2])),
  ];
  if (list.some((s) => !s.verdict.scored)) out.push(body(run(NOTE_VETOED)));
  out.push(
    new Paragraph({ style: STYLE_IDS.annexLabel, pageBreakBefore: true, children: [run(text.annex2Label)] }),
    new Paragraph({ style: STYLE_IDS.title, children: [run(text.annex2Title)] }),
  );
  if (failed.length) {
    out.push(
      table(
        PROBLEM_HEADERS,
        failed.map((r) => [String(r.index), r.name, r.siteCode, r.homeUrl, r.result, r.problems]),
        [0.08, 0.22, 0.15, 0.22, 0.11, 0.22],
        new Set([1, 3, 5]),
      ),
    );
  } else out.push(body(run(text.noFailedSites)));
  return out;
}

function pageFooter(align: 'odd' | 'even'): Footer {
  // GB/T 9704: page numbers as — 1 —, odd pages on the right and even pages on the left, one character in
  const indent = reportStyle.sizes.pageNumber * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: indent, firstLine: 0 } : { left: indent, firstLine: 0 },
        children: [new TextRun({ ...PAGE_NUMBER_RUN, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The 通报 as .docx bytes. */
export async function buildReportDocx(input: ReportInput): Promise<Uint8Array> {
  const round = plainText(input.round ?? '');
  const list = judge(input);
  const plan = planProblems(
    list.map((s) => ({ ...s.site, verdict: s.verdict })),
    input.findings,
  );
  const shots = newestShots(input.screenshots ?? []);
  const title = reportTitle(round);
  const annexLines = [fill(text.annex1Title, { period: round }), text.annex2Title];

  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: STYLE_IDS.title, children: [run(title)] }),
    new Paragraph({ style: STYLE_IDS.body, indent: { firstLine: 0 }, children: [run(text.addressee)] }),
    body(run(fill(text.intro, { period: round }))),
    heading(1, text.section1),
    ...overview(list),
    heading(1, text.section2),
    ...problems(plan, shots),
    heading(1, text.section3),
    ...requirementParagraphs(input.requirements),
    // 附件说明: the first line after 附件：, the next aligned under it
    ...annexLines.map((l, i) => body(run(i === 0 ? `${text.annexList}${i + 1}.${l}` : `${'　'.repeat(text.annexList.length)}${i + 1}.${l}`))),
    new Paragraph({ style: STYLE_IDS.body, alignment: AlignmentType.RIGHT, indent: { right: reportStyle.sizes.body * 4 * 20, firstLine: 0 }, spacing: { before: 580 }, children: [run(cnDate(input.date ?? new Date()))] }),
    ...annexes(list, round),
  ];

  const doc = new Document({
    creator: 'GovCheck',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(),
    sections: [{ properties: { page: pageProperties() }, footers: { default: pageFooter('odd'), even: pageFooter('even') }, children }],
  });
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
