/** The wire encoding a site's charset setting maps to (UTF-8, Latin-1, or none Ferry can speak). */
import { describe, expect, it } from 'vitest';
import { wireEncodingOf } from '../../../shared/charset';

describe('wireEncodingOf', () => {
  it.each([
    ['auto', 'utf8'],
    [undefined, 'utf8'],
    ['UTF-8', 'utf8'],
    ['utf8', 'utf8'],
    ['ISO-8859-1', 'latin1'],
    ['windows-1252', 'latin1'],
    ['Shift_JIS', null],
  ])('%s → %s', (charset, expected) => {
    expect(wireEncodingOf(charset)).toBe(expected);
  });
});
