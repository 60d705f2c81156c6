import { onMessage } from '@/lib/messages';
import { matchSpamHost } from '@/lib/hosts';
// ~13,000 hosts (≈190 KB): kept out of the content script, loaded once here
import domainsText from '@/lib/data/spam-domains.txt?raw';

let listed: Set<string> | null = null;

function spamDomains(): Set<string> {
  listed ??= new Set(domainsText.split('\n').filter(Boolean));
  return listed;
}

/** Answers checkSpamHosts: the hosts (or their parents) on the illegal-domain list. */
export function checkSpamHosts(hosts: string[]): { host: string; entry: string }[] {
  const set = spamDomains();
  const out: { host: string; entry: string }[] = [];
  for (const host of hosts.slice(0, 1000)) {
    if (typeof host !== 'string') continue;
    const entry = matchSpamHost(host, set);
    if (entry) out.push({ host, entry });
  }
  return out;
}

/** The database is not needed: the list is static data. */
export function registerSpamHandlers(_db?: unknown): void {
  onMessage('checkSpamHosts', ({ data }) => checkSpamHosts(Array.isArray(data) ? data : []));
}
