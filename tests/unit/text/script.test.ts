// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTraditionalBlock, isTraditionalPage, simplifyMarks } from '../../../lib/text/script';
import { detectTypos, loadTypoData } from '../../../lib/typos';
import { answerTypos } from '../../../lib/typos/answer';
import { modelFromHtml } from '../../helpers/load-page';
import { lineBlocks } from '../typos/corpus';

// a real 通报 republished in traditional characters (tests/fixtures/real/seeds, see MANIFEST.md)
const SEED = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/real/seeds/003_4ee3ea5c49259455.txt'), 'utf8');

describe('traditional-character text (繁体版)', () => {
  it('tells a traditional paragraph or title from a simplified one with a stray traditional character', () => {
    expect(isTraditionalBlock('關於2016年第四次全國政府網站抽查情況的通報')).toBe(true);
    expect(isTraditionalBlock('国务院办公厅关于2016年第四次全国政府网站抽查情况的通报')).toBe(false);
    // one or two traditional characters in simplified text stay checked (a slip, a regional spelling, a name)
    expect(isTraditionalBlock('并且提昇工厂的绩效，乾隆年间的文物保存完好。')).toBe(false);
    // both scripts in one heading (繁简混用) is simplified text with slips, not a 繁体版
    expect(isTraditionalBlock('关于进一步加強政府网站內容建設的通知')).toBe(false);
    // a short one counts within a traditional page only
    expect(isTraditionalBlock('集約化建設 檢查情況')).toBe(false);
    expect(isTraditionalBlock('集約化建設 檢查情況', true)).toBe(true);
    expect(isTraditionalBlock('集约化建设 检查情况', true)).toBe(false);
    expect(isTraditionalPage(SEED)).toBe(true);
    expect(isTraditionalPage('国务院办公厅关于政府网站抽查情况的通报。'.repeat(50))).toBe(false);
  });

  it('tells a short 繁体 list page, and not a simplified page quoting a 繁体 paragraph', () => {
    // a 通知公告 list of a 繁体版: six headlines, 13 of the common traditional characters
    const list = `首頁 通知公告
關於開展冬季農村消防安全檢查的通知 2024-12-20
關於春節期間政務服務中心窗口服務安排的通知 2025-01-08
關於進一步做好防汛工作的通知 2024-06-03
縣人民政府辦公室關於印發工作要點的通知 2024-03-01
關於做好農民工工資支付工作的通知 2024-01-15
關於對全縣政府網站進行檢查的通報 2024-11-02`;
    expect(isTraditionalPage(list)).toBe(true);
    // a simplified page quoting a 繁体 paragraph of the same size
    const quoting = `首页 通知公告
关于开展冬季农村消防安全检查的通知 2024-12-20
关于春节期间政务服务中心窗口服务安排的通知 2025-01-08
关于进一步做好防汛工作的通知 2024-06-03
县人民政府办公室关于印发工作要点的通知 2024-03-01
引用原文：${list}`;
    expect(isTraditionalPage(quoting)).toBe(false);
  });

  it('is not read as simplified text full of slips by the typo detectors', () => {
    loadTypoData();
    const blocks = lineBlocks(SEED);
    // before: 全國 → 全国 (扣分) and some fifty more findings on this page
    expect(detectTypos(blocks)).toEqual([]);
    // a simplified paragraph of the same page is still read
    const simplified = { text: '全面做好春耕生产工作布署。', start: SEED.length + 1 };
    expect(detectTypos([...blocks, simplified]).map((f) => f.wrong)).toEqual(['布署']);
    // and so is a heading mixing the scripts
    expect(detectTypos([{ text: '关于进一步加強政府网站內容建設的通知', start: 0 }]).map((f) => f.wrong)).toEqual(['加強', '內容']);
  });

  it('has a short headline of a traditional page left unchecked, though its batch is too short to tell', () => {
    loadTypoData();
    // a home page's headline, alone in its batch: 3 traditional characters are not enough by themselves
    const headline = [{ text: '示範縣烈士陵園提昇改造工程竣工', start: 0 }];
    expect(detectTypos(headline).map((f) => f.kind)).toContain('typo.regional');
    expect(detectTypos(headline, { traditionalPage: true })).toEqual([]);
    // what the background is told comes from the content script's page test, through the request
    expect(answerTypos({ blocks: headline, traditionalPage: true })).toEqual([]);
    expect(answerTypos({ blocks: headline, traditionalPage: 'yes' }).length).toBeGreaterThan(0);
    // a simplified block of a traditional page is still read
    expect(detectTypos([{ text: '全面做好春耕生产工作布署。', start: 0 }], { traditionalPage: true }).map((f) => f.wrong)).toEqual(['布署']);
  });

  it('is named in the page’s notes', () => {
    const trad = modelFromHtml(`<body><p>${SEED.slice(0, 3000).replace(/[<>&]/g, '')}</p></body>`).model;
    expect(trad.notes.join('')).toContain('繁体字页面');
    expect(modelFromHtml('<body><p>国务院办公厅关于政府网站抽查情况的通报。</p></body>').model.notes).toEqual([]);
  });

  it('simplifies only the recognisers\' characters, one for one (offsets stay)', () => {
    const text = '政府網站標識碼：3609000002　贛公網安備 𠮷 乾隆 著作 國家';
    const out = simplifyMarks(text);
    expect(out).toBe('政府网站标识码：3609000002　赣公网安备 𠮷 乾隆 著作 國家');
    expect(out.length).toBe(text.length);
  });

  it('has its date labels read in traditional characters (發佈時間 is 发布时间), quoted as written', () => {
    const body = SEED.slice(0, 2000).replace(/[<>&]/g, '');
    const html = `<html><head><title>關於通報</title></head><body><h1>關於政府網站抽查情況的通報</h1><div>發佈時間：2017-02-08</div><p>${body}</p></body></html>`;
    const { model } = modelFromHtml(html, 'https://www.example.gov.cn/art/2017/2/8/art_1.html');
    expect(model.dates[0]).toMatchObject({ raw: '2017-02-08', label: '发布时间' });
    expect(model.pubDateSource).toBe('label');
    expect(model.text).toContain('發佈時間');
  });
});
