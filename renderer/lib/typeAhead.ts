/**
 * Type-ahead find in a file list, as Explorer and FileZilla do it: characters typed in quick
 * succession form a prefix, and the cursor jumps to the first name that starts with it.
 * Pressing the same letter again cycles through the names starting with that letter.
 */

/** Keys typed further apart than this start a new prefix. */
export const TYPE_AHEAD_RESET_MS = 1000;

/** What has been typed so far, and when the last key came. */
export interface TypeAheadState {
  prefix: string;
  lastKeyMs: number;
}

/** Nothing typed yet. */
export const EMPTY_TYPE_AHEAD: TypeAheadState = { prefix: '', lastKeyMs: -Infinity };

/** Whether a key press starts or continues a type-ahead (a printable character without Ctrl, Alt or Meta). */
export function isTypeAheadKey(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }, state: TypeAheadState, nowMs: number): boolean {
  if (e.ctrlKey || e.altKey || e.metaKey || [...e.key].length !== 1) return false;
  // A space only continues a prefix ("my file"); on its own it is not a search.
  return e.key !== ' ' || isActive(state, nowMs);
}

/** Whether a prefix is still being typed. */
export function isActive(state: TypeAheadState, nowMs: number): boolean {
  return state.prefix !== '' && nowMs - state.lastKeyMs <= TYPE_AHEAD_RESET_MS;
}

/** The result of one typed key: the new state and the row to put the cursor on (-1: no match, stay). */
export interface TypeAheadStep {
  state: TypeAheadState;
  index: number;
}

/**
 * Adds `key` to the prefix and finds the row: `names` are the rows' names (null for rows never
 * matched, such as `..`), `current` is the cursor's row or -1.
 */
export function typeAhead(state: TypeAheadState, key: string, nowMs: number, names: readonly (string | null)[], current: number): TypeAheadStep {
  const prefix = (isActive(state, nowMs) ? state.prefix : '') + key.toLowerCase();
  const next: TypeAheadState = { prefix, lastKeyMs: nowMs };
  const isRepeat = [...prefix].every((c) => c === prefix[0]);
  // One letter (or the same one again) moves on from the cursor; a longer prefix may stay on it.
  const needle = isRepeat ? prefix[0] : prefix;
  const start = isRepeat ? current + 1 : Math.max(current, 0);
  const count = names.length;
  for (let i = 0; i < count; i++) {
    const index = (start + i) % count;
    const name = names[index];
    if (name !== null && name.toLowerCase().startsWith(needle)) return { state: next, index };
  }
  return { state: next, index: -1 };
}

/** Removes the last typed character (Backspace while a prefix is being typed). */
export function typeAheadBack(state: TypeAheadState, nowMs: number): TypeAheadState {
  return { prefix: [...state.prefix].slice(0, -1).join(''), lastKeyMs: nowMs };
}
