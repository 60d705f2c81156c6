import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFinished, saveFinished, type FinishedSite } from '../../../cli/state';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'govcheck-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const rec = (key: string, crawl = true): FinishedSite => ({
  version: 1,
  key,
  url: `http://${key}/`,
  crawl,
  result: { site: key, siteName: '宜春市人民政府', siteCode: '3609000001', verdict: '合格', vetoCount: 0, findingCount: 0, score: 100, reasons: [], url: `http://${key}/`, line: 1 },
  pages: [],
  backup: '{}',
});

describe('--state DIR', () => {
  it('a finished site is found again by its key, written whole (no temporary file left)', () => {
    const d = tmp();
    saveFinished(d, rec('www.yichun.gov.cn'));
    expect(loadFinished(d, 'www.yichun.gov.cn', true)).toEqual(rec('www.yichun.gov.cn'));
    expect(loadFinished(d, 'www.yzq.gov.cn', true)).toBeNull();
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a site finished without --crawl runs again with --crawl (and the other way round)', () => {
    const d = tmp();
    saveFinished(d, rec('www.yichun.gov.cn', false));
    expect(loadFinished(d, 'www.yichun.gov.cn', true)).toBeNull();
    expect(loadFinished(d, 'www.yichun.gov.cn', false)).not.toBeNull();
  });

  it('a torn record (a run killed mid-write elsewhere) means the site runs again', () => {
    const d = tmp();
    saveFinished(d, rec('www.yichun.gov.cn'));
    const [file] = readdirSync(d);
    writeFileSync(path.join(d, file!), '{"version":1,"key":"www.yi');
    expect(loadFinished(d, 'www.yichun.gov.cn', true)).toBeNull();
  });
});
