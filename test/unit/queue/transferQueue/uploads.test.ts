/** Uploads through the queue: remote folders made on the way, resume from the server's size, and a server that refuses to resume. */
import { describe, expect, it } from 'vitest';
import { bytes, resetError } from '../fakes';
import { rig } from './rig';

describe('TransferQueue: uploads', () => {
  it('uploads, creating missing remote folders', async () => {
    const r = rig();
    const data = bytes(70_000);
    r.fs.put('/local/up/x.bin', data);
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/up/x.bin', remotePath: '/new/deep/x.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/new/deep/x.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });

  it('resumes a cut upload from the size the server reports', async () => {
    const r = rig();
    const data = bytes(100_000);
    r.fs.put('/local/y.bin', data);
    r.server.faults.push({ op: 'upload', afterBytes: 48_000, error: resetError });
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/y.bin', remotePath: '/remote/y.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(r.server.read('/remote/y.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 49_152]);
    expect(r.logs.some((l) => l.includes('resuming upload of /remote/y.bin at 49152 bytes'))).toBe(true);
    await r.queue.close();
  });

  it('starts over when the server refuses to resume an upload', async () => {
    const r = rig();
    const data = bytes(100_000);
    r.fs.put('/local/z.bin', data);
    r.server.refusesUploadResume = true;
    r.server.faults.push({ op: 'upload', afterBytes: 48_000, error: resetError });
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/z.bin', remotePath: '/remote/z.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(r.server.read('/remote/z.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 49_152, 0]);
    expect(r.logs.some((l) => l.includes('refuses to resume uploads (451'))).toBe(true);
    await r.queue.close();
  });

  it('fails a missing local file permanently', async () => {
    const r = rig();
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/none', remotePath: '/remote/none' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'local' } });
    await r.queue.close();
  });
});
