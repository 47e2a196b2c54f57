/** The dialog's "Leave out" box read as patterns: one a line, blanks ignored, with the limits the main process holds to. Pure. */

/** Most patterns one watch takes. */
export const MAX_PATTERNS = 200;
/** Longest pattern. */
export const MAX_PATTERN_LENGTH = 1024;

/** The patterns, or what is wrong with them in words. */
export function patternsOf(text: string): { patterns: string[] } | { problem: string } {
  const patterns = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (patterns.length > MAX_PATTERNS) return { problem: `At most ${MAX_PATTERNS} patterns (there are ${patterns.length})` };
  const long = patterns.find((p) => p.length > MAX_PATTERN_LENGTH);
  if (long) return { problem: `A pattern may be at most ${MAX_PATTERN_LENGTH} characters long (${long.slice(0, 20)}… is ${long.length})` };
  return { patterns: [...new Set(patterns)] };
}
