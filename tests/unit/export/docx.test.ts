// @vitest-environment node
/**
 * The Word 通报 built from store data: real fixture pages scanned by the crawl's scan code, a hostile
 * site whose page text looks like markup and formulas, a confirmed veto with a real PNG capture, and an
 * unconfirmed veto that must not be cited. The package is opened and its XML read back.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { GovCheckDB } from '../../../lib/store/db';
import { saveScan, saveCapture, setStatus, findingsForRound } from '../../../lib/store/repo';
import { siteStats } from '../../../lib/store/stats';
import { parseCrawledPage } from '../../../lib/crawl/parse';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { siteVerdict } from '../../../lib/verdict/index';
import { scoreRows, problemRows, SCORE_HEADERS, PROBLEM_HEADERS } from '../../../lib/export/annex';
import { buildReportDocx } from '../../../lib/export/docx';
import { reportInputFromStore } from '../../../lib/export/docx-store';
import { reportInputFromBackup } from '../../../lib/export/docx-backup';
import { exportBackup } from '../../../lib/export/backup';
import { headingOf, headingOrder, planProblems, plannedFindingIds } from '../../../lib/export/docx-plan';
import { plainText } from '../../../lib/export/docx-text';
import type { Finding } from '../../../lib/types';
import { domParser, REAL_PAGES } from '../../helpers/load-page';
import { makeFinding, makeReport } from '../store/fixtures';
import text from '../../../lib/data/report-text.json';
import { exportDocx } from '../../../components/export-docx';

const ROUND = '2026年第四季度';
const PNG = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../../public/icon/128.png')));
const EVIL = '=HYPERLINK("http://evil.example/","点我")<w:t>&amp;</w:t>{total}';
const EMU_PER_CM = 360000;

const opened: GovCheckDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraphs of a part: style id and text (w:t runs joined), tables' paragraphs included. */
function paragraphs(xml: string): { style: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    text: [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
    xml: m[1]!,
  }));
}

/** Rows of each table as cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1]!).map((p) => p.text).join(''))),
  );
}

async function scanReal(db: GovCheckDB, file: string, host: string, now: number) {
  const url = `https://${host}/art/${file}`;
  const parsed = await parseCrawledPage({ url, html: readFileSync(path.join(REAL_PAGES, file), 'utf8'), settings: { ...DEFAULT_SETTINGS, today: '2026-11-23' } }, domParser(url), {});
  await saveScan(db, parsed.report, now, ROUND);
  return parsed.report;
}

/** A store as the dashboard would read it after a round. */
async function fixtureStore() {
  const db = new GovCheckDB(`govcheck-docx-${crypto.randomUUID()}`);
  opened.push(db);
  const cmse = await scanReal(db, 'cmse-news-2012.html', 'www.cmse.gov.cn', 1000);
  const gazette = await scanReal(db, 'govcn-gazette-2007.html', 'www.gov.cn', 1001);

  // a site whose page text is hostile: markup, a formula, a template slot, a control character
  const evilUrl = 'https://www.evil-county.gov.cn/a.html?x=<w:p>&y=1';
  const evilTypo = makeFinding({ url: evilUrl, site: 'www.evil-county.gov.cn', evidence: EVIL + '\u0001', message: `疑似错别字“${EVIL}”。` });
  const veto = makeFinding({ url: evilUrl, site: 'www.evil-county.gov.cn', ruleId: 'expression.political', severity: 'veto', category: 'expression', evidence: '中国入民', message: '疑似严重表述错误“中国入民”。' });
  await saveScan(db, makeReport(evilUrl, [evilTypo, veto], { siteName: '<w:r>示范县人民政府</w:r>', siteCode: '3609990001' }), 1002, ROUND);
  await setStatus(db, veto.id, 'confirmed', undefined, 1003);
  const stored = (await db.findings.get(veto.id))!;
  await saveCapture(db, stored, { blob: new Blob([PNG], { type: 'image/png' }), width: 128, height: 128 }, 1004);

  // an unconfirmed veto: the site is 疑似不合格 and the 通报 must not cite it
  const guessUrl = 'https://www.guess.gov.cn/';
  const guess = makeFinding({ url: guessUrl, site: 'www.guess.gov.cn', ruleId: 'links.hidden', severity: 'veto', category: 'links', evidence: '暗链待确认文字', message: '疑似暗链。' });
  await saveScan(db, makeReport(guessUrl, [guess], { siteName: '待确认县人民政府', siteCode: '3609990002' }), 1005, ROUND);
  return { db, cmse, gazette, evilTypo, veto, guess };
}

