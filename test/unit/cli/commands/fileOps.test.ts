/** Where `ferry mv` renames to: relative to the source's folder, an absolute path, or a URL of the same server. */
import { describe, expect, it } from 'vitest';
import { renameTarget } from '../../../../electron/cli/commands/fileOps';
import { parseFtpUrl } from '../../../../electron/cli/ftpUrl';

describe('renameTarget', () => {
  const url = parseFtpUrl('ftp://h:21/a/x.txt');
  it.each([
    ['y.txt', '/a/y.txt'],
    ['sub/y.txt', '/a/sub/y.txt'],
    ['/b/y.txt', '/b/y.txt'],
    ['ftp://h:21/c/z.txt', '/c/z.txt'],
  ])('%s → %s', (newName, target) => {
    expect(renameTarget('/a/x.txt', newName, url)).toBe(target);
  });

  it('keeps a login-relative source relative', () => {
    expect(renameTarget('x.txt', 'y.txt', parseFtpUrl('ftp://h/~/x.txt'))).toBe('y.txt');
  });

  it('refuses another server, an empty name and line breaks', () => {
    expect(() => renameTarget('/a/x.txt', 'ftp://other/c', url)).toThrow(/same server/);
    expect(() => renameTarget('/a/x.txt', '', url)).toThrow(/empty/);
    expect(() => renameTarget('/a/x.txt', 'a\r\nDELE b', url)).toThrow(/line break/);
  });
});
