/**
 * Downloads into a folder others can write to: a temporary name never clashes with a listed
 * name, a link planted at a partial file's name is never written through, and a link where a
 * subfolder goes is refused rather than followed out of the target.
 */
import { describe, expect, it } from 'vitest';
import { partialSuffixes } from '../../../../electron/queue/partialNames';
import { rig } from './rig';

describe('TransferQueue: local safety of downloads', () => {
  it('downloads x and x.part of one folder side by side, each whole, two at a time', async () => {
    const r = rig({ defaultSiteLimit: 2, globalLimit: 2 });
    r.server.put('/t/x', 'the file x, which is longer than its neighbour');
    r.server.put('/t/x.part', 'the file x.part (24 B)!!');
    r.server.put('/t/x.1.part', 'also listed');
    r.server.listings.set('/t', [
      { name: 'x', type: 'file', sizeBytes: 46 },
      { name: 'x.part', type: 'file', sizeBytes: 24 },
      { name: 'x.1.part', type: 'file', sizeBytes: 11 },
    ]);
    await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/t', localDir: '/dl' });
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(['done', 'done', 'done']);
    expect(r.fs.read('/dl/x')?.toString()).toBe('the file x, which is longer than its neighbour');
    expect(r.fs.read('/dl/x.part')?.toString()).toBe('the file x.part (24 B)!!');
    expect(r.fs.read('/dl/x.1.part')?.toString()).toBe('also listed');
    expect(r.fs.writeOffsets.map((w) => w.path).sort()).toEqual(['/dl/x.1.part.part', '/dl/x.2.part', '/dl/x.part.part']);
    await r.queue.close();
  });

  it('gives each download a partial name no other name of the folder and no other partial has', () => {
    const all = (names: string[]) => partialSuffixes(names, names.map(() => true), '.part');
    expect(all(['x'])).toEqual([undefined]);
    expect(all(['x', 'x.part'])).toEqual(['.1.part', undefined]);
    expect(all(['x', 'x.part', 'x.1.part', 'x.2.part'])).toEqual(['.3.part', undefined, undefined, undefined]);
    // x would take x.1.part, which x.1 needs too: x.1 moves on.
    expect(all(['x', 'x.part', 'x.1'])).toEqual(['.1.part', undefined, '.1.part']);
    const [forX, , forX1] = all(['x', 'x.part', 'x.1']);
    expect(`x${forX}`).not.toBe(`x.1${forX1}`);
    // A folder's name is taken too, though a folder needs no partial.
    expect(partialSuffixes(['y', 'y.part'], [true, false], '.part')).toEqual(['.1.part', undefined]);
  });

  it('does not continue through a link planted at the partial name: the download starts over and the target is untouched', async () => {
    const r = rig({ onExists: 'resume' });
    r.fs.put('/elsewhere/precious', 'precious');
    r.fs.dirs.add('/dl');
    r.fs.links.set('/dl/a.bin.part', '/elsewhere/precious');
    r.server.put('/t/a.bin', 'remote content');
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/t/a.bin', localPath: '/dl/a.bin', sizeBytes: 14 }]);
    await r.queue.whenIdle();
    expect(r.queue.list()[0].state).toBe('done');
    expect(r.fs.read('/dl/a.bin')?.toString()).toBe('remote content');
    expect(r.fs.read('/elsewhere/precious')?.toString()).toBe('precious');
    expect(r.fs.writeOffsets).toEqual([{ path: '/dl/a.bin.part', offset: 0 }]);
    expect(r.logs.some((l) => l.includes('/dl/a.bin.part is a symbolic link; downloading /t/a.bin from the start'))).toBe(true);
    await r.queue.close();
  });

  it('refuses a subfolder whose local place is a link, and downloads the rest', async () => {
    const r = rig();
    r.fs.dirs.add('/dl');
    r.fs.dirs.add('/etc');
    r.fs.links.set('/dl/sub', '/etc');
    r.server.put('/t/top.txt', 'top');
    r.server.put('/t/sub/passwd', 'owned');
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/t', localDir: '/dl' });
    await r.queue.whenIdle();
    expect(report.refused).toEqual([{ path: '/t/sub', reason: expect.stringContaining('/dl/sub is a symbolic link') }]);
    expect(r.fs.read('/dl/top.txt')?.toString()).toBe('top');
    expect(r.fs.read('/etc/passwd')).toBeUndefined();
    expect(r.queue.list().map((i) => i.remotePath)).toContain('/t/top.txt');
    expect(r.queue.list().find((i) => i.remotePath === '/t/sub')?.state).toBe('failed');
    await r.queue.close();
  });
});
