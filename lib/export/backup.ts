/**
 * JSON backup of everything (screenshots as base64) and its import. Import merges: per finding the
 * newer `updatedAt` wins the inspector's fields while round lists, screenshot links and times are
 * combined (see mergeFinding), nothing is dropped without being counted in the summary, and a file
 * that fails validation changes nothing (all checks run before the one write transaction).
 */
import { hm, ymd } from './file-name';
import type { Finding, PageRecord, RoundRecord, ScreenshotRecord, SiteRecord } from '../types';
import type { GovCheckDB } from '../store/db';
import { isAnchor, isSeverity, isSource, isStatus } from '../store/validate';
import { collapseIncoming, planMerge, type ImportSummary } from './backup-merge';
import { planWatchMerge, probeKey, watchSummaryParts } from './backup-watch';
import { probesOf } from '../store/probes';
import type { ProbeRecord, WatchRecord } from '../watch/types';

export { mergeFinding } from './backup-merge';

export const BACKUP_FORMAT = 'govcheck-backup';
export const BACKUP_VERSION = 1;

export interface ScreenshotJson extends Omit<ScreenshotRecord, 'blob'> {
  /** MIME type of the image */
  type: string;
  /** base64 of the image bytes */
  data: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  sites: SiteRecord[];
  pages: PageRecord[];
  findings: Finding[];
  rounds: RoundRecord[];
  screenshots: ScreenshotJson[];
  /** the availability watch and its probes (lists absent from backups made before 0.2: read as empty) */
  watches: WatchRecord[];
  probes: ProbeRecord[];
}

export type { ImportSummary };

/** Probes leave the store without their local row numbers. */
const probeRows = (list: ProbeRecord[]): ProbeRecord[] => list.map(({ id: _drop, ...p }) => p);

export class BackupError extends Error {}

// ---------------------------------------------------------------- base64 (no library: two small loops)

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000; // String.fromCharCode's argument limit
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------- export

export async function exportBackup(db: GovCheckDB, now = Date.now()): Promise<Backup> {
  // one read transaction for a consistent snapshot; the images are encoded after it (awaiting
  // Blob.arrayBuffer inside would let IndexedDB commit the transaction under us)
  const [sites, pages, findings, rounds, shots, watches, probes] = await db.transaction(
    'r',
    [db.sites, db.pages, db.findings, db.rounds, db.screenshots, db.watches, db.probes],
    () => Promise.all([db.sites.toArray(), db.pages.toArray(), db.findings.toArray(), db.rounds.toArray(), db.screenshots.toArray(), db.watches.toArray(), db.probes.toArray()] as const),
  );
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, sites, pages, findings, rounds, screenshots: await encodeShots(shots), watches, probes: probeRows(probes) };
}

/** The backup of one site (its pages, findings and their screenshots, its watch and probes; all rounds): a batch run's record of a finished site. */
export async function exportSiteBackup(db: GovCheckDB, site: string, now = Date.now()): Promise<Backup> {
  const [sites, pages, findings, rounds, shots, watches, probes] = await db.transaction(
    'r',
    [db.sites, db.pages, db.findings, db.rounds, db.screenshots, db.watches, db.probes],
    async () => {
      const findings = await db.findings.where('site').equals(site).toArray();
      return Promise.all([
        db.sites.where('site').equals(site).toArray(),
        db.pages.where('site').equals(site).toArray(),
        findings,
        db.rounds.toArray(),
        db.screenshots.where('findingId').anyOf(findings.map((f) => f.id)).toArray(),
        db.watches.where('site').equals(site).toArray(),
        probesOf(db, site, -Infinity),
      ] as const);
    },
  );
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, sites, pages, findings, rounds, screenshots: await encodeShots(shots), watches, probes: probeRows(probes) };
}

