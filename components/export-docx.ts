/**
 * The dashboard's Word 通报 export: reads the round (and the filtered sites) from the store, builds
 * the .docx and hands it to the browser's download. The Word library is loaded on first use, so
 * the dashboard does not pay for it until an inspector exports.
 */
import type { GovCheckDB } from '@/lib/store/db';
import type { DocxRequest } from '@/lib/export/docx-store';
import { downloadBlob } from './download';
import type { Report } from './export-actions';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function exportDocx(db: GovCheckDB, req: DocxRequest, report: Report): Promise<void> {
  try {
    report('progress', '正在生成 Word 通报（读取检查结果与截图）…');
    const [{ reportInputFromStore, docxFileName }, { buildReportDocx }] = await Promise.all([import('@/lib/export/docx-store'), import('@/lib/export/docx')]);
    const input = await reportInputFromStore(db, req);
    if (!input.sites.length) {
      report('info', '没有可写入通报的网站。');
      return;
    }
    report('progress', `正在生成 Word 通报（${input.sites.length} 个网站，${input.screenshots?.length ?? 0} 张截图）…`);
    const bytes = await buildReportDocx(input);
    const now = req.now ?? new Date();
    downloadBlob(docxFileName(req.roundName, now), new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
    const pending = input.sites.filter((s) => s.verdict?.verdict === '疑似不合格').length;
    report(
      'info',
      `已生成 Word 通报（${input.sites.length} 个网站，${input.screenshots?.length ?? 0} 张截图）。` +
        (pending ? `注意：${pending} 个网站存在未确认的单项否决问题（疑似不合格），通报未引用，确认后再发布。` : ''),
    );
  } catch (e) {
    report('error', `生成 Word 通报失败：${e instanceof Error ? e.message : String(e)}`);
  }
}
