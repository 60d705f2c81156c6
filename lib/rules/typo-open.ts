/**
 * Open-vocabulary typo checks (lib/typos): misspelt idioms and words, real-word confusions
 * (的/得/地, 在/再 … by context rules), variant body names, leaders' names, 干支 years and
 * province–city pairs. Their data (a 1.2 MB word list) stays in the
 * background: each check here returns nothing by itself; the `typos` stage (lib/pipeline/stages.ts)
 * sends the page's text blocks to the background and `typoStageFindings` turns the answer into
 * findings of these rules. This file never imports lib/typos' code, only its types, so the
 * content script stays small.
 */
import type { PageModel, RuleFinding } from '../types';
import type { TextBlock, TypoFinding } from '../typos/types';
import { defineRule, stamp, type DefinedRule, type RuleSpec } from './define';
import { stripZeroWidth } from '../text/normalise';
// named imports: only these keys reach the content script, not the file's comment
import { alreadyReportedBy, maxChars, maxCharsPerMessage, maxFindings, minOwnNameChars } from '../data/typo-stage.json';

interface OpenTypoSpec extends Omit<RuleSpec, 'family' | 'stage'> {
  /** how the message starts */
  lead: string;
}

function openTypoRule({ lead, ...spec }: OpenTypoSpec): DefinedRule & { lead: string } {
  return { ...defineRule({ ...spec, family: 'typo-open', stage: 'typos', check: () => [] }), lead };
}

const TYPO_INDICATOR = { kind: 'outside', note: '内容不准确：错别字' } as const;

export const typoOpenRules = [
  openTypoRule({
    id: 'typo.idiom',
    title: '成语错字',
    lead: '疑似成语错字',
    category: 'typo',
    severities: ['deduct'],
    indicator: TYPO_INDICATOR,
    weight: { points: 1, cap: 10 },
    examples: {
      fires: ['<p>加强生态坏境保护。</p>'],
      silent: ['<p>加强生态环境保护。</p>'],
    },
  }),
  openTypoRule({
    id: 'typo.word',
    title: '词语错字',
    lead: '疑似错别字',
    category: 'typo',
    severities: ['hint', 'deduct'],
    indicator: TYPO_INDICATOR,
    weight: { points: 1, cap: 10 },
    examples: {
      fires: ['<p>市人民检檫院依法提起公诉。</p>', '<p>请于本周五前提交申清材料。</p>', '<p>依法进行判觉。</p>', '<p>山顶云雾缥渺。</p>'],
      silent: ['<p>明确调解的适用范围。</p>', '<p>依法进行判决。</p>'],
    },
  }),
  openTypoRule({
    id: 'typo.context',
    title: '易混用字',
    lead: '疑似用字混淆',
    category: 'typo',
    severities: ['hint'],
    indicator: TYPO_INDICATOR,
    weight: { points: 1, cap: 10 },
    examples: {
      fires: ['<p>这件事真得很难办。</p>', '<p>我们座火车去北京。</p>', '<p>请你不要在哭了。</p>'],
      silent: ['<p>这件事真的很难办。</p>', '<p>这座火车站很大。</p>', '<p>请你不要在这里吸烟。</p>'],
    },
  }),
  openTypoRule({
    id: 'typo.regional',
    title: '繁体、异体或台湾地区写法',
    lead: '疑似繁体、异体或台湾地区写法',
    category: 'typo',
    severities: ['hint', 'deduct'],
    indicator: { kind: 'outside', note: '内容不准确：用字不规范' },
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>他们正在想著怎样解决问题。</p>', '<p>我的计画是先去北京。</p>', '<p>认真贯彻落实全國两会精神。</p>'],
      silent: ['<p>他们正在想着怎样解决问题。</p>', '<p>我的计划是先去北京。鲁迅的著作很多。</p>'],
    },
  }),
  openTypoRule({
    id: 'name.body-variant',
    title: '机构名称写法有误',
    lead: '机构名称疑似写错',
    category: 'name',
    severities: ['deduct', 'hint'],
    indicator: { kind: 'outside', note: '内容不准确：机构名称写法有误' },
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>县人力资源与社会保障局发布通知。</p>', '<p>根据中华人民共合国宪法制定本法。</p>', '<p>加快推进住房与城乡建设领域改革。</p>'],
      silent: ['<p>县人力资源和社会保障局发布通知。</p>', '<p>根据中华人民共和国宪法制定本法。</p>'],
    },
  }),
  openTypoRule({
    id: 'expression.leader-name',
    title: '领导人姓名错误',
    lead: '领导人姓名疑似写错',
    category: 'expression',
    severities: ['veto'],
    indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '出现严重表述错误' },
    vetoPhrase: '存在严重表述错误',
    examples: {
      fires: ['<p>国务院副总理何立锋出席会议。</p>'],
      silent: ['<p>国务院副总理何立峰出席会议。学习近乎疯狂。</p>'],
    },
  }),
  openTypoRule({
    id: 'typo.ganzhi',
    title: '干支纪年错误',
    lead: '干支纪年疑似写错',
    category: 'typo',
    severities: ['deduct'],
    indicator: TYPO_INDICATOR,
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>2019年已亥年春节。</p>'],
      silent: ['<p>2019年己亥年春节。</p>'],
    },
  }),
  openTypoRule({
    id: 'name.place-province',
    title: '地名隶属错误',
    lead: '地名隶属疑似写错',
    category: 'name',
    severities: ['deduct'],
    indicator: { kind: 'outside', note: '内容不准确：地名与所属省份不符' },
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>湖北省张家界市发布通知。</p>'],
      silent: ['<p>湖南省张家界市发布通知。</p>'],
    },
  }),
  openTypoRule({
    id: 'name.place-variant',
    title: '地名写法有误',
    lead: '地名疑似写错',
    category: 'name',
    severities: ['hint'],
    indicator: { kind: 'outside', note: '内容不准确：地名写法有误' },
    weight: { points: 1, cap: 5 },
    examples: {
      fires: ['<p>游船沿着黄埔江缓缓行驶。</p>', '<p>北京市门头勾区发布通知。</p>'],
      silent: ['<p>游船沿着黄浦江缓缓行驶。广州市黄埔区发布通知。</p>', '<p>不要把东西胡乱堆放。</p>'],
    },
  }),
];

