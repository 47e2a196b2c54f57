/** The wire encoding a site's charset setting maps to (Auto, UTF-8, Latin-1, or none Ferry can speak). */
import { describe, expect, it } from 'vitest';
import { wireEncodingOf } from '../../../shared/charset';

describe('wireEncodingOf', () => {
  it.each([
    ['auto', 'auto'],
    [undefined, 'auto'],
    ['UTF-8', 'utf8'],
    ['utf8', 'utf8'],
    ['ISO-8859-1', 'latin1'],
    ['windows-1252', 'latin1'],
    ['Shift_JIS', null],
  ])('%s → %s', (charset, expected) => {
    expect(wireEncodingOf(charset)).toBe(expected);
  });
});
