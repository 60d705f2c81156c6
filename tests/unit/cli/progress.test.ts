import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { BatchProgress, fitWidth } from '../../../cli/progress';

function sink(tty: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (tty) Object.assign(s, { isTTY: true, columns: 60 });
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { s, text: () => text };
}

describe('batch progress on stderr', () => {
  it('fits a line to the terminal width, CJK characters counting two columns', () => {
    expect(fitWidth('网站 1/2', 20)).toBe('网站 1/2');
    expect(fitWidth('网站网站网站', 7)).toBe('网站网…');
  });

  it('into a pipe: one line per event with sites done/total, pages and the current URL', () => {
    const out = sink(false);
    const p = new BatchProgress(2, out.s);
    p.started('http://www.a.gov.cn/');
    p.pagesOf('www.a.gov.cn', 1, 'http://www.a.gov.cn/');
    p.pagesOf('www.a.gov.cn', 1, 'http://www.a.gov.cn/'); // nothing new: no line
    p.pagesOf('www.a.gov.cn', 5, 'http://www.a.gov.cn/col3/');
    p.finished('http://www.a.gov.cn/', '合格，问题 0 个');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toEqual([
      '[进度] 网站 0/2，页面 0，当前 http://www.a.gov.cn/｜开始 http://www.a.gov.cn/',
      '[进度] 网站 0/2，页面 1，当前 http://www.a.gov.cn/',
      '[进度] 网站 0/2，页面 5，当前 http://www.a.gov.cn/col3/',
      '[进度] 网站 1/2，页面 5，当前 http://www.a.gov.cn/col3/｜完成 http://www.a.gov.cn/：合格，问题 0 个',
    ]);
  });

  it('on a terminal: one line redrawn in place, cut to the width, no newline until the end', () => {
    const out = sink(true);
    const p = new BatchProgress(50, out.s);
    p.started('http://www.a-very-long-host-name-for-a-county.gov.cn/some/deep/path/');
    p.pagesOf('a', 3, null);
    expect(out.text()).not.toContain('\n');
    const frames = out.text().split('\r\x1b[K').filter(Boolean);
    expect(frames).toHaveLength(2);
    // CJK characters take two columns: the frame fits 59 columns, not 59 characters
    for (const f of frames) expect([...f].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(59);
    expect(frames[0]!.endsWith('…')).toBe(true);
    p.end();
    expect(out.text().endsWith('\n')).toBe(true);
  });
});
