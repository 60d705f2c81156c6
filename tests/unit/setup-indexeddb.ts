// Unit files share their worker's module cache (isolate: false in vitest.config.ts), so Dexie is
// imported once per worker and keeps the IndexedDB it found then: install the fake one before
// any file imports Dexie, whichever file the worker happens to run first.
import 'fake-indexeddb/auto';
