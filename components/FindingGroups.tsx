import type { Finding, Severity } from '@/lib/types';
import { severityLabel } from '@/lib/labels';
import { FindingItem, type FindingActions } from './FindingItem';

const ORDER: Severity[] = ['veto', 'deduct', 'hint'];

/** Findings grouped by severity, veto first. */
export function FindingGroups({ findings, actions, showUrl }: { findings: Finding[]; actions: FindingActions; showUrl?: boolean }) {
  if (!findings.length) return <p class="empty">暂无问题记录。</p>;
  return (
    <div>
      {ORDER.map((sev) => {
        const list = findings.filter((f) => f.severity === sev);
        if (!list.length) return null;
        return (
          <section key={sev} class={`group ${sev}`} data-testid={`group-${sev}`}>
            <h3>
              {severityLabel(sev)} <span class="count">{list.length}</span>
            </h3>
            <ul>
              {list.map((f) => (
                <FindingItem key={f.id} f={f} actions={actions} showUrl={showUrl} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
