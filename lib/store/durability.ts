/**
 * Keeping the inspector's data: ask the browser not to evict our storage, and warn before the
 * quota runs out (a failed write would lose a capture).
 */

/** Share of the quota above which the UI warns. */
export const QUOTA_WARN_RATIO = 0.8;

export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Chinese text for the UI when something needs the user's attention */
  warning: string | null;
}

type StorageLike = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

function defaultStorage(): StorageLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

/** Quota warning text, or null while there is room. */
export function quotaWarning(usage: number, quota: number, ratio = QUOTA_WARN_RATIO): string | null {
  if (!quota || usage / quota < ratio) return null;
  return `存储空间即将用尽：已用 ${formatBytes(usage)}，上限约 ${formatBytes(quota)}（${Math.round((usage / quota) * 100)}%）。请先导出 JSON 备份，再删除不再需要的截图或旧批次，否则新的截图可能无法保存。`;
}

/** Requests persistent storage (once granted it sticks) and reads the quota. Never throws. */
export async function checkStorage(storage: StorageLike | undefined = defaultStorage()): Promise<StorageState> {
  const state: StorageState = { persisted: null, usage: null, quota: null, warning: null };
  if (!storage) return state;
  try {
    state.persisted = (await storage.persisted?.()) ?? null;
    if (!state.persisted && storage.persist) state.persisted = await storage.persist();
  } catch {
    state.persisted = null;
  }
  try {
    const est = await storage.estimate();
    state.usage = est.usage ?? null;
    state.quota = est.quota ?? null;
    if (state.usage !== null && state.quota) state.warning = quotaWarning(state.usage, state.quota);
  } catch {
    // estimate() is missing in some embedders: no warning rather than a broken page
  }
  return state;
}
