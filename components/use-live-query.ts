import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

/** Dexie's liveQuery as a Preact hook (dexie-react-hooks needs React). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('GovCheck liveQuery', e) });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