describe('Word 通报 from the store', () => {
  it('holds the title, the overall figures, the problems by heading with evidence and screenshot, and both annex tables', async () => {
    const { db, cmse, veto, guess } = await fixtureStore();
    const input = await reportInputFromStore(db, { round: ROUND, roundName: ROUND, now: new Date(2026, 11, 3) });
    const files = unzipSync(await buildReportDocx(input));
    const doc = strFromU8(files['word/document.xml']!);
    const ps = paragraphs(doc);
    const all = ps.map((p) => p.text);

    expect(ps[0]).toMatchObject({ style: 'GcTitle', text: '关于2026年第四季度政府网站检查情况的通报' });
    expect(ps.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['一、总体情况', '二、存在的主要问题', '三、整改要求']);

    // 一、总体情况: the figures of the lib verdicts, recomputed here from the stored findings
    const stored = await findingsForRound(db, ROUND);
    const verdicts = ['www.cmse.gov.cn', 'www.gov.cn', 'www.evil-county.gov.cn', 'www.guess.gov.cn'].map((s) => siteVerdict(stored.filter((f) => f.site === s)));
    const pass = verdicts.filter((v) => v.verdict === '合格').length;
    const scored = verdicts.filter((v) => v.scored);
    expect(verdicts.map((v) => v.verdict)).toEqual([expect.any(String), expect.any(String), '不合格', '疑似不合格']);
    const avg = (scored.reduce((n, v) => n + v.score, 0) / scored.length).toFixed(2);
    expect(all).toContain(
      `本次共检查政府网站4家，其中合格${pass}家，不合格${verdicts.filter((v) => v.verdict === '不合格').length}家（被单项否决1家），总体合格率为${((pass / 4) * 100).toFixed(2)}%。参与评分的${scored.length}家网站平均得分${avg}分。`,
    );
    expect(all.some((t) => t.startsWith('另有1家网站存在待确认的单项否决问题'))).toBe(true);

    // 二: headings in the data's order, 单项否决 first
    const h2 = ps.filter((p) => p.style === 'Heading2').map((p) => p.text.replace(/^（[一二三四五六七八九十]+）/, ''));
    const order = headingOrder().map((h) => h.title);
    expect(h2[0]).toBe('部分网站存在严重表述错误');
    expect(h2.map((t) => order.indexOf(t))).toEqual([...h2.map((t) => order.indexOf(t))].sort((a, b) => a - b));
    expect(h2).toContain(headingOf({ ruleId: 'footer.site-code', category: 'footer', severity: 'deduct' }).title);
    expect(h2).toContain('部分网站内容不准确');
    expect(ps.filter((p) => p.style === 'Heading2').map((p) => p.text.slice(0, 3))).toEqual(h2.map((_, i) => `（${'一二三四五六七八九十'[i]}）`));

    // the site names (page text) and the confirmed veto's evidence, page and screenshot caption
    const h3 = ps.filter((p) => p.style === 'Heading3').map((p) => p.text);
    expect(h3).toContain('1. <w:r>示范县人民政府</w:r>（www.evil-county.gov.cn）');
    expect(h3.some((t) => t.includes(cmse.siteName))).toBe(true);
    expect(all).toContain('原文：“中国入民”');
    expect(all).toContain(`页面地址：${(await db.findings.get(veto.id))!.url}`);
    expect(all).toContain('图1　<w:r>示范县人民政府</w:r>页面截图');
    // the unconfirmed veto is not cited
    expect(doc).not.toContain('暗链待确认文字');
    expect(guess.severity).toBe('veto');

    // page text stays literal text: no field, formula, hyperlink or injected run; no control character
    expect(all).toContain(`原文：“${EVIL}”`);
    expect(all.some((t) => t.includes('{total}'))).toBe(true);
    expect(doc).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink|\u0001/);
    expect(doc.match(/<w:r>示范县/g)).toBeNull();

    // 三、整改要求: the default text
    expect(all).toContain(text.requirements);

    // 附件1 / 附件2: the annex rows of lib/export/annex over the same verdicts
    const stats = await siteStats(db, { round: ROUND });
    const [t1, t2] = tables(doc);
    expect(t1![0]).toEqual([...SCORE_HEADERS]);
    expect(t1!.slice(1)).toEqual(scoreRows(stats).map((r) => [String(r.rank), r.siteCode, r.name, r.score]));
    expect(t1!.length).toBe(4); // the vetoed site is not scored
    expect(t2![0]).toEqual([...PROBLEM_HEADERS]);
    expect(t2!.slice(1)).toEqual(problemRows(stats).map((r) => [String(r.index), r.name, r.siteCode, r.homeUrl, r.result, r.problems]));
    expect(t2!.some((r) => r[1] === '<w:r>示范县人民政府</w:r>' && r[5] === '存在严重表述错误')).toBe(true);
    const labels = ps.filter((p) => p.style === 'GcAnnexLabel').map((p) => p.text);
    expect(labels).toEqual(['附件1', '附件2']);

    // the screenshot: the PNG itself, referenced by the document, 14 cm wide
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect([...files[media[0]!]!]).toEqual([...PNG]);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const relId = new RegExp(`Id="(rId\\d+)"[^>]*Target="${media[0]!.slice('word/'.length)}"`).exec(rels)?.[1] ?? /Id="(rId\d+)"[^>]*Target="media\/[^"]+"/.exec(rels)?.[1];
    expect(relId).toBeDefined();
    expect(doc).toContain(`r:embed="${relId}"`);
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(doc)!.slice(1).map(Number);
    expect(Math.abs(cx! / EMU_PER_CM - 14)).toBeLessThan(0.05);
    expect(cy).toBe(cx); // square PNG
  });

  it('is an A4 official document: GB/T 9704 margins, fonts with fallbacks, page numbers — n —', async () => {
    const { db } = await fixtureStore();
    const files = unzipSync(await buildReportDocx(await reportInputFromStore(db, { round: ROUND, roundName: ROUND })));
    const doc = strFromU8(files['word/document.xml']!);
    const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(doc).toMatch(new RegExp(`<w:pgSz w:w="${twip(210)}" w:h="${twip(297)}"`));
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(mar).toContain(`w:top="${twip(37)}"`);
    expect(mar).toContain(`w:bottom="${twip(35)}"`);
    expect(mar).toContain(`w:left="${twip(28)}"`);
    expect(mar).toContain(`w:right="${twip(26)}"`);

    const styles = strFromU8(files['word/styles.xml']!);
    const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
    expect(styleXml('GcTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(styleXml('GcTitle')).toContain('<w:sz w:val="44"/>');
    expect(styleXml('GcBody')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml('GcBody')).toContain('<w:sz w:val="32"/>');
    expect(styleXml('Heading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml('Heading2')).toContain('w:eastAsia="楷体_GB2312"');

    const fonts = strFromU8(files['word/fontTable.xml']!);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);

    // odd and even footers, each with a PAGE field between dashes
    expect(strFromU8(files['word/settings.xml']!)).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const xml = strFromU8(files[f]!);
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
    }
  });
});

