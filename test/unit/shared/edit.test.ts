/** The pure rules of View/Edit: has the server's file changed since it was opened, and what name "save mine as" proposes. */
import { describe, expect, it } from 'vitest';
import { canTellChanges, describeRemoteChange, editedName, hasUnuploadedChanges, remoteChanges, type RemoteFileState } from '../../../shared/edit';

const OPENED: RemoteFileState = { sizeBytes: 120, modifiedMs: Date.UTC(2024, 4, 1, 10, 0, 3) };

describe('remoteChanges', () => {
  it('sees no change when size and time are what they were (the time to MDTM\'s whole second)', () => {
    expect(remoteChanges(OPENED, { ...OPENED })).toEqual([]);
    expect(remoteChanges(OPENED, { ...OPENED, modifiedMs: OPENED.modifiedMs! + 900 })).toEqual([]);
  });

  it('names each change: size, time, and a file deleted since', () => {
    expect(remoteChanges(OPENED, { sizeBytes: 150, modifiedMs: OPENED.modifiedMs! + 60_000 })).toEqual([
      { kind: 'size', fromBytes: 120, toBytes: 150 },
      { kind: 'time', fromMs: OPENED.modifiedMs, toMs: OPENED.modifiedMs! + 60_000 },
    ]);
    expect(remoteChanges(OPENED, { sizeBytes: 120, modifiedMs: OPENED.modifiedMs! + 1000 })).toEqual([{ kind: 'time', fromMs: OPENED.modifiedMs, toMs: OPENED.modifiedMs! + 1000 }]);
    expect(remoteChanges(OPENED, undefined)).toEqual([{ kind: 'deleted' }]);
  });

  it('a different checksum is a change even when size and time agree; an equal one means the same bytes whatever the time says', () => {
    const known = { ...OPENED, checksum: { algorithm: 'SHA-256', hex: 'AB12' } };
    expect(remoteChanges(known, { ...OPENED, checksum: { algorithm: 'SHA-256', hex: 'cd34' } })).toEqual([{ kind: 'content', algorithm: 'SHA-256' }]);
    expect(remoteChanges(known, { sizeBytes: 120, modifiedMs: OPENED.modifiedMs! + 60_000, checksum: { algorithm: 'SHA-256', hex: 'ab12' } })).toEqual([]);
    // Checksums of two algorithms say nothing about each other: size and time decide.
    expect(remoteChanges(known, { ...OPENED, checksum: { algorithm: 'MD5', hex: 'ffff' } })).toEqual([]);
  });

  it('compares only what both sides know; with nothing known, nothing can tell', () => {
    expect(remoteChanges({ sizeBytes: 5 }, { modifiedMs: 1 })).toEqual([]);
    expect(canTellChanges({})).toBe(false);
    expect(canTellChanges({ modifiedMs: 0 })).toBe(true);
  });

  it('says each change in words', () => {
    expect(describeRemoteChange({ kind: 'size', fromBytes: 1, toBytes: 2 })).toBe('its size changed from 1 to 2 bytes');
    expect(describeRemoteChange({ kind: 'deleted' })).toBe('it was deleted on the server');
    expect(describeRemoteChange({ kind: 'time', fromMs: 0, toMs: 1000 })).toMatch(/^it was modified at \d{4}-\d\d-\d\d \d\d:\d\d:01 \(it was /);
    expect(describeRemoteChange({ kind: 'content', algorithm: 'SHA-256' })).toContain('SHA-256');
  });
});

describe('editedName', () => {
  it.each([
    ['report.txt', 1, 'report (edited).txt'],
    ['report.txt', 2, 'report (edited 2).txt'],
    ['archive.tar.gz', 1, 'archive.tar (edited).gz'],
    ['.htaccess', 1, '.htaccess (edited)'],
    ['Makefile', 3, 'Makefile (edited 3)'],
  ])('%s, attempt %i: %s', (name, attempt, expected) => {
    expect(editedName(name, attempt)).toBe(expected);
  });
});

describe('hasUnuploadedChanges', () => {
  it('is true while the copy holds what the server does not', () => {
    expect((['opening', 'clean', 'modified', 'uploading', 'conflict'] as const).map((state) => hasUnuploadedChanges({ state }))).toEqual([false, false, true, true, true]);
  });
});
