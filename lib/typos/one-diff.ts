/** Position of the one character where text[start…] differs from word, -1 when none or more than one. */
export function oneDiff(text: string, start: number, word: string): number {
  let at = -1;
  for (let k = 0; k < word.length; k++) {
    if (text.charCodeAt(start + k) === word.charCodeAt(k)) continue;
    if (at >= 0) return -1;
    at = k;
  }
  return at;
}
