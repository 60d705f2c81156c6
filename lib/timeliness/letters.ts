/**
 * 留言 on a 留言/咨询/信箱 page, read from the flattened text: each question's date (留言时间/提问时间…)
 * paired with the next reply date (回复时间/答复时间/办理时间…) before the next question, and
 * whether its item says it is unanswered (未回复/待回复…). Works for detail pages (one question)
 * and for list pages that label both dates per item.
 */
import type { DateMention, PageModel } from '../types';
import data from '../data/interaction.json';
import { contentDates } from './list-items';
import { labelsOf } from '../text/date-labels';
import { detectColumnType } from './column-type';

export interface Letter {
  asked: DateMention;
  replied: DateMention | null;
  /** an unanswered status word inside the item */
  unanswered: { start: number; end: number; raw: string } | null;
}

const GAP = /[\s:：\[\]【】()（）|]*$/;
const LOOKBACK = 16;
const QUESTION = labelsOf('question');
const REPLY = labelsOf('reply');

function labelKind(text: string, d: DateMention): 'q' | 'r' | null {
  const before = text.slice(Math.max(0, d.start - LOOKBACK), d.start).replace(GAP, '');
  if (QUESTION.some((l) => before.endsWith(l))) return 'q';
  if (REPLY.some((l) => before.endsWith(l))) return 'r';
  return null;
}

/** A 留言 page: its title, column or breadcrumb names 留言/咨询/信箱…, and it labels a question date. */
export function isLetterPage(page: Pick<PageModel, 'title' | 'meta' | 'text'>): boolean {
  const col = detectColumnType(page).columnName;
  const names = `${page.title} ${col} ${page.meta.ColumnName ?? ''}`;
  return data.pageWords.some((w) => names.includes(w));
}

export function findLetters(page: Pick<PageModel, 'dates' | 'text' | 'footer'>): Letter[] {
  const labelled = contentDates(page)
    .map((d) => ({ d, kind: labelKind(page.text, d) }))
    .filter((x): x is { d: DateMention; kind: 'q' | 'r' } => x.kind !== null);
  const end = page.footer?.start ?? page.text.length;
  const letters: Letter[] = [];
  for (let i = 0; i < labelled.length; i++) {
    const { d, kind } = labelled[i]!;
    if (kind !== 'q') continue;
    const nextQ = labelled.slice(i + 1).find((x) => x.kind === 'q');
    const itemEnd = nextQ ? nextQ.d.start : end;
    const reply = labelled.slice(i + 1).find((x) => x.kind === 'r' && x.d.start < itemEnd);
    // the item's status follows its question date; text before it may be the previous item's
    const from = d.end;
    const item = page.text.slice(from, itemEnd);
    let unanswered: Letter['unanswered'] = null;
    if (!reply) {
      for (const w of data.unansweredWords) {
        const k = item.indexOf(w);
        if (k >= 0) {
          unanswered = { start: from + k, end: from + k + w.length, raw: w };
          break;
        }
      }
    }
    letters.push({ asked: d, replied: reply?.d ?? null, unanswered });
  }
  return letters;
}
