/**
 * The batch run's progress on stderr: sites done / total, pages checked, the URL being fetched.
 * On a terminal one line is redrawn in place; into a file or pipe (CI logs) one line per event.
 */
import type { WriteStream } from 'node:tty';

export class BatchProgress {
  private done = 0;
  private readonly pages = new Map<string, number>();
  private current = '';
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WritableStream & Partial<Pick<WriteStream, 'isTTY' | 'columns'>> = process.stderr,
  ) {
    this.tty = !!out.isTTY;
  }

  /** a site starts: its home page is being opened */
  started(url: string): void {
    this.current = url;
    this.emit(`开始 ${url}`);
  }

  /** pages checked so far on one site (home page plus crawled columns), and the URL now fetched */
  pagesOf(key: string, n: number, current?: string | null): void {
    if (this.pages.get(key) === n && (!current || current === this.current)) return;
    this.pages.set(key, n);
    if (current) this.current = current;
    this.emit();
  }

  finished(url: string, outcome: string): void {
    this.done++;
    this.emit(`完成 ${url}：${outcome}`);
  }

  /** a message that must stay in the log (a TTY's progress line is cleared first) */
  note(text: string): void {
    if (this.tty) this.out.write('\r\x1b[K');
    this.out.write(text + '\n');
    if (this.tty) this.emit();
  }

  end(): void {
    if (this.tty) this.out.write('\n');
  }

  line(): string {
    const pages = [...this.pages.values()].reduce((a, b) => a + b, 0);
    return `网站 ${this.done}/${this.total}，页面 ${pages}${this.current ? `，当前 ${this.current}` : ''}`;
  }

  private emit(event?: string): void {
    if (this.tty) {
      // the line is redrawn in place, so it must not wrap
      this.out.write('\r\x1b[K' + fitWidth(this.line(), (this.out.columns ?? 100) - 1));
    } else this.out.write(`[进度] ${this.line()}${event ? `｜${event}` : ''}\n`);
  }
}

/** `text` cut to `cols` terminal columns (CJK characters take two). */
export function fitWidth(text: string, cols: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (used + w > cols - 1) return out + '…';
    used += w;
    out += ch;
  }
  return out;
}
