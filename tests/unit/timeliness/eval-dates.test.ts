/**
 * The same cases as `npm run eval:dates` (tests/fixtures/timeliness/dates-expected.json): every
 * real page's publish date and every own fixture's publish date, page type and list item dates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { realPage } from '../../helpers/load-page';
import { scanList } from '../../../lib/timeliness/list-items';
import { refinePageType } from '../../../lib/timeliness/page-type';
import { OWN, own } from './fixtures';

const expected = JSON.parse(readFileSync(path.join(OWN, 'dates-expected.json'), 'utf8')) as {
  today: string;
  real: { file: string; host: string; pubDate: string }[];
  own: { file: string; pageType: string; pubDate: string | null; items?: string[] }[];
};

describe('eval:dates cases', () => {
  it.each(expected.real.map((c) => [c.file, c] as const))('real page %s', (_f, c) => {
    expect(realPage(c.file, c.host, expected.today).model.pubDate).toBe(c.pubDate);
  });

  it.each(expected.own.map((c) => [c.file, c] as const))('own fixture %s', (_f, c) => {
    const page = own(c.file, expected.today);
    expect(page.pubDate).toBe(c.pubDate);
    expect(page.pageType).toBe(c.pageType); // the page context's refined type
    if (c.items) expect(scanList(page).items.map((i) => i.date)).toEqual(c.items);
  });
});
