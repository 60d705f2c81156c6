/**
 * npm run eval:dates — how well the scanner reads dates: the publish date of the 9 real pages in
 * tests/fixtures/real/pages (expected values from MANIFEST.md) and, for our own fixtures in
 * tests/fixtures/timeliness, the publish date, the refined page type and every list item's date.
 * Prints one line per page and the totals as correct / wrong / missed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { realPage, modelFromHtml } from '../tests/helpers/load-page';
import { scanList } from '../lib/timeliness/list-items';

const DIR = path.resolve(import.meta.dirname, '../tests/fixtures/timeliness');
const expected = JSON.parse(readFileSync(path.join(DIR, 'dates-expected.json'), 'utf8')) as {
  today: string;
  real: { file: string; host: string; pubDate: string }[];
  own: { file: string; pageType: string; pubDate: string | null; items?: string[] }[];
};

const tally = { correct: 0, wrong: 0, missed: 0 };
/** wrong: a different value was found; missed: nothing was found where a value was expected. */
function judge(want: string | null, got: string | null): string {
  if (want === got) {
    tally.correct++;
    return 'ok';
  }
  if (got === null) {
    tally.missed++;
    return `MISSED (want ${want})`;
  }
  tally.wrong++;
  return `WRONG (want ${want}, got ${got})`;
}

console.log(`today = ${expected.today}\n\n— real pages (publish date) —`);
for (const c of expected.real) {
  const { model } = realPage(c.file, c.host, expected.today);
  console.log(`${c.file.padEnd(36)} ${String(model.pubDate).padEnd(11)} ${judge(c.pubDate, model.pubDate)}`);
}

console.log('\n— own fixtures (publish date, page type, list item dates) —');
for (const c of expected.own) {
  const html = readFileSync(path.join(DIR, c.file), 'utf8');
  const { model } = modelFromHtml(html, `https://www.example.gov.cn/t/${c.file}`, expected.today);
  const parts = [`pubDate ${judge(c.pubDate, model.pubDate)}`, `type ${judge(c.pageType, model.pageType)}`];
  if (c.items) {
    const got = scanList(model).items.map((i) => i.date);
    const n = Math.max(got.length, c.items.length);
    const itemJudgements: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = judge(c.items[i] ?? null, got[i] ?? null);
      if (r !== 'ok') itemJudgements.push(`#${i + 1} ${r}`);
    }
    parts.push(`items ${got.length}/${c.items.length}${itemJudgements.length ? ' ' + itemJudgements.join('; ') : ' ok'}`);
  }
  console.log(`${c.file.padEnd(36)} ${parts.join(' | ')}`);
}

console.log(`\ncorrect ${tally.correct} / wrong ${tally.wrong} / missed ${tally.missed}`);
process.exitCode = tally.wrong || tally.missed ? 1 : 0;
