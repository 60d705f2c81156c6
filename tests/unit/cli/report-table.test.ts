import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../cli/report';
import type { BatchSiteResult } from '../../../cli/batch-types';

const site: BatchSiteResult = {
  site: 'www.yzq.gov.cn',
  siteName: '袁州区人民政府',
  siteCode: '3609020001',
  verdict: '合格',
  vetoCount: 0,
  findingCount: 2,
  score: 98,
  reasons: [],
  url: 'http://www.yzq.gov.cn/',
  line: 3,
};

describe('terminal table of a batch run', () => {
  it('says when 网站名称 / 网站标识码 came from the list, and how far the column crawl got', () => {
    const listed: BatchSiteResult = { ...site, siteNameFrom: 'page', siteCodeFrom: 'list', crawl: { checked: 17, total: 18, phase: 'done' } };
    const text = formatTable({ pages: [], errors: [], sites: [listed] });
    expect(text).toContain('（网站页面上未找到网站标识码，取自网站列表）');
    expect(text).toContain('栏目检查：已检查 17 / 18 个栏目');
  });

  it('a single scan (no list, no crawl) prints neither line', () => {
    const text = formatTable({ pages: [], errors: [], sites: [site] });
    expect(text).not.toContain('取自网站列表');
    expect(text).not.toContain('栏目检查');
  });
});
