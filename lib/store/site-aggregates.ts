/**
 * Per-site (× round) aggregates of the findings (and page counts per site), kept up to date at write time so the dashboard
 * reads ~1 row per site instead of recounting 100k findings (lib/store/stats.ts recountSiteStats).
 *
 * How: a DBCore middleware (installed by GovCheckDB) widens every read-write transaction that
 * touches `findings` to `siteStats` too, and applies each findings mutation's delta (old rows out,
 * new rows in) to the rows of the sites it touched, inside that same transaction. So every writer
 * (saveScan, setStatus, import, captures, clear, tests writing rows directly) keeps them right
 * without knowing about them, and a failed transaction rolls both back together.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Finding, FindingStatus, Severity } from '../types';
import { counts as isCounted } from '../verdict/score';
import { vetoPhrase } from '../verdict/index';
import { roundsSeen } from '../rounds/compare';

/**
 * One row per site and round, plus one per site for all its findings (round ''). A finding counts
 * in every round it belongs to (roundsSeen: first found or seen again), so a problem carried
 * over from an earlier round is in the later round's row too.
 */
export interface SiteAggregate {
  /** `${site}\n${round}` */
  key: string;
  site: string;
  round: string;
  total: number;
  byStatus: Record<FindingStatus, number>;
  /** dismissed excluded */
  bySeverity: Record<Severity, number>;
  /** scored findings (lib/verdict/score.ts counts) by `${ruleId}\t${severity}` */
  rules: Record<string, number>;
  /** open / confirmed vetoes by `${phrase}\t${status}` */
  vetoes: Record<string, number>;
}

/** Pages per site (the dashboard's 页面 column), kept the same way from the pages table. */
export interface SitePageCount {
  site: string;
  pages: number;
}

export const AGG_TABLE = 'siteStats';
export const PAGE_COUNT_TABLE = 'sitePages';
const FINDINGS = 'findings';
const PAGES = 'pages';

export const aggKey = (site: string, round: string | undefined) => `${site}\n${round ?? ''}`;

/** The round of the all-rounds row of a site. */
export const ALL_ROUNDS = '';

/** The keys of the rows a finding counts in: its site's all-rounds row and one per round it belongs to. */
function keysOf(f: Finding): string[] {
  return [...new Set([ALL_ROUNDS, ...roundsSeen(f).filter(Boolean)])].map((r) => aggKey(f.site, r));
}

function emptyAgg(site: string, round: string): SiteAggregate {
  return {
    key: aggKey(site, round),
    site,
    round,
    total: 0,
    byStatus: { open: 0, confirmed: 0, dismissed: 0, fixed: 0 },
    bySeverity: { veto: 0, deduct: 0, hint: 0 },
    rules: {},
    vetoes: {},
  };
}

const bump = (o: Record<string, number>, k: string, by: number) => {
  const n = (o[k] ?? 0) + by;
  if (n) o[k] = n;
  else delete o[k];
};

/** Adds (sign 1) or removes (sign -1) one finding's contribution. */
function apply(a: SiteAggregate, f: Finding, sign: 1 | -1): void {
  a.total += sign;
  if (f.status in a.byStatus) a.byStatus[f.status] += sign;
  if (f.status === 'dismissed') return;
  if (f.severity in a.bySeverity) a.bySeverity[f.severity] += sign;
  if (f.severity === 'veto') {
    if (f.status === 'open' || f.status === 'confirmed') bump(a.vetoes, `${vetoPhrase(f)}\t${f.status}`, sign);
  } else if (isCounted(f)) bump(a.rules, `${f.ruleId}\t${f.severity}`, sign);
}

const isFinding = (x: unknown): x is Finding => !!x && typeof (x as Finding).site === 'string';

/** Aggregates of a list of findings, from scratch (the v3 upgrade; tests). */
export function aggregate(findings: Iterable<Finding>): SiteAggregate[] {
  const m = new Map<string, SiteAggregate>();
  for (const f of findings) {
    if (!isFinding(f)) continue;
    for (const k of keysOf(f)) {
      let a = m.get(k);
      if (!a) m.set(k, (a = emptyAgg(f.site, k.slice(f.site.length + 1))));
      apply(a, f, 1);
    }
  }
  return [...m.values()];
}

/** Page counts of a list of pages, from scratch (the v3 upgrade). */
export function countPages(pages: Iterable<{ site: string }>): SitePageCount[] {
  const m = new Map<string, number>();
  for (const p of pages) if (typeof p?.site === 'string') m.set(p.site, (m.get(p.site) ?? 0) + 1);
  return [...m].map(([site, pages]) => ({ site, pages }));
}

type Delta = { removed: unknown[]; added: unknown[] };

function writePageDelta(counts: DBCoreTable, trans: DBCoreTransaction, { removed, added }: Delta): Promise<unknown> {
  const by = new Map<string, number>();
  const add = (p: unknown, n: number) => {
    const site = (p as { site?: unknown } | undefined)?.site;
    if (typeof site === 'string') by.set(site, (by.get(site) ?? 0) + n);
  };
  removed.forEach((p) => add(p, -1));
  added.forEach((p) => add(p, 1));
  const keys = [...by].filter(([, n]) => n !== 0).map(([site]) => site);
  if (!keys.length) return Promise.resolve();
  return counts.getMany({ trans, keys }).then((rows: (SitePageCount | undefined)[]) => {
    const next = keys.map((site, i) => ({ site, pages: (rows[i]?.pages ?? 0) + by.get(site)! }));
    const put = next.filter((r) => r.pages > 0);
    const del = next.filter((r) => r.pages <= 0).map((r) => r.site);
    return Promise.all([
      put.length ? counts.mutate({ type: 'put', trans, values: put }) : undefined,
      del.length ? counts.mutate({ type: 'delete', trans, keys: del }) : undefined,
    ]);
  });
}

