/** Folders queued whole: the order of their files, unsafe names refused, unreadable subfolders reported, and links not followed in circles. */
import { describe, expect, it } from 'vitest';
import { FtpReplyError } from '../../../../electron/ftp';
import { FakeFs, resetError } from '../fakes';
import { rig } from './rig';

describe('TransferQueue: folders', () => {
  it('queues a folder in the name order of the panes (natural, case-insensitive), folders after their parent\'s files, whatever order the server lists', async () => {
    const r = rig({ isProcessing: false });
    r.server.dirs.add('/t');
    r.server.dirs.add('/t/b-dir');
    r.server.dirs.add('/t/A-dir');
    r.server.listings.set('/t', [
      { name: 'b-dir', type: 'dir' },
      { name: 'c.txt', type: 'file', sizeBytes: 1 },
      { name: 'A-dir', type: 'dir' },
      { name: 'B.txt', type: 'file', sizeBytes: 1 },
      { name: 'a.txt', type: 'file', sizeBytes: 1 },
    ]);
    r.server.listings.set('/t/A-dir', [{ name: 'z.txt', type: 'file', sizeBytes: 1 }, { name: 'y.txt', type: 'file', sizeBytes: 1 }]);
    r.server.listings.set('/t/b-dir', [{ name: 'x.txt', type: 'file', sizeBytes: 1 }]);
    await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/t', localDir: '/dl' });
    expect(r.queue.list().map((i) => i.remotePath)).toEqual(['/t/a.txt', '/t/B.txt', '/t/c.txt', '/t/A-dir/y.txt', '/t/A-dir/z.txt', '/t/b-dir/x.txt']);
    r.fs.put('/up/b.txt', 'b');
    r.fs.put('/up/A.txt', 'a');
    r.fs.put('/up/c.txt', 'c');
    r.fs.put('/up/f10.txt', 'f10');
    r.fs.put('/up/f9.txt', 'f9');
    await r.queue.addFolder({ direction: 'upload', siteId: 's', localDir: '/up', remoteDir: '/dst' });
    expect(r.queue.list().filter((i) => i.direction === 'upload').map((i) => i.localPath)).toEqual(['/up/A.txt', '/up/b.txt', '/up/c.txt', '/up/f9.txt', '/up/f10.txt']);
    await r.queue.close();
  });

  it('expands a remote tree, creates local folders and refuses escaping names', async () => {
    const r = rig();
    r.server.put('/site/top.txt', 'top');
    r.server.put('/site/sub/inner.txt', 'inner');
    r.server.dirs.add('/site/empty');
    r.server.listings.set('/site/evil', [
      { name: '../escape', type: 'file', sizeBytes: 3 },
      { name: '..', type: 'dir' },
      { name: 'C:boot.ini', type: 'file' },
      { name: 'ok.txt', type: 'file', sizeBytes: 2 },
    ]);
    r.server.dirs.add('/site/evil');
    r.server.put('/site/evil/ok.txt', 'ok');
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' });
    expect(report.refused.map((x) => x.path).sort()).toEqual(['/site/evil/../escape', '/site/evil/C:boot.ini']);
    await r.queue.whenIdle();
    expect(r.fs.read('/dl/top.txt')?.toString()).toBe('top');
    expect(r.fs.read('/dl/sub/inner.txt')?.toString()).toBe('inner');
    expect(r.fs.read('/dl/evil/ok.txt')?.toString()).toBe('ok');
    expect(r.fs.dirs.has('/dl/empty')).toBe(true);
    expect([...r.fs.files.keys()].some((p) => p.includes('escape'))).toBe(false);
    const refused = r.queue.list().filter((i) => i.lastError?.kind === 'unsafe-name');
    expect(refused).toHaveLength(2);
    // Retrying a refused name does nothing: it stays refused.
    r.queue.retry();
    await r.queue.whenIdle();
    expect(r.queue.list().filter((i) => i.state === 'failed')).toHaveLength(2);
    await r.queue.close();
  });

  it('queues the rest of a remote tree when a subfolder cannot be listed (550), and fails that folder', async () => {
    const r = rig();
    r.server.put('/site/top.txt', 'top');
    r.server.put('/site/locked/secret.txt', 'no');
    r.server.put('/site/open/inner.txt', 'inner');
    r.server.faults.push({ op: 'list', path: '/site/locked', error: () => new FtpReplyError(550, 'Permission denied', 'MLSD /site/locked') });
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' });
    expect(report.refused).toEqual([{ path: '/site/locked', reason: expect.stringMatching(/could not read this folder.*550/) }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/dl/top.txt')?.toString()).toBe('top');
    expect(r.fs.read('/dl/open/inner.txt')?.toString()).toBe('inner');
    expect(r.queue.list().filter((i) => i.state === 'failed').map((i) => [i.remotePath, i.lastError?.kind])).toEqual([['/site/locked', 'incomplete-listing']]);
    await r.queue.close();
  });

  it('still fails the whole folder when the top folder cannot be listed, or the connection drops', async () => {
    const r = rig();
    r.server.put('/site/sub/a.txt', 'a');
    r.server.faults.push({ op: 'list', path: '/site', error: () => new FtpReplyError(550, 'No such directory', 'MLSD /site') });
    await expect(r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' })).rejects.toThrow(/No such directory/);
    r.server.faults.push({ op: 'list', path: '/site/sub', error: resetError });
    await expect(r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' })).rejects.toThrow();
    expect(r.queue.list()).toHaveLength(0);
    await r.queue.close();
  });

  it('queues the rest of a local tree when a subfolder cannot be read', async () => {
    const fs = new FakeFs();
    fs.put('/up/a.txt', 'a');
    fs.put('/up/locked/x.txt', 'x');
    fs.put('/up/open/b.txt', 'b');
    const readDir = fs.readDir.bind(fs);
    fs.readDir = async (dir) => {
      if (dir === '/up/locked') throw Object.assign(new Error("EACCES: permission denied, scandir '/up/locked'"), { code: 'EACCES' });
      return readDir(dir);
    };
    const r = rig({}, { fs });
    r.server.dirs.add('/remote');
    const report = await r.queue.addFolder({ direction: 'upload', siteId: 's', remoteDir: '/remote/up', localDir: '/up' });
    expect(report.refused).toEqual([{ path: '/remote/up/locked', reason: expect.stringMatching(/could not read this folder.*\/up\/locked/) }]);
    await r.queue.whenIdle();
    expect(r.server.read('/remote/up/a.txt')?.toString()).toBe('a');
    expect(r.server.read('/remote/up/open/b.txt')?.toString()).toBe('b');
    expect(r.server.read('/remote/up/locked/x.txt')).toBeUndefined();
    await r.queue.close();
  });

  it("gives a folder's downloads their times as this computer counts them when the server's clock is off", async () => {
    const r = rig();
    const HOUR = 3_600_000;
    r.server.put('/r/t/a.txt', 'a', 1_700_000_000_000 + 2 * HOUR);
    r.server.put('/r/t/sub/b.txt', 'b', 1_700_000_000_000 + 2 * HOUR);
    await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/r/t', localDir: '/l/t', clockOffsetMs: 2 * HOUR });
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.modifiedMs)).toEqual([1_700_000_000_000, 1_700_000_000_000]);
    expect(r.fs.files.get('/l/t/sub/b.txt')?.modifiedMs).toBe(1_700_000_000_000);
    await r.queue.close();
  });

  it('does not follow remote folder links', async () => {
    const r = rig();
    r.server.dirs.add('/s');
    r.server.listings.set('/s', [{ name: 'loop', type: 'link', targetType: 'dir', linkTarget: '/s' }]);
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/s', localDir: '/dl' });
    expect(report.skippedLinks).toEqual(['/s/loop']);
    await r.queue.close();
  });

  it('expands a local tree, follows links once and never loops', async () => {
    const r = rig();
    r.fs.put('/up/a.txt', 'a');
    r.fs.put('/up/d/b.txt', 'b');
    r.fs.links.set('/up/d/back', '/up');
    r.fs.put('/elsewhere/c.txt', 'c');
    r.fs.links.set('/up/other', '/elsewhere');
    const report = await r.queue.addFolder({ direction: 'upload', siteId: 's', localDir: '/up', remoteDir: '/dst' });
    expect(report.skippedLinks).toEqual(['/up/d/back']);
    await r.queue.whenIdle();
    expect([...r.server.files.keys()].sort()).toEqual(['/dst/a.txt', '/dst/d/b.txt', '/dst/other/c.txt']);
    await r.queue.close();
  });

  it('logs in the connections of a tree\'s transfers while it is still being walked, within the site limit', async () => {
    const r = rig({ isProcessing: false, defaultSiteLimit: 3 });
    for (const d of ['a', 'b', 'c']) for (const f of ['1', '2']) r.server.put(`/tree/${d}/${f}.txt`, f);
    await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/tree', localDir: '/dl' });
    expect(r.factory.connectCount).toBe(1);
    r.queue.start();
    await r.queue.whenIdle();
    const warmed = rig({ defaultSiteLimit: 3 }, { server: r.server });
    await warmed.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/tree', localDir: '/dl2' });
    // Opened during the walk, before a single transfer started.
    expect(warmed.factory.connectCount).toBe(3);
    await warmed.queue.whenIdle();
    expect(warmed.factory.connectCount).toBe(3);
    expect(warmed.factory.maxOpen).toBe(3);
    expect(warmed.queue.list().every((i) => i.state === 'done')).toBe(true);
    await r.queue.close();
    await warmed.queue.close();
  });
});
