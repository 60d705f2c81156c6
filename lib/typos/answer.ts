/**
 * The answer to one typo request (message detectTypos): the request is cleaned first (it comes
 * from a page's content script), then the detectors run. Wherever the word lists live (Chromium's
 * offscreen document, Firefox's background page, tests) this is the one entry point.
 */
import { detectTypos } from './index';
import type { TextBlock, TypoFinding, TypoRequest } from './types';
import limits from '../data/typo-stage.json';

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
  return { blocks, exceptions, traditionalPage: req.traditionalPage === true };
}

/** The findings in one batch of a page's text blocks, offsets in the page text. */
export function answerTypos(data: unknown): TypoFinding[] {
  const { blocks, exceptions, traditionalPage } = cleanRequest(data);
  return blocks.length ? detectTypos(blocks, { exceptions, traditionalPage }) : [];
}