/** Reads the touched aggregate rows, applies the delta, writes them back (or deletes empty ones). */
function writeDelta(agg: DBCoreTable, trans: DBCoreTransaction, { removed, added }: Delta): Promise<unknown> {
  const keys = new Set<string>();
  for (const f of [...removed, ...added]) if (isFinding(f)) for (const k of keysOf(f)) keys.add(k);
  if (!keys.size) return Promise.resolve();
  const list = [...keys];
  return agg.getMany({ trans, keys: list }).then((rows: (SiteAggregate | undefined)[]) => {
    const m = new Map<string, SiteAggregate>();
    list.forEach((k, n) => {
      // the site never holds '\n' (a host name); a round name might
      const i = k.indexOf('\n');
      const [site, round] = [k.slice(0, i), k.slice(i + 1)];
      m.set(k, rows[n] ? structuredClone(rows[n]!) : emptyAgg(site, round));
    });
    for (const f of removed) if (isFinding(f)) for (const k of keysOf(f)) apply(m.get(k)!, f, -1);
    for (const f of added) if (isFinding(f)) for (const k of keysOf(f)) apply(m.get(k)!, f, 1);
    const put = [...m.values()].filter((a) => a.total > 0);
    const del = [...m.values()].filter((a) => a.total <= 0).map((a) => a.key);
    return Promise.all([
      put.length ? agg.mutate({ type: 'put', trans, values: put }) : undefined,
      del.length ? agg.mutate({ type: 'delete', trans, keys: del }) : undefined,
    ]);
  });
}

/** The old rows a mutation replaces or removes (undefined where none). */
function oldRows(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = req;
  if (req.type === 'add') return Promise.resolve([]);
  if (req.type === 'deleteRange') return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
  const pk = table.schema.primaryKey.keyPath as string;
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Record<string, unknown>)[pk]));
  return table.getMany({ trans, keys });
}

/** The rows a mutation writes, minus the ones it failed to write. */
function written(req: DBCoreMutateRequest, res: DBCoreMutateResponse): unknown[] {
  if (req.type !== 'put' && req.type !== 'add') return [];
  return req.values.filter((_, i) => !(i in (res.failures ?? {})));
}

function failedIdx(res: DBCoreMutateResponse): Set<number> {
  return new Set(Object.keys(res.failures ?? {}).map(Number));
}

// one chain per transaction for both tables
type Chained = DBCoreTransaction & { __govcheckAgg?: Promise<unknown> };

/** A table whose mutations also apply their delta through `write`, in the same transaction. */
// DBCoreRangeType.Any (a const enum in Dexie's types): Table.clear()
const ANY_RANGE = 3;

function watched(table: DBCoreTable, aggTable: DBCoreTable, write: (trans: DBCoreTransaction, d: Delta) => Promise<unknown>): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      const trans = req.trans as Chained;
      // one findings mutation at a time per transaction: parallel ones would read the same old
      // aggregate rows and lose each other's deltas
      const run = (): Promise<DBCoreMutateResponse> =>
        // clearing the table clears its aggregates, without reading every old row first
        req.type === 'deleteRange' && (req.range.type as number) === ANY_RANGE
          ? table.mutate(req).then((res) => aggTable.mutate({ type: 'deleteRange', trans, range: req.range }).then(() => res))
          : oldRows(table, req).then((old) =>
          table.mutate(req).then((res) => {
            const failed = failedIdx(res);
            const removed = req.type === 'add' ? [] : old.filter((_, i) => !failed.has(i));
            const delta = { removed, added: written(req, res) };
            return write(req.trans, delta).then(() => res);
          }),
        );
      const p = trans.__govcheckAgg ? trans.__govcheckAgg.then(run, run) : run();
      trans.__govcheckAgg = p.catch(() => undefined);
      return p;
    },
  };
}

/** Installed by GovCheckDB: see the file comment. */
export const siteAggregatesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GovCheckSiteAggregates',
  create(core) {
    const names = core.schema.tables.map((t) => t.name);
    if (!names.includes(AGG_TABLE) || !names.includes(PAGE_COUNT_TABLE)) return core;
    return {
      ...core,
      transaction(stores, mode, options) {
        const extra = mode !== 'readwrite' ? [] : [...(stores.includes(FINDINGS) ? [AGG_TABLE] : []), ...(stores.includes(PAGES) ? [PAGE_COUNT_TABLE] : [])];
        const widened = extra.some((t) => !stores.includes(t)) ? [...new Set([...stores, ...extra])] : stores;
        return core.transaction(widened, mode, options);
      },
      table(name) {
        const t = core.table(name);
        if (name === FINDINGS) return watched(t, core.table(AGG_TABLE), (trans, d) => writeDelta(core.table(AGG_TABLE), trans, d));
        if (name === PAGES) return watched(t, core.table(PAGE_COUNT_TABLE), (trans, d) => writePageDelta(core.table(PAGE_COUNT_TABLE), trans, d));
        return t;
      },
    };
  },
};
