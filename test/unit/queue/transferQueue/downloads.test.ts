/** Downloads through the queue: the states an item goes through, the .part file, the checks after a file, and the local filesystem work per file. */
import { describe, expect, it } from 'vitest';
import { bytes } from '../fakes';
import { download, rig } from './rig';

describe('TransferQueue: downloads', () => {
  it('goes queued → connecting → transferring → done, through a .part file', async () => {
    const r = rig();
    const data = bytes(100_000);
    const item = download(r, 'a.bin', data);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/a.bin')?.equals(data)).toBe(true);
    expect(r.fs.read('/local/a.bin.part')).toBeUndefined();
    expect(r.fs.writeOffsets).toEqual([{ path: '/local/a.bin.part', offset: 0 }]);
    await r.queue.close();
    expect(r.states.get(item.id)).toEqual(['queued', 'connecting', 'transferring', 'done']);
  });

  it('fails a 550 at once with the code and no retry', async () => {
    const r = rig();
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/nope', localPath: '/local/nope' }])[0];
    await r.queue.whenIdle();
    const failed = r.queue.get(item.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatchObject({ kind: 'reply', ftpCode: 550 });
    expect(r.fs.read('/local/nope')).toBeUndefined();
    await r.queue.close();
  });

  it('fails when the checksum differs and deletes the corrupt partial', async () => {
    const r = rig();
    r.server.hasChecksum = true;
    r.server.fakeChecksums.set('/remote/e.bin', 'ab'.repeat(32));
    const item = download(r, 'e.bin', bytes(1000));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', lastError: { kind: 'integrity' } });
    expect(r.fs.read('/local/e.bin')).toBeUndefined();
    expect(r.fs.read('/local/e.bin.part')).toBeUndefined();
    await r.queue.close();
  });

  it('verifies a matching checksum and logs it', async () => {
    const r = rig();
    r.server.hasChecksum = true;
    const item = download(r, 'f.bin', bytes(1000));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.logs.some((l) => l.includes('SHA-256 verified'))).toBe(true);
    await r.queue.close();
  });

  it('treats an early end with a 226 as transient and resumes', async () => {
    const r = rig();
    const data = bytes(50_000);
    r.server.put('/remote/g.bin', data);
    // The listing said 60,000 bytes but SIZE knows better; a short file that SIZE confirms is complete.
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/g.bin', localPath: '/local/g.bin', sizeBytes: 60_000 }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', sizeBytes: 50_000 });
    await r.queue.close();
  });

  it('a fresh download under overwrite only opens, renames and sets the time; a missing folder is made once', async () => {
    const r = rig({ defaultSiteLimit: 1 });
    const files = ['a', 'b', 'c'].map((n, i) => ({ name: n, data: bytes(10_000 + i, i) }));
    for (const f of files) r.server.put(`/remote/${f.name}`, f.data);
    r.queue.addFiles(files.map((f) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${f.name}`, localPath: `/local/deep/er/${f.name}`, sizeBytes: f.data.length, modifiedMs: 7_000 })));
    await r.queue.whenIdle();
    for (const f of files) expect(r.fs.read(`/local/deep/er/${f.name}`)?.equals(f.data)).toBe(true);
    // The first open finds the folder missing, creates it (parents too), and opens again.
    expect(r.fs.dirs.has('/local/deep/er')).toBe(true);
    expect(r.fs.calls.filter((c) => c.op === 'mkdirp')).toEqual([{ op: 'mkdirp', path: '/local/deep/er' }]);
    expect(r.fs.calls.filter((c) => c.op === 'stat')).toEqual([]);
    expect(r.fs.calls.filter((c) => c.path.endsWith('/b') || c.path.endsWith('/b.part')).map((c) => c.op)).toEqual(['open', 'rename', 'utimes']);
    expect(r.fs.files.get('/local/deep/er/c')?.modifiedMs).toBe(7_000);
    await r.queue.close();
  });

  it('parallel downloads into one missing nested folder all arrive', async () => {
    const r = rig({ defaultSiteLimit: 4, globalLimit: 4 });
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `n${i}`, data: bytes(5_000, i) }));
    for (const f of files) r.server.put(`/remote/${f.name}`, f.data);
    r.queue.addFiles(files.map((f) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${f.name}`, localPath: `/local/x/y/z/${f.name}`, sizeBytes: f.data.length })));
    await r.queue.whenIdle();
    expect(r.queue.list().every((i) => i.state === 'done')).toBe(true);
    for (const f of files) expect(r.fs.read(`/local/x/y/z/${f.name}`)?.equals(f.data)).toBe(true);
    expect(r.fs.calls.filter((c) => c.op === 'mkdirp').length).toBeLessThanOrEqual(4);
    await r.queue.close();
  });

  it('a fresh download overwrites a leftover .part from byte 0 instead of resuming it', async () => {
    const r = rig();
    const data = bytes(30_000, 3);
    r.fs.put('/local/old.bin.part', bytes(10_000, 99));
    const item = download(r, 'old.bin', data);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/old.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0]);
    await r.queue.close();
  });

  it('ask still asks about an existing target, and never about a missing one', async () => {
    const asked: string[] = [];
    const r = rig({ onExists: 'ask' }, { resolveExists: async (q) => (asked.push(q.target.path), { action: 'overwrite' }) });
    r.fs.put('/local/there.txt', 'old');
    download(r, 'there.txt', Buffer.from('new'));
    download(r, 'absent.txt', Buffer.from('fresh'));
    await r.queue.whenIdle();
    expect(asked).toEqual(['/local/there.txt']);
    expect(r.fs.read('/local/there.txt')?.toString()).toBe('new');
    expect(r.fs.read('/local/absent.txt')?.toString()).toBe('fresh');
    await r.queue.close();
  });
});
