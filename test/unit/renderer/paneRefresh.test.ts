/** Which ended transfers change what a pane shows, and the window title of a session. */
import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../shared/domain';
import { changesFolder } from '../../../renderer/features/panes/refreshAfterTransfers';
import { windowTitle } from '../../../renderer/features/panes/windowSession';

const item = (patch: Partial<TransferItem>): TransferItem => ({
  id: '1',
  direction: 'download',
  localPath: '/home/me/a.txt',
  remotePath: '/pub/a.txt',
  siteId: 's',
  transferredBytes: 0,
  state: 'done',
  attempts: 1,
  createdMs: 0,
  ...patch,
});

describe('transfers that change a pane', () => {
  it('finished uploads change the remote folder, finished downloads the local one', () => {
    expect(changesFolder('remote', item({ direction: 'upload' }), '/pub')).toBe(true);
    expect(changesFolder('local', item({}), '/home/me')).toBe(true);
    expect(changesFolder('remote', item({}), '/pub')).toBe(false);
  });
  it('a download refused with 550 changes the remote folder it came from, other failures do not', () => {
    const vanished = item({ state: 'failed', lastError: { kind: 'reply', ftpCode: 550, message: '550 No such file or directory.' } });
    expect(changesFolder('remote', vanished, '/pub')).toBe(true);
    expect(changesFolder('remote', vanished, '/other')).toBe(false);
    expect(changesFolder('local', vanished, '/home/me')).toBe(false);
    expect(changesFolder('remote', item({ state: 'failed', lastError: { kind: 'connection', message: 'reset' } }), '/pub')).toBe(false);
  });
});

describe('window title', () => {
  it('names the user and server while connected', () => {
    expect(windowTitle(null)).toBe('Ferry');
    expect(windowTitle({ sessionId: 'x', host: 'ftp.example.org', port: 21, user: 'anna', homePath: '/', isSecure: true })).toBe('anna@ftp.example.org — Ferry');
  });
});
