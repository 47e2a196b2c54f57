/** An edit's state: saves, uploads, conflicts and their answers move it only as the table allows, and say so to the window. */
import { describe, expect, it } from 'vitest';
import { EditRecord } from '../../../electron/services/EditRecord';
import type { EditInfo } from '../../../shared/edit';

function record(): { edit: EditRecord; changes: () => number } {
  let count = 0;
  const info: EditInfo = {
    id: 'e1', name: 'a.txt', remotePath: '/a.txt', server: 'u@h:21', localPath: '/tmp/x/a.txt', mode: 'builtin',
    state: 'opening', isConnected: true, isAutoUpload: false, isOfferPending: false, openedMs: 0,
  };
  const edit = new EditRecord(info, 'quick:u@h:21', 'browse-1', '/tmp/x', () => count++);
  edit.loaded('h0', { sizeBytes: 3, modifiedMs: 1000 });
  return { edit, changes: () => count };
}

describe('EditRecord', () => {
  it('a save with new content is modified; saving what the server has again is clean', () => {
    const { edit } = record();
    expect(edit.info.state).toBe('clean');
    edit.saved('h1');
    expect(edit.info.state).toBe('modified');
    edit.offer();
    expect(edit.info.isOfferPending).toBe(true);
    edit.saved('h0');
    expect(edit.info).toMatchObject({ state: 'clean', isOfferPending: false });
  });

  it('after an upload what the server has is the new state, and a save during the upload is still to go', () => {
    const { edit } = record();
    edit.saved('h1');
    edit.move('uploading');
    edit.uploaded('h1', { sizeBytes: 9, modifiedMs: 5000 });
    expect(edit.info.state).toBe('clean');
    expect(edit.known).toEqual({ sizeBytes: 9, modifiedMs: 5000 });
    edit.saved('h2');
    edit.move('uploading');
    edit.seenHash = 'h3';
    edit.uploaded('h2', { sizeBytes: 10 });
    expect(edit.info.state).toBe('modified');
  });

  it('a conflict keeps the copy\'s changes through a save, and each answer leaves it where it says', () => {
    const { edit } = record();
    edit.saved('h1');
    edit.move('uploading');
    edit.conflicted({ changes: [{ kind: 'deleted' }], proposedName: 'a (edited).txt' });
    expect(edit.info.state).toBe('conflict');
    edit.saved('h2');
    expect(edit.info.state).toBe('conflict');
    edit.keptTheirs();
    expect(edit.info).toMatchObject({ state: 'modified', conflict: undefined });
    edit.move('uploading');
    edit.conflicted({ changes: [{ kind: 'deleted' }], proposedName: 'a (edited).txt' });
    edit.loaded('h9', { sizeBytes: 1 });
    expect(edit.info.state).toBe('clean');
    expect(edit.serverHash).toBe('h9');
  });

  it('a failure keeps the error and returns to the state the user can act from', () => {
    const { edit, changes } = record();
    edit.saved('h1');
    edit.move('uploading');
    const before = changes();
    edit.failed({ kind: 'ftp', message: '553 no' }, 'modified');
    expect(edit.info).toMatchObject({ state: 'modified', lastError: { message: '553 no' } });
    expect(changes()).toBeGreaterThan(before);
    edit.failed({ kind: 'edit-offline', message: 'reconnect' }, 'modified');
    expect(edit.info.lastError?.kind).toBe('edit-offline');
  });

  it('refuses a move the table does not have', () => {
    const { edit } = record();
    expect(() => edit.move('conflict')).toThrow(/cannot go from clean to conflict/);
    expect(edit.info.state).toBe('clean');
  });

  it('runs its operations one at a time, in order, a failure not stopping the next', async () => {
    const { edit } = record();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = edit.serial(() => gate.then(() => void order.push('first')));
    const second = edit.serial(async () => {
      order.push('second');
      throw new Error('x');
    });
    const third = edit.serial(async () => void order.push('third'));
    release();
    await first;
    await expect(second).rejects.toThrow('x');
    await third;
    expect(order).toEqual(['first', 'second', 'third']);
  });
});