describe('Word 通报 from plain data (the headless scan)', () => {
  it('from the JSON backup (what the CLI reads through the automation API) is the same document as from the store', async () => {
    const { db } = await fixtureStore();
    const now = new Date(2026, 11, 3);
    const req = { round: ROUND, roundName: ROUND, now };
    const fromStore = await reportInputFromStore(db, req);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db)));
    const fromBackup = reportInputFromBackup(backup, req);
    expect(fromBackup.sites.map((s) => [s.site.site, s.verdict])).toEqual(fromStore.sites.map((s) => [s.site.site, s.verdict]));
    expect(fromBackup.screenshots!.map((s) => [s.findingId, s.data.length])).toEqual(fromStore.screenshots!.map((s) => [s.findingId, s.data.length]));
    const read = async (input: typeof fromStore) => {
      const files = unzipSync(await buildReportDocx(input));
      const doc = strFromU8(files['word/document.xml']!);
      return { text: paragraphs(doc).map((p) => `${p.style}|${p.text}`), tables: tables(doc), media: Object.keys(files).filter((n) => n.startsWith('word/media/')).length };
    };
    const a = await read(fromStore);
    expect(await read(fromBackup)).toEqual(a);
    expect(a.media).toBe(1);
    // a site filter keeps only those sites
    const one = reportInputFromBackup(backup, { ...req, sites: ['www.gov.cn'] });
    expect(one.sites.map((s) => s.site.site)).toEqual(['www.gov.cn']);
    expect(one.findings.every((f) => f.site === 'www.gov.cn')).toBe(true);
  });

  it('judges sites given without a verdict, cites the inspector\'s requirements, and says so when nothing is to be reported', async () => {
    const site = { site: 'www.clean.gov.cn', name: '干净县人民政府', siteCode: '3609990003', homeUrl: 'https://www.clean.gov.cn/', firstSeen: 0, lastSeen: 0 };
    const dismissed: Finding = { ...(makeFinding({ url: site.homeUrl, site: site.site }) as Finding), status: 'dismissed', createdAt: 0, lastSeen: 0, updatedAt: 0 };
    const bytes = await buildReportDocx({ round: '', sites: [{ site }], findings: [dismissed], requirements: '请于12月31日前整改。\n\n第二段\u0000要求。', date: new Date(2026, 0, 5) });
    const ps = paragraphs(strFromU8(unzipSync(bytes)['word/document.xml']!));
    const all = ps.map((p) => p.text);
    expect(ps[0]!.text).toBe('关于政府网站检查情况的通报');
    expect(all).toContain('本次共检查政府网站1家，其中合格1家，不合格0家（被单项否决0家），总体合格率为100.00%。参与评分的1家网站平均得分100.00分。');
    expect(all).toContain(text.noProblems);
    expect(all).toContain('请于12月31日前整改。');
    expect(all).toContain('第二段要求。');
    expect(all).toContain('2026年1月5日');
    expect(all).toContain(text.noFailedSites);
    expect(all.join('')).not.toContain('即然');
  });
});

