/**
 * The open-vocabulary typo detectors (lib/typos) for the `typos` stage: the content script and the
 * offscreen document send a page's text blocks, this answers with the findings' offsets. The word
 * list (≈1.2 MB) lives only here; its indexes are built on the first request and kept for the
 * session. Firefox's background page is this same module.
 */
import { onMessage } from '@/lib/messages';
import { detectTypos } from '@/lib/typos';
import type { TextBlock, TypoFinding, TypoRequest } from '@/lib/typos/types';
import limits from '@/lib/data/typo-stage.json';

/** Only well-formed blocks and exceptions, at most one message's worth of text: the sender is a page's content script. */
function cleanRequest(data: unknown): TypoRequest {
  const req = (data ?? {}) as Partial<TypoRequest>;
  const blocks: TextBlock[] = [];
  let chars = 0;
  for (const b of Array.isArray(req.blocks) ? req.blocks : []) {
    if (typeof b?.text !== 'string' || !Number.isInteger(b.start) || b.start < 0) continue;
    if (chars + b.text.length > limits.maxCharsPerMessage) break;
    blocks.push({ text: b.text, start: b.start });
    chars += b.text.length;
  }
  const exceptions = (Array.isArray(req.exceptions) ? req.exceptions : []).filter((e): e is string => typeof e === 'string');
  return { blocks, exceptions };
}

/** Answers detectTypos: the findings in one batch of a page's text blocks, offsets in the page text. */
export function answerTypos(data: unknown): TypoFinding[] {
  const { blocks, exceptions } = cleanRequest(data);
  return blocks.length ? detectTypos(blocks, { exceptions }) : [];
}

export function registerTyposHandlers(_db?: unknown): void {
  onMessage('detectTypos', ({ data }) => answerTypos(data));
}
