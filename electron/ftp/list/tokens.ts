/**
 * Splitting a listing line into blank-separated words, in one pass and at most a given number
 * of them (so a hostile line of 64 KiB of words costs no more than the words a reader needs).
 * Shared by the readers whose columns are separated by blanks. Pure.
 */

/** A word of a line and where it ends, for readers whose last column (the name) keeps its blanks. */
export interface Token {
  text: string;
  end: number;
}

/** A space or a tab: what separates a listing's columns. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The first `max` blank-separated words with their end positions. */
export function tokenize(line: string, max: number): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (tokens.length < max) {
    while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
    if (pos >= line.length) break;
    const start = pos;
    while (pos < line.length && !isBlank(line.charCodeAt(pos))) pos++;
    tokens.push({ text: line.slice(start, pos), end: pos });
  }
  return tokens;
}

/** The first `max` blank-separated words. */
export function words(line: string, max: number): string[] {
  return tokenize(line, max).map((token) => token.text);
}