async function encodeShots(shots: ScreenshotRecord[]): Promise<ScreenshotJson[]> {
  const out: ScreenshotJson[] = [];
  for (const { blob, ...rest } of shots) out.push({ ...rest, type: blob.type || 'image/png', data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  return out;
}

export function backupFileName(now: Date): string {
  return `govcheck-backup-${ymd(now)}-${hm(now)}.json`;
}

// ---------------------------------------------------------------- validation

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStrList = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

function need(cond: boolean, where: string, what: string): void {
  if (!cond) throw new BackupError(`${where}：${what}`);
}

/** The record as an object, or a BackupError saying which one is not. */
function recordAt(x: unknown, where: string): Obj {
  need(isObj(x), where, '不是对象');
  return x as Obj;
}

const needSite = (o: Obj, where: string) => need(isStr(o.site) && o.site.length > 0, where, '缺少网站域名（site）');

function checkFinding(f: unknown, i: number): asserts f is Finding {
  const w = `第 ${i + 1} 条问题记录`;
  const o = recordAt(f, w);
  for (const k of ['id', 'ruleId', 'category', 'message', 'evidence', 'url', 'site']) need(isStr(o[k]) && (k === 'evidence' || k === 'message' || (o[k] as string).length > 0), w, `字段 ${k} 缺失或不是文字`);
  need(isSeverity(o.severity), w, `严重程度 “${String(o.severity)}” 无法识别`);
  need(isStatus(o.status), w, `状态 “${String(o.status)}” 无法识别`);
  need(isSource(o.source), w, `来源 “${String(o.source)}” 无法识别`);
  need(isAnchor(o.anchor), w, `定位方式 “${String(o.anchor)}” 无法识别`);
  for (const k of ['createdAt', 'lastSeen', 'updatedAt']) need(isNum(o[k]), w, `时间字段 ${k} 缺失或不是数字`);
  for (const k of ['suggestion', 'note', 'screenshotId', 'inspector', 'round']) need(o[k] === undefined || isStr(o[k]), w, `字段 ${k} 不是文字`);
  // the merge combines these lists, so a string here would be spread into characters
  need(o.seenIn === undefined || isStrList(o.seenIn), w, '检查批次列表（seenIn）格式不正确');
  need(o.reopenedAt === undefined || isNum(o.reopenedAt), w, '重新打开时间（reopenedAt）不是数字');
  need(o.regraded === undefined || typeof o.regraded === 'boolean', w, '人工定级标记（regraded）不是布尔值');
  if (o.quote !== undefined) {
    const q = o.quote as Obj;
    need(isObj(q) && isStr(q.exact) && isStr(q.prefix) && isStr(q.suffix), w, '引文定位（quote）格式不正确');
  }
}

function checkSite(s: unknown, i: number): asserts s is SiteRecord {
  const w = `第 ${i + 1} 个网站记录`;
  const o = recordAt(s, w);
  needSite(o, w);
  for (const k of ['name', 'siteCode', 'homeUrl']) need(isStr(o[k]), w, `字段 ${k} 不是文字`);
  for (const k of ['firstSeen', 'lastSeen']) need(isNum(o[k]), w, `时间字段 ${k} 缺失或不是数字`);
}

function checkPage(p: unknown, i: number): asserts p is PageRecord {
  const w = `第 ${i + 1} 个页面记录`;
  const o = recordAt(p, w);
  need(isStr(o.url) && o.url.length > 0, w, '缺少页面地址（url）');
  needSite(o, w);
  need(isStr(o.title), w, '标题不是文字');
  need(isStr(o.pageType), w, '页面类型不是文字');
  need(o.pubDate === null || isStr(o.pubDate), w, '发布日期格式不正确');
  for (const k of ['scanMs', 'lastScanned', 'findingCount']) need(isNum(o[k]), w, `字段 ${k} 缺失或不是数字`);
  need(o.rounds === undefined || isStrList(o.rounds), w, '检查批次列表（rounds）格式不正确');
}

function checkRound(r: unknown, i: number): asserts r is RoundRecord {
  const w = `第 ${i + 1} 个检查批次`;
  const o = recordAt(r, w);
  need(isStr(o.id) && o.id.length > 0, w, '缺少编号（id）');
  need(isStr(o.name), w, '名称不是文字');
  need(isNum(o.createdAt), w, '创建时间缺失或不是数字');
}

function checkWatch(x: unknown, i: number): asserts x is WatchRecord {
  const w = `第 ${i + 1} 个可用性监测`;
  const o = recordAt(x, w);
  needSite(o, w);
  need(isStr(o.homeUrl), w, '首页地址（homeUrl）不是文字');
  for (const k of ['startedAt', 'endsAt']) need(isNum(o[k]), w, `时间字段 ${k} 缺失或不是数字`);
  need(o.stoppedAt === undefined || isNum(o.stoppedAt), w, '停止时间（stoppedAt）不是数字');
}

function checkProbe(x: unknown, i: number): asserts x is ProbeRecord {
  const w = `第 ${i + 1} 条探测记录`;
  const o = recordAt(x, w);
  needSite(o, w);
  need(isNum(o.at), w, '探测时间（at）缺失或不是数字');
  need(typeof o.ok === 'boolean', w, '结果（ok）不是布尔值');
  need(isNum(o.ms), w, '耗时（ms）缺失或不是数字');
  need(o.status === undefined || isNum(o.status), w, '状态码（status）不是数字');
  need(o.error === undefined || isStr(o.error), w, '错误类型（error）不是文字');
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function checkShot(s: unknown, i: number): asserts s is ScreenshotJson {
  const w = `第 ${i + 1} 张截图`;
  const o = recordAt(s, w);
  need(isStr(o.id) && o.id.length > 0, w, '缺少编号（id）');
  need(isStr(o.findingId) && o.findingId.length > 0, w, '缺少所属问题（findingId）');
  for (const k of ['width', 'height', 'createdAt']) need(isNum(o[k]), w, `字段 ${k} 缺失或不是数字`);
  need(isStr(o.type), w, '图片类型不是文字');
  need(isStr(o.data) && o.data.length % 4 === 0 && B64.test(o.data), w, '图片数据不是有效的 base64（文件可能已损坏）');
}

/** Parses and fully validates a backup file's text; throws BackupError with a Chinese message. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BackupError(`备份文件不是有效的 JSON，可能已损坏或不完整（${e instanceof Error ? e.message : String(e)}）。`);
  }
  return validateBackup(json);
}

export function validateBackup(json: unknown): Backup {
  if (!isObj(json) || json.format !== BACKUP_FORMAT) throw new BackupError('这不是 GovCheck 的备份文件（缺少 format: "govcheck-backup"）。');
  if (!isNum(json.version) || json.version > BACKUP_VERSION)
    throw new BackupError(`备份文件的版本（${String(json.version)}）比本扩展支持的（${BACKUP_VERSION}）新，请先升级扩展。`);
  for (const k of ['sites', 'pages', 'findings', 'rounds', 'screenshots', 'watches', 'probes'] as const) {
    if (json[k] === undefined && k !== 'sites' && k !== 'pages' && k !== 'findings') json[k] = [];
    if (!Array.isArray(json[k])) throw new BackupError(`备份文件缺少 ${k} 列表，可能已损坏。`);
  }
  const b = json as unknown as Backup;
  b.sites.forEach(checkSite);
  b.pages.forEach(checkPage);
  b.findings.forEach(checkFinding);
  b.rounds.forEach(checkRound);
  b.screenshots.forEach(checkShot);
  b.watches.forEach(checkWatch);
  b.probes.forEach(checkProbe);
  return b;
}

// ---------------------------------------------------------------- import (merge rules: backup-merge.ts)

/**
 * Merges a validated backup into the store in one transaction and returns what happened.
 * `onProgress` (0..1) is called between steps for the UI.
 */
export async function importBackup(db: GovCheckDB, b: Backup, onProgress?: (p: number) => void): Promise<ImportSummary> {
  // decode every image before the transaction: a bad one must stop the import, not half of it
  const shots: ScreenshotRecord[] = b.screenshots.map(({ data, type, ...rest }) => {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(data);
    } catch {
      throw new BackupError(`截图 ${rest.id} 的数据无法解码，文件可能已损坏。`);
    }
    return { ...rest, blob: new Blob([bytes as BlobPart], { type: type || 'image/png' }) };
  });
  const incoming = collapseIncoming({ ...b, screenshots: shots });
  onProgress?.(0.1);

  const summary = await db.transaction('rw', [db.sites, db.pages, db.findings, db.rounds, db.screenshots, db.watches, db.probes], async () => {
    const [sites, pages] = await Promise.all([db.sites.bulkGet([...incoming.sites.keys()]), db.pages.bulkGet([...incoming.pages.keys()])]);
    onProgress?.(0.3);
    const findings = await db.findings.bulkGet([...incoming.findings.keys()]);
    onProgress?.(0.5);
    const [rounds, screenshots] = await Promise.all([db.rounds.bulkGet(incoming.rounds.map((r) => r.id)), db.screenshots.bulkGet(shots.map((s) => s.id))]);
    const plan = planMerge(incoming, { sites, pages, findings, rounds, screenshots });
    await db.sites.bulkPut(plan.sites);
    await db.pages.bulkPut(plan.pages);
    await db.findings.bulkPut(plan.findings);
    onProgress?.(0.8);
    await db.rounds.bulkPut(plan.rounds);
    await db.screenshots.bulkPut(plan.screenshots);
    const watch = planWatchMerge({ watches: b.watches, probes: b.probes }, await storedWatch(db, b));
    await db.watches.bulkPut(watch.watches);
    await db.probes.bulkAdd(watch.probes);
    return { ...plan.summary, ...watch.summary };
  });
  onProgress?.(1);
  return summary;
}

/** The stored watches of the backup's sites and the keys of stored probes in its probes' time span, per site. */
async function storedWatch(db: GovCheckDB, b: Backup) {
  const sites = [...new Set(b.watches.map((w) => w.site))];
  const watches = new Map<string, WatchRecord>();
  (await db.watches.bulkGet(sites)).forEach((w) => w && watches.set(w.site, w));
  const span = new Map<string, [number, number]>();
  for (const p of b.probes) {
    const s = span.get(p.site);
    span.set(p.site, s ? [Math.min(s[0], p.at), Math.max(s[1], p.at)] : [p.at, p.at]);
  }
  const keys = new Set<string>();
  for (const [site, [from, to]] of span) {
    for (const p of await probesOf(db, site, from, to)) keys.add(probeKey(p));
  }
  return { watch: (site: string) => watches.get(site), probe: (key: string) => keys.has(key) };
}

/** One Chinese sentence for the UI. */
export function summaryText(s: ImportSummary): string {
  const f = s.findings;
  const parts = [`问题记录：新增 ${f.added} 条，更新 ${f.updated} 条，跳过 ${f.skipped} 条`];
  if (f.skipped) parts[0] += `（本地较新 ${f.skippedOlder} 条，内容相同 ${f.skippedSame} 条）`;
  if (f.duplicates) parts.push(`文件内重复 ${f.duplicates} 条，已保留较新的一条`);
  parts.push(`网站：新增 ${s.sites.added} 个，更新 ${s.sites.updated} 个`);
  parts.push(`页面：新增 ${s.pages.added} 个，更新 ${s.pages.updated} 个，跳过 ${s.pages.skipped} 个`);
  parts.push(`截图：新增 ${s.screenshots.added} 张，跳过 ${s.screenshots.skipped} 张（已存在）`);
  if (s.rounds.added || s.rounds.skipped) parts.push(`检查批次：新增 ${s.rounds.added} 个`);
  parts.push(...watchSummaryParts(s));
  return `导入完成。${parts.join('；')}。`;
}
