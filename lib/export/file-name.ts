/** Pieces of export file names, shared by every export (CSV, ZIP, annex, backup). */

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date as YYYYMMDD. */
export function ymd(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
}

/** Local time as HHmm. */
export function hm(now: Date): string {
  return `${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** Characters Windows forbids in file names, plus whitespace, become '_'. */
export function safeName(s: string, fallback = '_'): string {
  return s.trim().replace(/[\\/:*?"<>|\s]+/g, '_') || fallback;
}
