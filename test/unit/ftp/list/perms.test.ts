/** Permission bits in listings: symbolic strings both ways (setuid, setgid, sticky) and octal modes. */
import { describe, expect, it } from 'vitest';
import { modeToSymbolic, parseOctalMode, symbolicToMode } from '../../../../electron/ftp/list';

describe('permissions', () => {
  it.each([
    [0o755, 'rwxr-xr-x'],
    [0o644, 'rw-r--r--'],
    [0o000, '---------'],
    [0o4755, 'rwsr-xr-x'],
    [0o4644, 'rwSr--r--'],
    [0o2750, 'rwxr-s---'],
    [0o2640, 'rw-r-S---'],
    [0o1777, 'rwxrwxrwt'],
    [0o1776, 'rwxrwxrwT'],
    [0o107777, 'rwsrwsrwt'],
  ])('%o <-> %s', (mode, symbolic) => {
    expect(modeToSymbolic(mode)).toBe(symbolic);
    expect(symbolicToMode(symbolic)).toBe(mode & 0o7777);
  });

  it('rejects symbolic strings that are not permissions', () => {
    expect(symbolicToMode('rwxr-xr-')).toBeUndefined();
    expect(symbolicToMode('rwxr-xr-s')).toBeUndefined();
    expect(symbolicToMode('drwxr-xr-x')).toBeUndefined();
  });

  it.each([
    ['0644', 0o644],
    ['0o755', 0o755],
    ['0O755', 0o755],
    ['100644', 0o644],
    ['8', undefined],
    ['', undefined],
    ['0x1ff', undefined],
  ])('parseOctalMode(%j)', (text, expected) => {
    expect(parseOctalMode(text)).toBe(expected);
  });
});
