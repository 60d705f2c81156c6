/** The inspector's point weights (editable on the dashboard), kept in extension storage. */
import { DEFAULT_WEIGHTS, validateWeights, type ScoreWeights } from './score';

const KEY = 'scoreWeights';

export async function loadWeights(): Promise<ScoreWeights> {
  try {
    const got = (await chrome.storage.local.get(KEY))[KEY] as Partial<ScoreWeights> | undefined;
    if (!got) return DEFAULT_WEIGHTS;
    const merged: ScoreWeights = {
      ...DEFAULT_WEIGHTS,
      ...got,
      default: { ...DEFAULT_WEIGHTS.default, ...got.default },
      rules: { ...DEFAULT_WEIGHTS.rules, ...got.rules },
    };
    // stored weights that no longer validate fall back to the defaults rather than break scores
    return validateWeights(merged) ? DEFAULT_WEIGHTS : merged;
  } catch {
    return DEFAULT_WEIGHTS;
  }
}

/** Saves after validation; returns the Chinese error, or null when saved. */
export async function saveWeights(w: ScoreWeights): Promise<string | null> {
  const err = validateWeights(w);
  if (err) return err;
  await chrome.storage.local.set({ [KEY]: w });
  return null;
}

export async function resetWeights(): Promise<void> {
  await chrome.storage.local.remove(KEY);
}
