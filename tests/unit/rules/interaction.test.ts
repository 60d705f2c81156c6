import { describe, expect, it } from 'vitest';
import { interactionRules } from '../../../lib/rules/interaction';
import { RULES } from '../../../lib/rules';
import { runRules } from '../../../lib/rules/run';
import { findLetters, isLetterPage } from '../../../lib/timeliness/letters';
import { addMonths, workdaysBetween } from '../../../lib/timeliness/workdays';
import { realPage } from '../../helpers/load-page';
import type { PageModel, RuleFinding, Settings } from '../../../lib/types';
import { DEMO_PAGES, REAL_PAGES, SETTINGS, TODAY, demo, own } from '../timeliness/fixtures';

const run = (page: PageModel, settings: Settings = SETTINGS): RuleFinding[] => {
  const r = runRules(page, settings, interactionRules);
  expect(r.errors).toEqual([]);
  return r.findings;
};

describe('working days (official calendar via chinese-days)', () => {
  it('skips the 国庆 holiday and counts the 调休 Sunday', () => {
    // 2024-09-29 (Sun) was a make-up working day; 10-01..10-07 were holidays
    expect(workdaysBetween('2024-09-27', '2024-10-08')).toBe(3);
    // 2024-10-12 (Sat) was a make-up working day
    expect(workdaysBetween('2024-10-08', '2024-10-16')).toBe(7);
    expect(workdaysBetween('2026-11-16', '2026-11-20')).toBe(4);
    expect(workdaysBetween('2026-11-20', '2026-11-20')).toBe(0);
  });

  it('stops counting past the limit asked', () => {
    expect(workdaysBetween('2020-01-01', '2026-01-01', 6)).toBe(7);
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(addMonths('2026-06-01', 3)).toBe('2026-09-01');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('留言 pairing', () => {
  it('pairs each question with the reply before the next question', () => {
    const letters = findLetters(own('letters-list.html'));
    expect(letters.map((l) => [l.asked.date, l.replied?.date ?? null, l.unanswered?.raw ?? null])).toEqual([
      ['2024-09-27', '2024-10-08', null],
      ['2024-10-08', '2024-10-16', null],
      ['2026-06-01', null, '未回复'],
      ['2026-10-20', null, '待回复'],
      ['2025-06-01', null, '未回复'],
      ['2026-11-02', '2026-11-06', null],
    ]);
  });

  it('knows 留言 pages by their names', () => {
    expect(isLetterPage(own('letters-list.html'))).toBe(true);
    expect(isLetterPage(own('letter-detail.html'))).toBe(true);
    expect(isLetterPage(demo('tzgg/index.html'))).toBe(false);
  });
});

describe('interaction.reply-late', () => {
  it('flags a reply after more than 5 working days, not one delayed only by 国庆', () => {
    const page = own('letters-list.html');
    const fs = run(page).filter((f) => f.ruleId === 'interaction.reply-late');
    expect(fs.map((f) => [f.evidence, f.severity])).toEqual([['2024-10-16', 'deduct']]);
    expect(fs[0]!.message).toContain('7 个工作日');
    expect(page.text.slice(fs[0]!.start, fs[0]!.end)).toBe('2024-10-16');
  });

  it('a detail page in table form, with Chinese dates', () => {
    const fs = run(own('letter-detail.html'));
    expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([['interaction.reply-late', '2025年10月15日']]);
  });
});

describe('interaction.unanswered', () => {
  it('a 留言 from the past year, unanswered for more than 3 months (veto)', () => {
    const fs = run(own('letters-list.html')).filter((f) => f.ruleId === 'interaction.unanswered');
    // 2026-10-20 is too recent, 2025-06-01 is older than a year
    expect(fs.map((f) => [f.evidence, f.severity])).toEqual([['2026-06-01 未回复', 'veto']]);
  });

  it('the recent one turns unanswered after 3 months', () => {
    const fs = run(own('letters-list.html'), { ...SETTINGS, today: '2027-01-21' }).filter((f) => f.ruleId === 'interaction.unanswered');
    expect(fs.map((f) => f.evidence)).toEqual(['2026-06-01 未回复', '2026-10-20 待回复']);
  });
});

describe('precision', () => {
  it('registered', () => {
    for (const r of interactionRules) expect(RULES).toContain(r);
  });
  it.each(REAL_PAGES)('%s: nothing', (file, host) => {
    expect(run(realPage(file, host, TODAY).model)).toEqual([]);
  });
  it('nothing on the demo site', () => {
    expect(DEMO_PAGES.flatMap((p) => run(demo(p)))).toEqual([]);
  });
});
