// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GovCheckDB } from '../../../lib/store/db';
import { siteStats } from '../../../lib/store/stats';
import { siteVerdict } from '../../../lib/verdict/index';
import type { Finding, FindingStatus, Severity } from '../../../lib/types';

const opened: GovCheckDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const RULES: [string, Severity, Finding['category']][] = [
  ['typo.known', 'deduct', 'typo'],
  ['footer.icp', 'deduct', 'footer'],
  ['meta.missing', 'hint', 'meta'],
  ['expression.political', 'veto', 'expression'],
  ['links.dead', 'deduct', 'links'],
];
const STATUSES: FindingStatus[] = ['open', 'open', 'open', 'confirmed', 'dismissed', 'fixed'];

describe('per-site aggregates read through indexes', () => {
  it('match the verdict computed from the full findings, for every site', async () => {
    const db = new GovCheckDB(`govcheck-stats-${crypto.randomUUID()}`);
    opened.push(db);
    // deterministic pseudo-random mix over 6 sites
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const findings: Finding[] = [];
    for (let i = 0; i < 1200; i++) {
      const s = `s${rnd(6)}.gov.cn`;
      const [ruleId, severity, category] = RULES[rnd(RULES.length)]!;
      // vetoes rare, and only on some sites
      if (severity === 'veto' && !(s === 's1.gov.cn' || s === 's2.gov.cn') && rnd(10) > 0) continue;
      findings.push({
        id: `f${i}`,
        ruleId,
        severity,
        category,
        message: 'm',
        evidence: 'e',
        url: `http://${s}/p${rnd(5)}.html`,
        site: s,
        anchor: 'text',
        status: STATUSES[rnd(STATUSES.length)]!,
        source: 'auto',
        round: rnd(2) ? 'R1' : 'R2',
        createdAt: 1,
        lastSeen: 1,
        updatedAt: 1,
      });
    }
    const sites = [...new Set(findings.map((f) => f.site))].sort();
    await db.sites.bulkPut(sites.map((site) => ({ site, name: site, siteCode: '', homeUrl: `http://${site}/`, firstSeen: 0, lastSeen: 0 })));
    await db.pages.bulkPut(
      [...new Set(findings.map((f) => f.url))].map((url) => ({ url, site: new URL(url).host, title: '', pageType: 'article' as const, pubDate: null, scanMs: 1, lastScanned: 1, findingCount: 0 })),
    );
    await db.findings.bulkPut(findings);

    for (const round of [undefined, 'R1']) {
      const stats = await siteStats(db, { round });
      // a round lists only the sites with a finding in it
      expect(stats.map((s) => s.site.site).sort()).toEqual(sites.filter((site) => findings.some((f) => f.site === site && (!round || f.round === round))));
      for (const st of stats) {
        const mine = findings.filter((f) => f.site === st.site.site && (!round || f.round === round));
        const want = siteVerdict(mine);
        expect(st.verdict.verdict).toBe(want.verdict);
        expect(st.verdict.score).toBe(want.score);
        expect(st.verdict.vetoCount).toBe(want.vetoCount);
        expect(st.verdict.reasons).toEqual(want.reasons);
        expect(st.findings).toBe(mine.length);
        expect(st.bySeverity.deduct).toBe(mine.filter((f) => f.severity === 'deduct' && f.status !== 'dismissed').length);
        expect(st.byStatus.fixed).toBe(mine.filter((f) => f.status === 'fixed').length);
        expect(st.pages).toBe(new Set(findings.filter((f) => f.site === st.site.site).map((f) => f.url)).size);
      }
    }
    // the mix really exercises every verdict path
    const all = await siteStats(db);
    expect(new Set(all.map((s) => s.verdict.verdict)).size).toBeGreaterThan(1);
  });
});
