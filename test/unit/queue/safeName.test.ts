/** Names a server lists are checked before they become local paths: no escape from the target folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, joinRemote, remoteParent, unsafeNameReason } from '../../../electron/queue/safeName';

describe('unsafe remote names', () => {
  it.each(['..', '.', '../escape', 'a/b', 'a\\b', 'nul\0byte', 'C:evil', 'c:\\x', ''])('refuses %j', (name) => {
    expect(unsafeNameReason(name)).toBeDefined();
  });
  it.each(['file.txt', '..hidden', 'a..b', '.profile', 'name with spaces', 'ünïcode'])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeUndefined();
  });
  it('places a listed name directly in its local folder, or nowhere', () => {
    expect(childPath(path.resolve('/a/b'), 'c')).toBe(path.resolve('/a/b/c'));
    expect(childPath(path.resolve('/'), 'c')).toBe(path.resolve('/c'));
    // What unsafeNameReason already refuses is refused again by the path check itself.
    for (const name of ['..', '.', '../c', 'x/../../c', 'a/b', '']) expect(childPath(path.resolve('/a/b'), name)).toBeUndefined();
  });
  it('joins and splits remote paths with slashes', () => {
    expect(joinRemote('/', 'x')).toBe('/x');
    expect(joinRemote('/d', 'x')).toBe('/d/x');
    expect(remoteParent('/d/x')).toBe('/d');
    expect(remoteParent('/x')).toBe('/');
    expect(remoteParent('x')).toBe('.');
    expect(remoteParent('pub/x')).toBe('pub');
  });
});
