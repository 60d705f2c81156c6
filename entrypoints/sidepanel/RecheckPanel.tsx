import type { Finding, PageRecord, RoundRecord } from '@/lib/types';
import { getDb } from '@/lib/store/db';
import { listRounds, findingsForSite } from '@/lib/store/repo';
import { compareRounds, previousRound, type RecheckState } from '@/lib/rounds/compare';
import { useLiveQuery } from '@/components/use-live-query';

const LABEL: Record<RecheckState | 'added', string> = { still: '仍存在', fixed: '已整改', pending: '未复查', added: '新发现' };

/** Re-inspection of this site: the previous round's findings against the active round. */
export function RecheckPanel({ site, active }: { site: string; active: string }) {
  const db = getDb();
  const rounds = useLiveQuery(() => listRounds(db), [], [] as RoundRecord[]);
  const findings = useLiveQuery(() => (site ? findingsForSite(db, site) : Promise.resolve([] as Finding[])), [site], []);
  const pages = useLiveQuery(() => (site ? db.pages.where('site').equals(site).toArray() : Promise.resolve([] as PageRecord[])), [site], []);
  const prev = previousRound(rounds, active);
  if (!site || !prev) return null;
  const r = compareRounds(findings, pages, prev.id, active);
  if (!r.items.length && !r.added.length) return null;
  return (
    <details class="recheck" data-testid="recheck" open>
      <summary>
        复查（{prev.name} → {active}）：仍存在 <b data-testid="recheck-still">{r.counts.still}</b> · 已整改 <b data-testid="recheck-fixed">{r.counts.fixed}</b> · 未复查{' '}
        <b data-testid="recheck-pending">{r.counts.pending}</b> · 新发现 <b data-testid="recheck-added">{r.counts.added}</b>
      </summary>
      <ul>
        {[...r.items.map((i) => ({ f: i.finding, state: i.state as RecheckState | 'added' })), ...r.added.map((f) => ({ f, state: 'added' as const }))].map(({ f, state }) => (
          <li key={f.id} data-testid="recheck-item" data-state={state} data-rule={f.ruleId} title={f.url}>
            <span class={`state ${state}`}>
              {LABEL[state]}
              {state === 'fixed' && f.status === 'fixed' ? '（复查确认）' : ''}
            </span>
            {f.message}
            {f.evidence ? `（${f.evidence}）` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
