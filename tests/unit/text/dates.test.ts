import { describe, expect, it } from 'vitest';
import { GAP_CODES, SPACE_CODES, eachMonthDay, eachNumericDate, findDates, inferYear, isClockDate, isoDate } from '../../../lib/text/dates';
import { forgetLongTexts } from '../../../lib/text/normalise';

const TODAY = '2024-01-05';
const find = (text: string, footerStart?: number) => findDates(text, { today: TODAY, footerStart });
const isoOf = (text: string) => find(text).map((d) => d.date);

describe('findDates: forms', () => {
  it.each([
    ['2022-07-27', '2022-07-27'],
    ['2022/7/27', '2022/7/27'],
    ['2022.07.27', '2022.07.27'],
    ['2022年7月27日', '2022年7月27日'],
    ['2022 年 7 月 27 日', '2022 年 7 月 27 日'],
    ['2022年07月27日', '2022年07月27日'],
    ['２０２２－０７－２７', '２０２２－０７－２７'],
    ['２０２２年７月２７日', '２０２２年７月２７日'],
  ])('parses %s', (form, raw) => {
    const text = `会议于${form}召开。`;
    const [d, ...rest] = find(text);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ raw, date: '2022-07-27', inFooter: false });
    expect(d!.inferredYear).toBeUndefined();
    expect(text.slice(d!.start, d!.end)).toBe(raw);
  });

  it('keeps a time after the date in the raw span', () => {
    const text = '发布时间：2022-07-27 15:43 来源：本站';
    const [d] = find(text);
    expect(d).toMatchObject({ raw: '2022-07-27 15:43', date: '2022-07-27', label: '发布时间' });
    expect(find('2022-07-27T15:43:00')[0]!.raw).toBe('2022-07-27T15:43:00');
    expect(find('2022年7月27日 09:30:00')[0]!.raw).toBe('2022年7月27日 09:30:00');
  });

  it('returns mentions in text order with offsets into the original text', () => {
    const text = '通知\n[12-28] 标题\n2023年3月1日 与 2022-07-27';
    const ds = find(text);
    expect(ds.map((d) => d.date)).toEqual(['2023-12-28', '2023-03-01', '2022-07-27']);
    for (const d of ds) expect(text.slice(d.start, d.end)).toBe(d.raw);
  });
});

describe('findDates: month-day list items', () => {
  it.each([
    ['关于开展检查的通知\n11-20\n', '2023-11-20', '11-20'],
    ['关于开展检查的通知 [11-20]', '2023-11-20', '11-20'],
    ['关于开展检查的通知 (07-27)', '2023-07-27', '07-27'],
    ['关于开展检查的通知（07-27）', '2023-07-27', '07-27'],
    ['关于开展检查的通知【01-03】', '2024-01-03', '01-03'],
    ['关于开展检查的通知 01-05 09:00', '2024-01-05', '01-05 09:00'],
  ])('infers the year in %j', (text, date, raw) => {
    const [d, ...rest] = find(text);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ date, raw, inferredYear: true });
  });

  it('never puts an inferred date in the future (year boundary)', () => {
    // today is 2024-01-05: 12-31 is last year, 01-05 is today, 01-06 is last year
    expect(isoOf('12-31\n01-05\n01-06')).toEqual(['2023-12-31', '2024-01-05', '2023-01-06']);
    expect(findDates('12-31', { today: '2023-12-31' })[0]!.date).toBe('2023-12-31');
  });

  it('finds the most recent leap year for 02-29', () => {
    expect(inferYear(2, 29, '2025-03-01')).toBe('2024-02-29');
    expect(inferYear(2, 29, '2024-02-28')).toBe('2020-02-29');
  });

  it('reads a list date glued to its title at the end of the line (<a>标题</a><span>11-20</span>)', () => {
    expect(find('示范县晚稻收割基本完成11-20\n县政府召开会议11-18')).toMatchObject([
      { raw: '11-20', date: '2023-11-20', inferredYear: true },
      { raw: '11-18', date: '2023-11-18', inferredYear: true },
    ]);
    // glued on both sides, or followed by more text on the line: not a list date
    expect(find('适用于11-12月的安排')).toEqual([]);
    expect(find('共计11-20人参加')).toEqual([]);
    expect(find('第11-20条\n')).toEqual([]);
  });

  it('ignores month-day pairs glued to other text', () => {
    expect(find('适用年龄10-12岁')).toEqual([]);
    expect(find('第10-12条')).toEqual([]);
    expect(find('办公时间 08:30-12:00')).toEqual([]);
    expect(find('房号 3-12-05')).toEqual([]);
    expect(find('13-01')).toEqual([]);
    expect(find('02-30')).toEqual([]);
  });
});

