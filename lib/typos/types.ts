/** Shapes shared by the typo detectors (lib/typos): what they read and what they report. */

/** A block of page text; `start` is its offset in the page text, findings are offset by it. */
export interface TextBlock {
  text: string;
  start: number;
}

export interface TypoContext {
  /** phrases the inspector accepts: no finding inside them */
  exceptions?: readonly string[];
  /**
   * The page is in traditional characters (the content script's page test, over the whole page):
   * a short block of it with any traditional character and no simplified one is not checked, even
   * in a batch too short to tell by itself (a home page's headlines).
   */
  traditionalPage?: boolean;
}

/** One batch of a page's text for the background (message detectTypos). */
export interface TypoRequest extends TypoContext {
  blocks: TextBlock[];
}

export type TypoKind =
  | 'typo.idiom'
  | 'typo.word'
  | 'name.body-variant'
  | 'expression.leader-name'
  | 'typo.ganzhi'
  | 'name.place-province'
  | 'name.place-variant'
  | 'typo.context'
  | 'typo.regional';

export type TypoSeverity = 'veto' | 'deduct' | 'hint';

export interface TypoFinding {
  /** offsets in the page text (block.start + offset in the block) */
  start: number;
  end: number;
  wrong: string;
  right: string;
  kind: TypoKind;
  severity: TypoSeverity;
  /** why, in Chinese, for the report */
  evidence: string;
}
