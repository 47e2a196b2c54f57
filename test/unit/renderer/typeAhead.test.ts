/** Type-ahead find: prefixes within a second, cycling on the same letter, `..` never matched. */
import { describe, expect, it } from 'vitest';
import { EMPTY_TYPE_AHEAD, isTypeAheadKey, typeAhead, typeAheadBack, TYPE_AHEAD_RESET_MS } from '../../../renderer/lib/typeAhead';

const names = [null, 'docs', 'photos', 'tango.txt', 'Test.txt', 'todo.md', 'my file.txt'];
const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });

/** Types `keys` 10 ms apart from `start`, from cursor `current`; returns the final row. */
function typeKeys(keys: string, current = -1, start = 0) {
  let state = EMPTY_TYPE_AHEAD;
  let index = current;
  [...keys].forEach((k, i) => {
    const step = typeAhead(state, k, start + i * 10, names, index);
    state = step.state;
    if (step.index >= 0) index = step.index;
  });
  return { index, state };
}

describe('type-ahead', () => {
  it('jumps to the first name starting with the typed prefix, case-insensitively', () => {
    expect(typeKeys('t').index).toBe(3);
    expect(typeKeys('te').index).toBe(4);
    expect(typeKeys('TO').index).toBe(5);
    expect(typeKeys('my f').index).toBe(6);
  });
  it('cycles through the names starting with a letter typed again, wrapping round', () => {
    expect(typeKeys('tt').index).toBe(4);
    expect(typeKeys('ttt').index).toBe(5);
    expect(typeKeys('tttt').index).toBe(3);
    // A single letter moves on from the cursor's row.
    expect(typeKeys('t', 4).index).toBe(5);
  });
  it('stays on the cursor while a longer prefix still matches it', () => {
    expect(typeKeys('te', 4).index).toBe(4);
  });
  it('never matches `..` and reports no match as -1', () => {
    expect(typeAhead(EMPTY_TYPE_AHEAD, '.', 0, names, -1).index).toBe(-1);
    expect(typeAhead(EMPTY_TYPE_AHEAD, 'z', 0, names, -1).index).toBe(-1);
  });
  it('starts a new prefix after a pause', () => {
    const first = typeAhead(EMPTY_TYPE_AHEAD, 'd', 0, names, -1);
    const later = typeAhead(first.state, 'p', TYPE_AHEAD_RESET_MS + 1, names, first.index);
    expect(later.state.prefix).toBe('p');
    expect(later.index).toBe(2);
  });
  it('takes printable keys without modifiers; a space only within a prefix', () => {
    expect(isTypeAheadKey(key('a'), EMPTY_TYPE_AHEAD, 0)).toBe(true);
    expect(isTypeAheadKey(key('a', { ctrlKey: true }), EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey(key('Enter'), EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey(key(' '), EMPTY_TYPE_AHEAD, 0)).toBe(false);
    expect(isTypeAheadKey(key(' '), { prefix: 'my', lastKeyMs: 0 }, 10)).toBe(true);
  });
  it('takes back the last character', () => {
    expect(typeAheadBack({ prefix: 'tes', lastKeyMs: 0 }, 5).prefix).toBe('te');
  });
});