describe('findDates: rejects non-dates', () => {
  it.each([
    ['phone numbers', '联系电话：0795-3520213，手机13800138000，传真010-12345678'],
    ['a phone number shaped like a date', '咨询电话：0791-86-12'],
    ['文号', '国发〔2022〕5号、赣府字〔2019〕12号'],
    ['year ranges', '《2019-2022年行动计划》和2014—2018年、2019~2022年'],
    ['a bare time', '上午 15:43 开始'],
    ['version numbers', '版本 v1.2.3，浏览器 Chrome 120.0.6099.109，内核 3.10.12'],
    ['longer numbers', '编号12022-07-27号，流水号2022-07-271'],
    ['year-month only', '2022-07 月报，2022年7月'],
    ['index numbers', '索引号：000014349/2019-00007'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });

  it.each(['2022-02-30', '2022年2月30日', '2022/13/01', '2023-02-29', '2022-00-10', '2022.04.31'])(
    'skips the impossible date %s',
    (raw) => {
      expect(find(`日期：${raw}`)).toEqual([]);
    },
  );

  it('accepts 2024-02-29 (leap year)', () => {
    expect(isoOf('2024-02-29')).toEqual(['2024-02-29']);
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
  });
});

describe('findDates: footer and copyright', () => {
  it('marks dates at or after footerStart as footer dates', () => {
    const text = '发布日期：2023-06-01\n正文\n主办单位：某某县人民政府 2023-12-01';
    const footerStart = text.indexOf('主办');
    const ds = find(text, footerStart);
    expect(ds.map((d) => [d.date, d.inFooter])).toEqual([
      ['2023-06-01', false],
      ['2023-12-01', true],
    ]);
  });

  it('marks dates on a copyright line even without a footer region', () => {
    const ds = find('正文 2023-06-01\n版权所有 © 2003-2023 更新于 2023-12-01\nCopyright 2023.12.02\n© 2023年12月3日');
    expect(ds.map((d) => d.inFooter)).toEqual([false, true, true, true]);
  });

  it('reads each line for its own copyright mark, however far apart the marks are', () => {
    const ds = find(
      '2023-01-01 正文\n2023-01-02 及 2023-01-03\n' + '正文\n'.repeat(50) + '2023-01-04 COPYRIGHT\n2023-01-05\n2023-01-06 版权所有 2023-01-07\n2023-01-08',
    );
    expect(ds.map((d) => [d.date, d.inFooter])).toEqual([
      ['2023-01-01', false],
      ['2023-01-02', false],
      ['2023-01-03', false],
      ['2023-01-04', true],
      ['2023-01-05', false],
      ['2023-01-06', true],
      ['2023-01-07', true],
      ['2023-01-08', false],
    ]);
  });
});

describe('findDates: labels', () => {
  it.each([
    ['发布时间：2023-06-01', '发布时间'],
    ['发布日期: 2023-06-01', '发布日期'],
    ['【更新时间】2023-06-01', '更新时间'],
    ['成文日期：2023年6月1日', '成文日期'],
    ['日期：2023-06-01', '日期'],
    ['时间：2023-06-01 10:00', '时间'],
    ['来源：本站 发布时间：2023-06-01', '发布时间'],
  ])('%s → %s', (text, label) => {
    expect(find(text)[0]!.label).toBe(label);
  });

  it('reads a label from the end of the previous line (table cells)', () => {
    const ds = find('成文日期：\n2019年01月27日\n发文字号：\n国发〔2019〕5号\n发布日期：\n2019年02月15日');
    expect(ds.map((d) => [d.date, d.label])).toEqual([
      ['2019-01-27', '成文日期'],
      ['2019-02-15', '发布日期'],
    ]);
  });

  it('reads a label across the white space of a flattened table', () => {
    const text = '生成日期：\n                \n\n                  2023-05-11\n\t\t发文日期：\n\t\t\n\n\t\t2023-04-18';
    expect(find(text).map((d) => d.label)).toEqual(['生成日期', '发文日期']);
  });

  it('gives no label to other words ending in 日期/时间 or to a far label', () => {
    expect(find('报名截止日期：2023-06-01')[0]!.label).toBeUndefined();
    expect(find('活动时间：2023-06-01')[0]!.label).toBeUndefined();
    expect(find('发布时间由系统记录，实际为2023-06-01')[0]!.label).toBeUndefined();
    expect(find('标题 2023-06-01')[0]!.label).toBeUndefined();
  });
});

describe('isClockDate', () => {
  const clock = (text: string) => {
    const [d] = find(text);
    return isClockDate(text, d!);
  };
  it('recognises a header clock widget', () => {
    expect(clock('政府网\n2023年10月11日 星期三\n繁體版')).toBe(true);
    expect(clock('欢迎访问 今天是：2023年10月11日 星期三')).toBe(true);
    expect(clock('2023-10-11 周三 10:22\n首页')).toBe(true);
    expect(clock('\n  2023年10月11日\n\t\t星期三\n繁體版')).toBe(true);
  });
  it('leaves content dates alone', () => {
    expect(clock('会议定于2023年10月11日（星期三）上午召开。')).toBe(false);
    expect(clock('发布日期：2023-10-11\n星期三的会议')).toBe(false);
    expect(clock('2023-10-11\n关于开展检查的通知')).toBe(false);
  });
});

describe('findDates without the page-sized fold', () => {
  // the fold is skipped when no full-width digit and no full-width －／．： between digits is present;
  // the answer must be the same as with it
  it('finds the same dates as on the folded text', () => {
    const today = '2026-11-20';
    const samples = [
      '发布时间：2024-05-12 10:30\n索引号：ABC／2023\n（11-20）标题',
      '2024．05．06 通知\n日期：2023/7/27 ，截止：08:30',
      '电话：010－2022-07-27\n2022-07-27：12\n时间2022年7月27日 15：43',
      '２０２４年１月８日 星期一\n[11/20]标题',
    ];
    for (const t of samples) {
      const folded = t.replace(/[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E\uFF1A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      const strip = (ds: ReturnType<typeof findDates>) => ds.map((d) => [d.start, d.end, d.date, d.label ?? '']);
      expect(strip(findDates(t, { today })), t).toEqual(strip(findDates(folded, { today })));
    }
  });
});

describe('findDates: the label gap and white space tables', () => {
  it('holds exactly the characters of the regex class it replaces', () => {
    const gap = /[\s:：\[\]【】()（）<>〔〕|]/;
    const wrong: number[] = [];
    const space = /\s/;
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      if ((GAP_CODES[c] === 1) !== gap.test(ch) || (SPACE_CODES[c] === 1) !== space.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('reads a label across the gap and refuses one glued to a longer number', () => {
    expect(find('发布时间：【 2023-06-01').map((d) => d.label)).toEqual(['发布时间']);
    expect(find('编号 x2023-06-01 与 1-2023-06-02 及 2023-06-03_ 与 2023-06-04.5')).toEqual([]);
  });
});

describe('findDates: numeric dates tried at digit runs', () => {
  it('finds the spans a global search of each pattern finds', () => {
    const HS = '[ \\t\\u00a0\\u3000]';
    const TIME = `(?:(?:${HS}+|T)(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)?`;
    const numeric = new RegExp(`(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}`, 'g');
    const monthDay = new RegExp(`(\\d{2})[-/](\\d{2})${TIME}`, 'g');
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['2024', '12024', '5', '05', '12', '1', '-', '/', '.', ' ', 'T', '15:43', '09:30:00', '23:59', '年', '\n', '（', '11-20', '2022-07-27', '2022/7/2', '2022.07.27 8:05'];
    let total = 0;
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: 16 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('') + (round % 2 ? '。'.repeat(4096) : '');
      forgetLongTexts();
      for (const [re, each] of [[numeric, eachNumericDate], [monthDay, eachMonthDay]] as const) {
        const want = [...text.matchAll(re)].map((m) => `${m.index}-${m.index + m[0].length}`);
        const got: string[] = [];
        each(text, (a, b) => got.push(`${a}-${b}`));
        expect([text, got]).toEqual([text, want]);
        total += want.length;
      }
    }
    expect(total).toBeGreaterThan(800);
  });

  it('reads year, month and day of every numeric form', () => {
    const ds = findDates('甲 2022-7-2 乙 2022/07/27 丙 2022.12.1 15:43 丁 2022-1-05\n[11-20] 戊\n', { today: '2022-12-31' });
    expect(ds.map((d) => [d.raw, d.date])).toEqual([
      ['2022-7-2', '2022-07-02'],
      ['2022/07/27', '2022-07-27'],
      ['2022.12.1 15:43', '2022-12-01'],
      ['2022-1-05', '2022-01-05'],
      ['11-20', '2022-11-20'],
    ]);
  });
});
