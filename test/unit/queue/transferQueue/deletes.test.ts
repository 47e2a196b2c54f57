/** Deletion items (a sync's orphans): their own states, remote files and folders, local paths, a path already gone, retries, failures and cancelling. */
import { describe, expect, it } from 'vitest';
import { FtpReplyError } from '../../../../electron/ftp';
import { bytes, resetError } from '../fakes';
import { rig } from './rig';

describe('TransferQueue: deletions', () => {
  it('deletes a remote file and a remote folder with everything in it, each item queued → connecting → transferring → done', async () => {
    const r = rig();
    r.server.put('/remote/old.txt', 'x');
    r.server.put('/remote/gone/a.txt', 'a');
    r.server.put('/remote/gone/deep/b.txt', 'b');
    r.server.put('/remote/keep.txt', 'k');
    const items = r.queue.addDeletes([
      { siteId: 'site-1', side: 'remote', localPath: '/local/old.txt', remotePath: '/remote/old.txt', isFolder: false },
      { siteId: 'site-1', side: 'remote', localPath: '/local/gone', remotePath: '/remote/gone', isFolder: true },
    ]);
    expect(items.map((i) => [i.deleteSide, i.isFolder, i.state])).toEqual([
      ['remote', false, 'queued'],
      ['remote', true, 'queued'],
    ]);
    await r.queue.whenIdle();
    for (const i of items) expect(r.states.get(i.id)).toEqual(['queued', 'connecting', 'transferring', 'done']);
    expect([...r.server.files.keys()]).toEqual(['/remote/keep.txt']);
    expect(r.server.dirs.has('/remote/gone')).toBe(false);
    expect(r.logs).toContain('deleted /remote/gone');
    await r.queue.close();
  });

  it('deletes a local file or folder without a connection', async () => {
    const r = rig();
    r.fs.put('/local/a/x.txt', 'x');
    r.fs.put('/local/b.txt', 'b');
    r.fs.put('/local/c.txt', 'c');
    r.queue.addDeletes([
      { siteId: 'site-1', side: 'local', localPath: '/local/a', remotePath: '/remote/a', isFolder: true },
      { siteId: 'site-1', side: 'local', localPath: '/local/b.txt', remotePath: '/remote/b.txt', isFolder: false },
    ]);
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(['done', 'done']);
    expect([...r.fs.files.keys()]).toEqual(['/local/c.txt']);
    expect(r.factory.connectCount).toBe(0);
    await r.queue.close();
  });

  it('counts a remote path that is already gone as deleted', async () => {
    const r = rig();
    r.server.put('/remote/other', 'o');
    r.queue.addDeletes([{ siteId: 'site-1', side: 'remote', localPath: '/l/x', remotePath: '/remote/x', isFolder: false }]);
    await r.queue.whenIdle();
    expect(r.queue.list()[0].state).toBe('done');
    await r.queue.close();
  });

  it('fails with the server\'s words when the path stays, and a retry finishes it', async () => {
    const r = rig();
    r.server.put('/remote/locked.txt', 'x');
    r.server.faults.push({ op: 'delete', path: '/remote/locked.txt', error: () => new FtpReplyError(550, 'Permission denied', 'DELE /remote/locked.txt') });
    const [item] = r.queue.addDeletes([{ siteId: 'site-1', side: 'remote', localPath: '/l/locked.txt', remotePath: '/remote/locked.txt', isFolder: false }]);
    await r.queue.whenIdle();
    const failed = r.queue.get(item.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatchObject({ ftpCode: 550, message: expect.stringContaining('Permission denied') });
    expect(r.logs.some((l) => l.startsWith('/remote/locked.txt: failed'))).toBe(true);
    expect(r.server.files.has('/remote/locked.txt')).toBe(true);
    r.queue.retry([item.id]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)!.state).toBe('done');
    expect(r.server.files.has('/remote/locked.txt')).toBe(false);
    await r.queue.close();
  });

  it('retries a folder deletion cut by a broken connection and finishes what the first attempt began', async () => {
    const r = rig();
    for (let i = 0; i < 4; i++) r.server.put(`/remote/tree/f${i}`, bytes(10, i));
    r.server.faults.push({ op: 'delete', path: '/remote/tree/f2', error: resetError });
    r.queue.addDeletes([{ siteId: 'site-1', side: 'remote', localPath: '/l/tree', remotePath: '/remote/tree', isFolder: true }]);
    await r.queue.whenIdle();
    const [item] = r.queue.list();
    expect(item.state).toBe('done');
    expect(item.attempts).toBe(2);
    expect(r.server.dirs.has('/remote/tree')).toBe(false);
    expect([...r.server.files.keys()]).toEqual([]);
    await r.queue.close();
  });

  it('counts a queued deletion and runs it after a restart', async () => {
    const r = rig({ isProcessing: false });
    r.server.put('/remote/a', 'a');
    r.queue.addDeletes([{ siteId: 'site-1', side: 'remote', localPath: '/l/a', remotePath: '/remote/a', isFolder: false }]);
    expect(r.queue.totals().queuedCount).toBe(1);
    await r.queue.close();
    const again = rig({}, { server: r.server, store: r.store });
    await again.queue.restore();
    await again.queue.whenIdle();
    expect(again.queue.list()).toMatchObject([{ deleteSide: 'remote', state: 'done' }]);
    expect(r.server.files.has('/remote/a')).toBe(false);
    await again.queue.close();
  });

  it('cancels a queued deletion, leaving the file', async () => {
    const r = rig({ isProcessing: false });
    r.server.put('/remote/a', 'a');
    const [item] = r.queue.addDeletes([{ siteId: 'site-1', side: 'remote', localPath: '/l/a', remotePath: '/remote/a', isFolder: false }]);
    r.queue.cancel([item.id], { deletePartial: true });
    r.queue.start();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)!.state).toBe('cancelled');
    expect(r.server.files.has('/remote/a')).toBe(true);
    await r.queue.close();
  });
});
