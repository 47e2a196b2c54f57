/**
 * Hostile lines for the listing readers' linear-time tests: the longest line the parser passes
 * on, and a unit repeated to a given length. A reader that backtracks over such runs takes
 * minutes on them, so the test times out. Test-only.
 */

/** The longest line a reader is given (ListParseOptions.maxLineLength's default). */
export const LONG_LINE = 64 * 1024;

/** `unit` repeated to exactly `length` characters. */
export function fill(unit: string, length = LONG_LINE): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
