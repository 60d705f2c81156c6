// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackground } from './harness';

let bg: Awaited<ReturnType<typeof startBackground>>;
beforeEach(async () => {
  bg = await startBackground();
  bg.modules.spam.registerSpamHandlers();
});
afterEach(() => bg.close());

describe('background: checkSpamHosts', () => {
  it('answers the listed hosts (and subdomains of listed ones), never official hosts', async () => {
    // 0000-qq.cn is on lib/data/spam-domains.txt
    const r = await bg.send('checkSpamHosts', ['0000-qq.cn', 'bet.0000-qq.cn', 'www.gov.cn', 'www.yichun.gov.cn', 'example.com']);
    expect(r).toEqual([
      { host: '0000-qq.cn', entry: '0000-qq.cn' },
      { host: 'bet.0000-qq.cn', entry: '0000-qq.cn' },
    ]);
  });

  it('ignores what is not a list of host names', async () => {
    expect(await bg.send('checkSpamHosts', 'bet.0000-qq.cn' as never)).toEqual([]);
    expect(await bg.send('checkSpamHosts', [42, null, '0000-qq.cn'] as never)).toEqual([{ host: '0000-qq.cn', entry: '0000-qq.cn' }]);
  });
});
