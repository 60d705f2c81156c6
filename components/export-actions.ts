/**
 * The export / import actions shared by the dashboard and the side panel: each reads the store,
 * builds the file with lib/export, and hands it to the browser's download. Progress and errors
 * go to `report` as Chinese text.
 */
import type { GovCheckDB } from '@/lib/store/db';
import type { Finding, ScreenshotRecord } from '@/lib/types';
import { csvFileName } from '@/lib/export/csv';
import { findingsInScope, sitesById, scopeLabel, csvParts, type ExportScope } from '@/lib/export/scope';
import { buildZip, zipFileName } from '@/lib/export/zip';
import { exportBackup, backupFileName, parseBackup, importBackup, summaryText, BackupError } from '@/lib/export/backup';
import { annexDocument, serializeDocument, scoreCsv, problemCsv, annexFileName, unconfirmedSites } from '@/lib/export/annex';
import { siteStats } from '@/lib/store/stats';
import { screenshotsForFindings } from '@/lib/store/repo';
import type { ScoreWeights } from '@/lib/verdict/score';
import { downloadBlob } from './download';


export type Report = (kind: 'info' | 'error' | 'progress', text: string) => void;

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The screenshots of these findings (all of them for a full export). */
export async function screenshotsOf(db: GovCheckDB, findings: Finding[], all: boolean): Promise<ScreenshotRecord[]> {
  if (all) return db.screenshots.toArray();
  return screenshotsForFindings(db, findings.map((f) => f.id));
}

export async function exportCsv(db: GovCheckDB, scope: ExportScope, report: Report, roundName?: string): Promise<number> {
  try {
    report('progress', '正在导出 CSV…');
    const t0 = performance.now();
    const { parts, count } = await csvParts(db, scope);
    performance.measure('govcheck-csv', { start: t0 });
    if (!count) {
      report('info', '没有可导出的问题记录。');
      return 0;
    }
    downloadBlob(csvFileName(scopeLabel(scope, roundName), new Date()), new Blob(parts, { type: 'text/csv;charset=utf-8' }));
    report('info', `已导出 ${count} 条问题记录（CSV）。`);
    return count;
  } catch (e) {
    report('error', `导出 CSV 失败：${errText(e)}`);
    return 0;
  }
}

export async function exportZip(db: GovCheckDB, scope: ExportScope, report: Report, roundName?: string): Promise<void> {
  try {
    report('progress', '正在打包 ZIP（问题清单与截图）…');
    const [findings, sites] = await Promise.all([findingsInScope(db, scope), sitesById(db)]);
    const shots = await screenshotsOf(db, findings, scope.kind === 'all');
    const label = scopeLabel(scope, roundName);
    const now = new Date();
    const zip = await buildZip({ csvName: csvFileName(label, now), findings, sites, screenshots: shots });
    downloadBlob(zipFileName(label, now), new Blob([zip as BlobPart], { type: 'application/zip' }));
    report('info', `已导出 ZIP：${findings.length} 条问题记录，${shots.length} 张截图。`);
  } catch (e) {
    report('error', `导出 ZIP 失败：${errText(e)}`);
  }
}

export async function exportJson(db: GovCheckDB, report: Report): Promise<void> {
  try {
    report('progress', '正在生成 JSON 备份…');
    const b = await exportBackup(db);
    downloadBlob(backupFileName(new Date()), new Blob([JSON.stringify(b)], { type: 'application/json' }));
    report('info', `已导出备份：${b.sites.length} 个网站，${b.findings.length} 条问题记录，${b.screenshots.length} 张截图。`);
  } catch (e) {
    report('error', `导出备份失败：${errText(e)}`);
  }
}

export async function importJson(db: GovCheckDB, file: File, report: Report): Promise<boolean> {
  try {
    report('progress', `正在读取 ${file.name}…`);
    const text = await file.text();
    report('progress', '正在校验备份文件…');
    const backup = parseBackup(text);
    const sum = await importBackup(db, backup, (p) => report('progress', `正在导入… ${Math.round(p * 100)}%`));
    report('info', summaryText(sum));
    return true;
  } catch (e) {
    const why = e instanceof BackupError ? e.message : `写入数据库时出错（${errText(e)}）。`;
    report('error', `导入失败，现有数据未作任何改动。${why}`);
    return false;
  }
}

export interface AnnexRequest {
  weights?: ScoreWeights;
  round?: string;
  roundName?: string;
  kind: 'html' | 'scores' | 'problems';
}

export async function exportAnnex(db: GovCheckDB, req: AnnexRequest, report: Report): Promise<void> {
  try {
    report('progress', '正在生成通报附件…');
    const stats = await siteStats(db, { round: req.round }, { weights: req.weights });
    if (!stats.length) {
      report('info', '还没有检查过的网站。');
      return;
    }
    const now = new Date();
    if (req.kind === 'html') {
      const doc = annexDocument(document.implementation, stats, { period: req.roundName });
      downloadBlob(annexFileName('html', now), new Blob([serializeDocument(doc)], { type: 'text/html;charset=utf-8' }));
    } else {
      const csv = req.kind === 'scores' ? scoreCsv(stats) : problemCsv(stats);
      downloadBlob(annexFileName(req.kind, now), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    }
    const pending = unconfirmedSites(stats).length;
    report(
      'info',
      `已生成通报附件（${stats.length} 个网站）。` + (pending ? `注意：${pending} 个网站存在未确认的单项否决问题（疑似不合格），确认或忽略后再发布。` : ''),
    );
  } catch (e) {
    report('error', `生成通报附件失败：${errText(e)}`);
  }
}
