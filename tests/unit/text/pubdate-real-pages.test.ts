/**
 * Dates and publish dates on the nine real pages of tests/fixtures/real/pages, through the real
 * scanner's flattening, against the facts in MANIFEST.md. Also the wording rules' precision on
 * the same flattened text.
 */
import { describe, expect, it } from 'vitest';
import { realPage } from '../../helpers/load-page';
import { isClockDate } from '../../../lib/text/dates';
import { dateRules } from '../../../lib/rules/dates';
import { wordingRules } from '../../../lib/rules/wording';
import { nameOutdatedRules } from '../../../lib/rules/name-outdated';
import { formatRules } from '../../../lib/rules/format';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const TODAY = '2026-11-23';

const CASES: [file: string, host: string, pubDate: string][] = [
  ['govcn-gazette-2007.html', 'www.gov.cn', '2007-06-29'], // no meta: the date line under the title
  ['shanxi-news-2019.html', 'www.shanxi.gov.cn', '2019-09-18'],
  ['zjdpc-news-2016.html', 'www.zjdpc.gov.cn', '2016-11-22'],
  ['cmse-news-2012.html', 'www.cmse.gov.cn', '2012-06-24'], // no meta: 发布日期 label
  ['wanzai-bulletin-2015.html', 'www.wanzai.gov.cn', '2017-05-15'], // 发布日期 wins over the meta's generation time 2022-04-24
  ['wanzai-bulletin-2022.html', 'www.wanzai.gov.cn', '2023-05-11'], // 生成日期 shown; meta 2023-08-16
  ['yichun-bulletin-2022.html', 'www.yichun.gov.cn', '2023-04-18'], // 发文日期 shown; meta 2023-05-16
  ['yichun-jiangxi-bulletin-2022.html', 'www.yichun.gov.cn', '2023-03-31'], // 发文日期 shown; meta 2023-05-16
  ['kepu-news-2023.html', 'www.kepu.gov.cn', '2023-12-01'], // no meta: the date after 作者
];

describe('dates on real pages', () => {
  it.each(CASES)('%s: publish date %s', (file, host, pubDate) => {
    const { model } = realPage(file, host, TODAY);
    expect(model.pubDate).toBe(pubDate);
    for (const d of model.dates) expect(model.text.slice(d.start, d.end)).toBe(d.raw);
  });

  it('the header clock of wanzai-bulletin-2015 is found but neither painted nor taken as the date', () => {
    const { model } = realPage('wanzai-bulletin-2015.html', 'www.wanzai.gov.cn', TODAY);
    const clock = model.dates.find((d) => d.date === '2023-10-11');
    expect(clock && isClockDate(model.text, clock)).toBe(true);
    const painted = dateRules[0]!.check(model, { ...DEFAULT_SETTINGS, today: TODAY });
    expect(painted.map((f) => f.evidence)).toEqual(['2017-05-15 10:49:00']);
  });

  it('labels of 信息公开 tables are read across cells', () => {
    const { model } = realPage('yichun-bulletin-2022.html', 'www.yichun.gov.cn', TODAY);
    expect(model.dates.map((d) => [d.date, d.label ?? ''])).toEqual([
      ['2023-04-18', '发文日期'],
      ['2023-04-12', ''],
    ]);
  });

  it.each(CASES)('%s: no wording findings', (file, host) => {
    const { model } = realPage(file, host, TODAY);
    expect([...wordingRules, ...nameOutdatedRules, ...formatRules].flatMap((r) => r.check(model, DEFAULT_SETTINGS))).toEqual([]);
  });
});
