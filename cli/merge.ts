/**
 * `npm run merge -- a.json b.json … --out all.json`: merges JSON backups (the shards of a batch
 * run, or inspectors' exports) with the dashboard import's rules (lib/export/backup-merge.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, summaryText, type Backup } from '../lib/export/backup';
import { mergeTables } from '../lib/export/backup-merge';

const USAGE = '用法：npm run merge -- 备份1.json 备份2.json … --out 合并.json';

/** The merged backup of `files`' texts; throws a Chinese error naming the file that fails validation. */
export function mergeBackupTexts(files: { name: string; text: string }[], now = Date.now()): { backup: Backup; lines: string[] } {
  const backups = files.map((f) => {
    try {
      return parseBackup(f.text);
    } catch (e) {
      throw new Error(`${f.name}：${e instanceof Error ? e.message : String(e)}`);
    }
  });
  const { tables, summaries } = mergeTables(backups);
  const lines = summaries.map((s, i) => `${files[i]!.name}：${summaryText(s)}`);
  return { backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...tables }, lines };
}

function main(): void {
  const argv = process.argv.slice(2);
  let out: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    if (v === '--out') out = argv[++i];
    else if (v.startsWith('--out=')) out = v.slice(6);
    else if (v === '-h' || v === '--help') return void console.log(USAGE);
    else inputs.push(v);
  }
  if (!out || !inputs.length) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const { backup, lines } = mergeBackupTexts(inputs.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })));
  for (const l of lines) console.error(l);
  writeFileSync(out, JSON.stringify(backup));
  console.error(`已合并 ${inputs.length} 个备份（网站 ${backup.sites.length} 个，问题 ${backup.findings.length} 条）：${path.resolve(out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  try {
    main();
  } catch (e) {
    console.error(`合并失败：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
