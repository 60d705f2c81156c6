/** Rows of the 站点无法访问 watch (lib/store/db.ts v5). */

/** A site under watch: its home page is probed from startedAt until endsAt (or stoppedAt). */
export interface WatchRecord {
  site: string;
  homeUrl: string;
  startedAt: number;
  endsAt: number;
  /** set when the inspector stopped the watch before endsAt */
  stoppedAt?: number;
}

/** One probe that ran. Hours with no probe (browser closed) have no row: gaps, not failures. */
export interface ProbeRecord {
  id?: number;
  site: string;
  at: number;
  ok: boolean;
  /** the HTTP status, when there was one */
  status?: number;
  /** the failure kind (lib/links LinkReason), e.g. timeout, refused, blocked; absent when ok */
  error?: string;
  ms: number;
}
