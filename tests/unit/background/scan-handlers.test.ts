// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from './harness';
import { makeFinding, makeReport } from '../store/fixtures';

const HOME = 'https://www.yichun.gov.cn/';
const SITE = 'www.yichun.gov.cn';

let bg: Awaited<ReturnType<typeof startBackground>>;
let scanCounts: Map<string, number>;
beforeEach(async () => {
  bg = await startBackground();
  scanCounts = bg.modules.scan.registerScanHandlers(bg.db).scanCounts;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await bg.close();
});

describe('background: saveScan, pageFindings, setStatus', () => {
  it('saveScan stores the site, page and findings and answers the stored findings', async () => {
    const typo = makeFinding({ url: HOME, site: SITE });
    const answer = await bg.send('saveScan', makeReport(HOME, [typo]));
    expect(answer.map((f) => [f.id, f.status])).toEqual([[typo.id, 'open']]);
    expect(await bg.db.sites.get(SITE)).toMatchObject({ name: '宜春市人民政府', siteCode: '3609000001' });
    expect(await bg.db.pages.get(HOME)).toMatchObject({ findingCount: 1 });
    expect(await bg.db.findings.get(typo.id)).toMatchObject({ evidence: '即然', status: 'open' });
    expect(scanCounts.get(HOME)).toBe(1);
    await bg.send('saveScan', makeReport(HOME, [typo]));
    expect(scanCounts.get(HOME)).toBe(2);
    expect(await bg.db.findings.count()).toBe(1);
  });

  it('pageFindings answers the stored findings of a page (by its normalised URL)', async () => {
    const a = makeFinding({ url: HOME, site: SITE });
    const other = `${HOME}xxgk/index.html`;
    const b = makeFinding({ url: other, site: SITE, evidence: '烈土' });
    await bg.send('saveScan', makeReport(HOME, [a]));
    await bg.send('saveScan', makeReport(other, [b]));
    expect((await bg.send('pageFindings', `${HOME}?utm_source=wechat#top`)).map((f) => f.id)).toEqual([a.id]);
    expect(await bg.send('pageFindings', 'https://www.nowhere.gov.cn/')).toEqual([]);
  });

  it('setStatus sets the status and note, tells the tab to repaint, and answers false for an unknown id', async () => {
    const f = makeFinding({ url: HOME, site: SITE });
    await bg.send('saveScan', makeReport(HOME, [f]));
    // the tab's content script answers refreshMarks
    const tabMessages = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tabId: number, _msg: unknown, _opts: unknown, respond?: (r: unknown) => void) => respond?.({ res: undefined })) as never);
    expect(await bg.send('setStatus', { id: f.id, status: 'dismissed', note: '引用原文', tabId: 7 })).toBe(true);
    expect(await bg.db.findings.get(f.id)).toMatchObject({ status: 'dismissed', note: '引用原文' });
    expect(tabMessages).toHaveBeenCalledTimes(1);
    expect(tabMessages.mock.calls[0]![0]).toBe(7);
    expect(tabMessages.mock.calls[0]![1]).toMatchObject({ type: 'refreshMarks' });
    expect(await bg.send('setStatus', { id: 'no-such-id', status: 'confirmed' })).toBe(false);
    // no tab given: nothing is sent to a tab
    expect(tabMessages).toHaveBeenCalledTimes(1);
  });

  it('a rescan through the handler keeps the inspector’s status and re-grade', async () => {
    const f = makeFinding({ url: HOME, site: SITE });
    await bg.send('saveScan', makeReport(HOME, [f]));
    await bg.send('setStatus', { id: f.id, status: 'confirmed' });
    const stored = (await bg.db.findings.get(f.id))!;
    await bg.db.findings.put({ ...stored, severity: 'veto', regraded: true });
    const [again] = await bg.send('saveScan', makeReport(HOME, [f]));
    expect(again).toMatchObject({ status: 'confirmed', severity: 'veto' });
  });
});
