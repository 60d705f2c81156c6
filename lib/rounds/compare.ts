import type { Finding, PageRecord } from '../types';

/**
 * Re-inspection states of a previous round's finding in the current round:
 * - still:   seen again by a scan (or its quote re-found) in the current round — 仍存在
 * - fixed:   its page was rescanned in the current round and it was not seen — 已整改
 * - pending: its page has not been rescanned in the current round yet — 未复查
 * Manual findings without a quote cannot be re-detected: they stay pending until the inspector
 * marks them 已整改 (and are then counted fixed once the page was re-inspected).
 */
export type RecheckState = 'still' | 'fixed' | 'pending';

export interface RecheckItem {
  finding: Finding;
  state: RecheckState;
}

export interface RecheckResult {
  items: RecheckItem[];
  /** findings first found in the current round */
  added: Finding[];
  counts: Record<RecheckState, number> & { added: number };
}

/** The rounds a finding was seen in; older records without seenIn count their own round. */
export function roundsSeen(f: Pick<Finding, 'seenIn' | 'round'>): string[] {
  return f.seenIn ?? (f.round ? [f.round] : []);
}

function redetectable(f: Finding): boolean {
  return f.source === 'auto' || !!f.quote;
}

export function recheckState(f: Finding, pageRounds: string[] | undefined, current: string): RecheckState {
  if (roundsSeen(f).includes(current)) return 'still';
  const rescanned = !!pageRounds?.includes(current);
  if (!redetectable(f)) return rescanned && f.status === 'fixed' ? 'fixed' : 'pending';
  return rescanned ? 'fixed' : 'pending';
}

/**
 * Compares a site's findings of the previous round with the current round. Findings the
 * inspector dismissed (false positives) are left out of both lists.
 */
export function compareRounds(findings: Finding[], pages: Pick<PageRecord, 'url' | 'rounds'>[], previous: string, current: string): RecheckResult {
  const pageRounds = new Map(pages.map((p) => [p.url, p.rounds]));
  const items: RecheckItem[] = [];
  const added: Finding[] = [];
  for (const f of findings) {
    if (f.status === 'dismissed') continue;
    const seen = roundsSeen(f);
    if (seen.includes(previous)) items.push({ finding: f, state: recheckState(f, pageRounds.get(f.url), current) });
    else if (f.round === current || (seen[0] === current && !seen.includes(previous))) added.push(f);
  }
  const counts = { still: 0, fixed: 0, pending: 0, added: added.length };
  for (const it of items) counts[it.state]++;
  return { items, added, counts };
}

/** The round created just before `current` (rounds listed in any order), or undefined. */
export function previousRound<R extends { id: string; createdAt: number }>(rounds: R[], current: string): R | undefined {
  const cur = rounds.find((r) => r.id === current);
  const older = rounds.filter((r) => r.id !== current && (!cur || r.createdAt < cur.createdAt));
  return older.sort((a, b) => b.createdAt - a.createdAt)[0];
}
