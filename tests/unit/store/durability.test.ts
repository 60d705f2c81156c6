import { describe, expect, it } from 'vitest';
import { checkStorage, quotaWarning } from '../../../lib/store/durability';

const GB = 1024 ** 3;

describe('storage durability', () => {
  it('requests persistence when not yet granted, and warns only when the quota is nearly used', async () => {
    let asked = 0;
    const roomy = await checkStorage({
      persisted: async () => false,
      persist: async () => (asked++, true),
      estimate: async () => ({ usage: 1 * GB, quota: 10 * GB }),
    });
    expect(asked).toBe(1);
    expect(roomy).toMatchObject({ persisted: true, usage: GB, quota: 10 * GB, warning: null });

    const full = await checkStorage({ persisted: async () => true, persist: async () => (asked++, true), estimate: async () => ({ usage: 9.5 * GB, quota: 10 * GB }) });
    expect(asked).toBe(1); // already persistent: not asked again
    expect(full.warning).toMatch(/存储空间即将用尽.*9\.5 GB.*95%.*导出 JSON 备份/);
  });

  it('never throws when the browser lacks the API or refuses', async () => {
    expect(await checkStorage(undefined)).toEqual({ persisted: null, usage: null, quota: null, warning: null });
    const broken = await checkStorage({ persist: async () => Promise.reject(new Error('no')), estimate: async () => Promise.reject(new Error('no')) });
    expect(broken).toEqual({ persisted: null, usage: null, quota: null, warning: null });
    expect(quotaWarning(0, 0)).toBeNull();
    expect(quotaWarning(79, 100)).toBeNull();
    expect(quotaWarning(80, 100)).not.toBeNull();
  });
});
