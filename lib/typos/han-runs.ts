/** Runs of Han characters in a text: the unit the segment-based detectors work on. */
const HAN_RUN = /[\u4e00-\u9fff]+/gu;

export function* hanRuns(text: string): Generator<{ start: number; text: string }> {
  for (const m of text.matchAll(HAN_RUN)) yield { start: m.index!, text: m[0] };
}
