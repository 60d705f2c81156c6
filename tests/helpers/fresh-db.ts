/** A fresh, uniquely named GovCheckDB per call (fake-indexeddb in unit tests), each deleted after its test. */
import { afterEach } from 'vitest';
import { GovCheckDB } from '../../lib/store/db';

export function freshDbFactory(prefix: string): () => GovCheckDB {
  const opened: GovCheckDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return () => {
    const db = new GovCheckDB(`${prefix}-${crypto.randomUUID()}`);
    opened.push(db);
    return db;
  };
}
