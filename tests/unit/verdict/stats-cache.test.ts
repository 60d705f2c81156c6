import { describe, expect, it } from 'vitest';
import { saveStatsCache, loadStatsCache } from '../../../lib/store/stats-cache';
import { verdictCounts, verdictFromCounts } from '../../../lib/verdict/index';
import type { SiteStats } from '../../../lib/store/stats';

class Mem {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('dashboard stats cache', () => {
  it('round-trips the counts and recomputes the same verdicts', () => {
    const counts = verdictCounts([
      { ruleId: 'typo.known', severity: 'deduct', status: 'open' },
      { ruleId: 'links.hidden', severity: 'veto', status: 'open' },
    ]);
    const vetoReasons = ['栏目不更新：10 个栏目未及时更新'];
    const s: SiteStats = {
      site: { site: 'a.gov.cn', name: '甲', siteCode: '3411000001', homeUrl: 'http://a.gov.cn/', firstSeen: 1, lastSeen: 2 },
      pages: 3,
      findings: 2,
      bySeverity: { veto: 1, deduct: 1, hint: 0 },
      byStatus: { open: 2, confirmed: 0, dismissed: 0, fixed: 0 },
      counts,
      vetoReasons,
      verdict: verdictFromCounts(counts, { vetoReasons }),
    };
    const kv = new Mem();
    saveStatsCache('', [s], kv, 1234);
    const got = loadStatsCache('', kv)!;
    expect(got.at).toBe(1234);
    expect(got.stats).toEqual([s]);
    expect(loadStatsCache('2026年第四季度', kv)).toBeNull();
    kv.setItem('govcheck-site-stats:', '{broken');
    expect(loadStatsCache('', kv)).toBeNull();
  });
});
