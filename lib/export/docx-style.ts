/**
 * Official-document styling of the Word 通报 (GB/T 9704-2012): A4 with its margins, 小标宋 title,
 * 仿宋 body, 黑体 / 楷体 headings, and the font table that tells Word which installed font to use
 * when the official one is missing. Values come from lib/data/report-style.json.
 */
import { AlignmentType, LineRuleType, type IStylesOptions, type ISectionPropertiesOptions } from 'docx';
import style from '../data/report-style.json';

type FontKey = keyof typeof style.fonts;

/** millimetres → twentieths of a point (the unit of page sizes, margins and indents) */
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** points → half-points (the unit of run sizes) */
const halfPt = (pt: number) => Math.round(pt * 2);

/** CJK text in the official font; Latin letters and digits in the Latin font. */
export function fontOf(key: FontKey) {
  const cjk = style.fonts[key].name;
  const latin = style.fonts.latin.name;
  return { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: latin };
}

/** exact line pitch of body text (22 lines a page) */
export const BODY_LINE = { line: Math.round(style.lineExactPt * 20), lineRule: LineRuleType.EXACT };
/** two characters of 3号 body text */
export const FIRST_LINE_INDENT = { firstLine: style.sizes.body * 2 * 20 };

export const STYLE_IDS = {
  title: 'GcTitle',
  body: 'GcBody',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  caption: 'GcCaption',
  table: 'GcTable',
  annexLabel: 'GcAnnexLabel',
  image: 'GcImage',
} as const;

export function documentStyles(): IStylesOptions {
  const body = { font: fontOf('body'), size: halfPt(style.sizes.body) };
  const para = (id: string, name: string, run: object, paragraph: object, basedOn: string = STYLE_IDS.body) => ({
    id,
    name,
    basedOn,
    next: STYLE_IDS.body,
    quickFormat: true,
    run,
    paragraph,
  });
  return {
    default: {
      document: { run: body, paragraph: { spacing: BODY_LINE } },
      heading1: { run: { font: fontOf('h1'), size: halfPt(style.sizes.body), bold: false, color: '000000' }, paragraph: { spacing: BODY_LINE, indent: FIRST_LINE_INDENT, keepNext: true } },
      heading2: { run: { font: fontOf('h2'), size: halfPt(style.sizes.body), bold: false, italics: false, color: '000000' }, paragraph: { spacing: BODY_LINE, indent: FIRST_LINE_INDENT, keepNext: true } },
      heading3: { run: { font: fontOf('body'), size: halfPt(style.sizes.body), bold: true, color: '000000' }, paragraph: { spacing: BODY_LINE, indent: FIRST_LINE_INDENT, keepNext: true } },
    },
    paragraphStyles: [
      para(STYLE_IDS.body, '通报正文', body, { spacing: BODY_LINE, indent: FIRST_LINE_INDENT }, 'Normal'),
      para(STYLE_IDS.title, '通报标题', { font: fontOf('title'), size: halfPt(style.sizes.title) }, { alignment: AlignmentType.CENTER, spacing: { line: halfPt(style.sizes.title) * 16, lineRule: LineRuleType.AT_LEAST, after: 580 }, indent: { firstLine: 0 } }),
      para(STYLE_IDS.caption, '图注', { font: fontOf('body'), size: halfPt(style.sizes.caption) }, { alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 120 }, indent: { firstLine: 0 } }),
      para(STYLE_IDS.table, '表格文字', { font: fontOf('body'), size: halfPt(style.sizes.table) }, { alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } }),
      para(STYLE_IDS.annexLabel, '附件标识', { font: fontOf('h1'), size: halfPt(style.sizes.body) }, { indent: { firstLine: 0 } }),
      // an exact line pitch would clip an inline picture to one line
      para(STYLE_IDS.image, '截图', body, { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 }, indent: { firstLine: 0 }, keepNext: true }),
    ],
  };
}

export function pageProperties(): ISectionPropertiesOptions['page'] {
  const p = style.page;
  return {
    size: { width: mmToTwip(p.widthMm), height: mmToTwip(p.heightMm) },
    margin: { top: mmToTwip(p.topMm), bottom: mmToTwip(p.bottomMm), left: mmToTwip(p.leftMm), right: mmToTwip(p.rightMm), footer: mmToTwip(p.footerMm), header: mmToTwip(15) },
    pageNumbers: { start: 1 },
  };
}

/** width of the text column in twips (tables) */
export function textWidthTwip(): number {
  const p = style.page;
  return mmToTwip(p.widthMm - p.leftMm - p.rightMm);
}

export const PAGE_NUMBER_RUN = { font: fontOf('pageNumber'), size: halfPt(style.sizes.pageNumber) };

const FAMILY: Record<string, string> = { roman: 'roman', modern: 'modern', swiss: 'swiss' };

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * word/fontTable.xml: each official font with w:altName, the font Word substitutes when the first
 * is not installed (方正小标宋简体 → 宋体), and the GB2312 charset so a substitute is a Chinese one.
 */
export function fontTableXml(): string {
  const seen = new Set<string>();
  const fonts: string[] = [];
  for (const f of Object.values(style.fonts)) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    const cjk = f.name !== style.fonts.latin.name;
    const alt = f.fallback && f.fallback !== f.name ? `<w:altName w:val="${attr(f.fallback)}"/>` : '';
    fonts.push(
      `<w:font w:name="${attr(f.name)}">${alt}<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${FAMILY[f.family] ?? 'auto'}"/><w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

export { style as reportStyle };