const BY_KIND = new Map(typoOpenRules.map((r) => [r.id, r]));

/** Text findings of these rules already made elsewhere: the same spot is reported once. */
const ALREADY_REPORTED = new Set(alreadyReportedBy);

/**
 * The page's text blocks for the background, in batches of at most `maxCharsPerMessage`: page.text
 * cut at line breaks, the footer region left out (its marks and addresses are other rules'), only
 * lines with Han characters, at most `maxChars` in all.
 */
export function typoBlockBatches(page: Pick<PageModel, 'text' | 'footer'>): TextBlock[][] {
  const batches: TextBlock[][] = [];
  let batch: TextBlock[] = [];
  let batchChars = 0;
  let total = 0;
  const footer = page.footer;
  let start = 0;
  for (const line of page.text.split('\n')) {
    const end = start + line.length;
    let text = line;
    const at = start;
    if (footer && end > footer.start && start < footer.end) {
      // keep only the part before the footer (a footer starts a line in practice)
      text = start < footer.start ? line.slice(0, footer.start - start) : '';
    }
    start = end + 1;
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    const piece = text.slice(0, maxCharsPerMessage);
    if (total + piece.length > maxChars) break;
    if (batchChars + piece.length > maxCharsPerMessage && batch.length) {
      batches.push(batch);
      batch = [];
      batchChars = 0;
    }
    batch.push({ text: piece, start: at });
    batchChars += piece.length;
    total += piece.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * The page's own names, passed to the detectors as exceptions: the SiteName meta and the title's
 * last part ("article - site"). A site spelling its own organisation is not the error these look for.
 */
export function ownNames(page: Pick<PageModel, 'meta' | 'title'>): string[] {
  const names = [page.meta.SiteName ?? ''];
  const parts = page.title.split(/\s*[-_|｜—]\s*/).filter(Boolean);
  if (parts.length > 1) names.push(parts[parts.length - 1]!);
  return names.map((n) => n.trim()).filter((n) => n.length >= minOwnNameChars);
}

const overlap = (a: { start?: number; end?: number }, s: number, e: number) => a.start !== undefined && a.end !== undefined && a.start < e && a.end > s;

/**
 * The background's answer as findings. An answer is kept only when it names one of these rules,
 * its offsets lie in the page text and still hold the wrong form (a stale or garbled answer is
 * dropped), and no curated rule (typo.known, expression.political …) reported the same spot.
 */
export function typoStageFindings(page: Pick<PageModel, 'text'>, answers: readonly TypoFinding[], already: readonly RuleFinding[] = []): RuleFinding[] {
  const taken = already.filter((f) => ALREADY_REPORTED.has(f.ruleId));
  const out: RuleFinding[] = [];
  for (const a of answers) {
    if (out.length >= maxFindings) break;
    const rule = BY_KIND.get(a?.kind);
    if (!rule || !Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > page.text.length || a.start >= a.end) continue;
    const evidence = page.text.slice(a.start, a.end);
    if (stripZeroWidth(evidence).text !== a.wrong) continue;
    if (taken.some((f) => overlap(f, a.start, a.end)) || out.some((f) => overlap(f, a.start, a.end))) continue;
    const why = typeof a.evidence === 'string' && a.evidence ? `（${a.evidence}）` : '';
    const detection = {
      severity: a.severity,
      message: `${rule.lead}：“${a.wrong}”应为“${a.right}”${why}`,
      evidence,
      suggestion: a.right,
      start: a.start,
      end: a.end,
    };
    out.push(...stamp(rule, [detection]).findings);
  }
  return out;
}
