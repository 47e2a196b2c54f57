/** Certificate fingerprints as users paste them (any case, with or without colons) compare equal. */
import { describe, expect, it } from 'vitest';
import { normalizeFingerprint } from '../../../../electron/ftp/control/tlsTrust';

describe('normalizeFingerprint', () => {
  it('normalises fingerprints', () => {
    expect(normalizeFingerprint('ab:cd:EF')).toBe('ABCDEF');
  });
});
