import { describe, expect, it } from 'vitest';
import { decodeServerPath, encodeServerPath } from '../../../../electron/sites/filezilla/serverPath';

describe('decodeServerPath', () => {
  it.each([
    ['1 0 6 public 4 html', '/public/html'],
    ['1 0', '/'],
    ['1 0 ', '/'],
    ['0 0 3 pub 3 gnu ', '/pub/gnu'],
    ['1 0 10 Acme Files 11 2024 Orders', '/Acme Files/2024 Orders'],
    ['1 0 3  a  2 b ', '/ a /b '],
    ['1 0 1 1 2 22', '/1/22'],
    ['3 0 2 C: 7 inetpub', 'C:\\inetpub'],
    ['3 0 2 C:', 'C:\\'],
    ['10 0 2 D: 4 data', 'D:/data'],
    ['8 0 5 share', '\\share'],
    ['2 5 DISK: 3 USR 4 DATA', 'DISK:[USR.DATA]'],
    ['2 0 3 A.B', '[A^.B]'],
    ['4 1 . 3 SYS 3 LIB', "'SYS.LIB.'"],
    ['9 1 / 6 server 5 share', '//server/share'],
    ['5 5 :dev: 3 usr', ':dev:usr'],
  ])('%j → %j', (safe, path) => {
    expect(decodeServerPath(safe, 'codepoint')?.path).toBe(path);
  });

  it('returns undefined for an empty path', () => {
    expect(decodeServerPath('', 'utf16')).toBeUndefined();
  });

  it('counts lengths in UTF-16 units on Windows and code points elsewhere', () => {
    expect(decodeServerPath('1 0 4 😀 x', 'utf16')?.path).toBe('/😀 x');
    expect(decodeServerPath('1 0 3 😀 x', 'codepoint')?.path).toBe('/😀 x');
    expect(() => decodeServerPath('1 0 3 😀 x', 'utf16')).toThrow();
  });

  it.each([
    ['x 0', 'malformed server type'],
    ['11 0', 'unknown server type 11'],
    ['1 0 9 short', 'shorter than its length says'],
    ['1 0 2 long', 'longer than its length says'],
    ['1 0 0 a', 'empty segment'],
    ['1 3 ab', 'shorter than its length says'],
    ['3 0', 'path has no segments'],
    ['1', 'truncated after server type'],
  ])('rejects %j (%s)', (safe, message) => {
    expect(() => decodeServerPath(safe, 'codepoint')).toThrow(message);
  });
});

describe('encodeServerPath', () => {
  it.each([
    ['/public/html', '1 0 6 public 4 html'],
    ['/', '1 0'],
    ['/a//b/./c/../d/', '1 0 1 a 1 b 1 d'],
    ['/Acme Files/2024 Orders', '1 0 10 Acme Files 11 2024 Orders'],
    ['C:\\inetpub', '3 0 2 C: 7 inetpub'],
    ['D:/data', '10 0 2 D: 4 data'],
    ['relative/path', undefined],
  ])('%j → %j', (path, safe) => {
    expect(encodeServerPath(path, 'codepoint')).toBe(safe);
  });

  it('round-trips through decode in both length units', () => {
    for (const unit of ['utf16', 'codepoint'] as const) {
      for (const path of ['/Ünïcödé/😀 emoji dir/x y', 'C:\\a b\\c']) {
        expect(decodeServerPath(encodeServerPath(path, unit)!, unit)?.path).toBe(path);
      }
    }
  });
});
