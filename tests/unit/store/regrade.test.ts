// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture, saveScan } from '../../../lib/store/repo';
import { siteStats } from '../../../lib/store/stats';
import { makeFinding, makeReport } from './fixtures';
import { freshDbFactory } from '../../helpers/fresh-db';

const HOME = 'https://www.yichun.gov.cn/';
const SITE = 'www.yichun.gov.cn';
const freshDb = freshDbFactory('govcheck-regrade');

describe('an inspector re-grade survives a rescan', () => {
  it('keeps the severity and category set by a capture, while the rule’s message and evidence still update', async () => {
    const db = freshDb();
    const typo = makeFinding({ url: HOME, site: SITE });
    const [stored] = await saveScan(db, makeReport(HOME, [typo]), 1000);
    expect(stored!.regraded).toBeUndefined();

    // the inspector raises it to a veto of the expression category (capture dialog on an existing finding)
    const regraded = await saveCapture(db, { ...stored!, severity: 'veto', category: 'expression', note: '多次出现', status: 'confirmed' }, undefined, 2000);
    expect(regraded).toMatchObject({ severity: 'veto', category: 'expression', regraded: true });

    // the next scan sends the rule's own grade and a reworded message
    await saveScan(db, makeReport(HOME, [{ ...typo, message: '疑似错别字（新措辞）', suggestion: '改为“既然”' }]), 3000);
    const after = await db.findings.get(typo.id);
    expect(after).toMatchObject({ severity: 'veto', category: 'expression', regraded: true, status: 'confirmed', note: '多次出现' });
    expect(after!.message).toBe('疑似错别字（新措辞）');
    expect(after!.suggestion).toBe('改为“既然”');
    expect(after!.lastSeen).toBe(3000);

    // the site verdict reads the inspector's grade: a confirmed veto
    const [stats] = await siteStats(db);
    expect(stats!.counts.confirmedVetoes).toBe(1);
    expect(stats!.bySeverity).toMatchObject({ veto: 1, deduct: 0 });
  });

  it('a finding not re-graded follows the rule’s grade on rescan', async () => {
    const db = freshDb();
    const f = makeFinding({ url: HOME, site: SITE });
    const [stored] = await saveScan(db, makeReport(HOME, [f]), 1000);
    // a capture that only adds a note and a screenshot keeps the rule's grade: not flagged
    const noted = await saveCapture(db, { ...stored!, note: '见截图' }, undefined, 1500);
    expect(noted.regraded).toBeUndefined();
    await saveScan(db, makeReport(HOME, [{ ...f, severity: 'hint', category: 'format' }]), 2000);
    expect(await db.findings.get(f.id)).toMatchObject({ severity: 'hint', category: 'format', note: '见截图' });
  });

  it('a later capture that changes nothing keeps the re-grade flag', async () => {
    const db = freshDb();
    const f = makeFinding({ url: HOME, site: SITE });
    const [stored] = await saveScan(db, makeReport(HOME, [f]), 1000);
    const once = await saveCapture(db, { ...stored!, severity: 'hint' }, undefined, 1500);
    const twice = await saveCapture(db, { ...once, note: '补充截图' }, undefined, 1600);
    expect(twice).toMatchObject({ severity: 'hint', regraded: true });
    await saveScan(db, makeReport(HOME, [f]), 2000);
    expect((await db.findings.get(f.id))!.severity).toBe('hint');
  });
});