describe('overall figures', () => {
  it('leaves out the average score when no site was scored', async () => {
    const site = { site: 'www.v.gov.cn', name: '否决县人民政府', siteCode: '3609990004', homeUrl: 'https://www.v.gov.cn/', firstSeen: 0, lastSeen: 0 };
    const veto = { ...(makeFinding({ url: site.homeUrl, site: site.site, ruleId: 'links.hidden', severity: 'veto', category: 'links', evidence: '暗链文字', message: '存在暗链。' }) as Finding), status: 'confirmed' as const, createdAt: 0, lastSeen: 0, updatedAt: 0 };
    const ps = paragraphs(strFromU8(unzipSync(await buildReportDocx({ sites: [{ site }], findings: [veto] }))['word/document.xml']!)).map((p) => p.text);
    expect(ps).toContain('本次共检查政府网站1家，其中合格0家，不合格1家（被单项否决1家），总体合格率为0.00%。');
    expect(ps).toContain('（一）部分网站存在安全问题');
    expect(ps).toContain('原文：“暗链文字”');
  });
});

describe('the dashboard action', () => {
  it('reports progress, then a Chinese error when the store cannot be read, and downloads nothing', async () => {
    const db = new GovCheckDB(`govcheck-docx-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    db.close();
    const said: [string, string][] = [];
    await exportDocx(db, { round: ROUND, roundName: ROUND }, (kind, t) => said.push([kind, t]));
    expect(said[0]![0]).toBe('progress');
    expect(said.at(-1)![0]).toBe('error');
    expect(said.at(-1)![1]).toMatch(/^生成 Word 通报失败：/);
  });
});

describe('heading mapping and page text', () => {
  it('maps rule ids before categories, severities to their group, and unknown ones to the group\'s fallback', () => {
    expect(headingOf({ ruleId: 'freshness.home-stale', category: 'freshness', severity: 'veto' }).title).toBe('部分网站不更新');
    expect(headingOf({ ruleId: 'freshness.column-stale', category: 'freshness', severity: 'deduct' }).title).toBe('部分网站栏目更新不及时');
    expect(headingOf({ ruleId: 'manual.capture', category: 'typo', severity: 'deduct' }).title).toBe('部分网站内容不准确');
    expect(headingOf({ ruleId: 'manual.capture', category: 'manual', severity: 'veto' })).toEqual({ group: 'veto', title: '部分网站存在其他单项否决问题' });
    expect(headingOf({ ruleId: 'privacy.id-card', category: 'privacy', severity: 'veto' }).title).toBe('部分网站存在安全问题');
  });

  it('lists a site\'s captured items first, caps the items per site and counts the rest; leaves out dismissed, fixed, hint and unconfirmed veto findings', () => {
    const site = { site: 'www.a.gov.cn', name: '甲县人民政府', siteCode: '3609990009', homeUrl: 'https://www.a.gov.cn/', firstSeen: 0, lastSeen: 0 };
    const f = (id: string, over: Partial<Finding> = {}): Finding => ({ ...(makeFinding({ url: `https://www.a.gov.cn/${id}.html`, site: site.site }) as Finding), id, status: 'open', createdAt: Number(id.slice(1)), lastSeen: 0, updatedAt: 0, ...over });
    const findings = [
      f('f1'),
      f('f2'),
      f('f3', { screenshotId: 's3' }),
      f('f4'),
      f('f5', { status: 'dismissed' }),
      f('f6', { status: 'fixed' }),
      f('f7', { severity: 'hint' }),
      f('f8', { severity: 'veto', ruleId: 'expression.political', category: 'expression' }),
      f('f9', { severity: 'veto', ruleId: 'expression.political', category: 'expression', status: 'confirmed' }),
    ];
    const plan = planProblems([{ site, vetoReasons: [{ reason: '栏目不更新：3个栏目', confirmed: true }, '首页不更新：待确认'] }], findings, { maxItemsPerSite: 2 });
    expect(plan.map((h) => h.title)).toEqual(['部分网站不更新', '部分网站存在严重表述错误', '部分网站内容不准确']);
    expect(plan[0]!.sites[0]!.reasons).toEqual(['栏目不更新：3个栏目']);
    expect(plan[1]!.sites[0]!.items.map((x) => x.id)).toEqual(['f9']);
    expect(plan[2]!.sites[0]!.items.map((x) => x.id)).toEqual(['f3', 'f1']);
    expect(plan[2]!.sites[0]!.more).toBe(2);
    expect(plannedFindingIds(plan)).toEqual(['f9', 'f3', 'f1']);
  });

  it('drops characters XML forbids and lone surrogates, keeps pairs whole when cutting', () => {
    expect(plainText('a\u0000b\u001Fc\uD800d\uDFFFe')).toBe('abcde');
    expect(plainText('多行\n\t文字')).toBe('多行 文字');
    expect(plainText('一二😀三', 3)).toBe('一二…');
  });
});
