/** Moved to lib/hosts.ts (used below lib/rules too: the scan's link probes); kept so rule imports stay short. */
export * from '../hosts';
