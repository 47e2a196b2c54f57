/** Between two files of a site on one connection: the next data connection prepared ahead, and the session handed to the next item while a file is still being checked. */
import { describe, expect, it, vi } from 'vitest';
import { bytes } from '../fakes';
import { download, rig } from './rig';

describe('TransferQueue: the next transfer prepared on the session', () => {
  it('asks a session to prepare after a file only while more of its site wait, downloads and uploads', async () => {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    for (const name of ['a.bin', 'b.bin', 'c.bin']) download(r, name, bytes(20_000));
    await r.queue.whenIdle();
    r.fs.put('/local/up/u.bin', bytes(5_000));
    r.fs.put('/local/up/v.bin', bytes(5_000));
    r.queue.addFiles(['u.bin', 'v.bin'].map((n) => ({ direction: 'upload' as const, siteId: 'site-1', localPath: `/local/up/${n}`, remotePath: `/remote/${n}` })));
    await r.queue.whenIdle();
    expect(r.server.sessionCalls).toEqual([
      'transfer-1 download /remote/a.bin', 'transfer-1 prepare',
      'transfer-1 download /remote/b.bin', 'transfer-1 prepare',
      'transfer-1 download /remote/c.bin',
      'transfer-1 upload /remote/u.bin', 'transfer-1 prepare',
      'transfer-1 upload /remote/v.bin',
    ]);
    await r.queue.close();
  });

  it('does not prepare when only another site has items waiting', async () => {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    download(r, 'a.bin', bytes(1_000));
    r.server.put('/remote/other.bin', bytes(1_000));
    r.queue.addFiles([{ direction: 'download', siteId: 'site-2', remotePath: '/remote/other.bin', localPath: '/local/other.bin', sizeBytes: 1_000 }]);
    await r.queue.whenIdle();
    expect(r.server.sessionCalls.filter((c) => c.endsWith('prepare'))).toEqual([]);
    await r.queue.close();
  });
});

describe('TransferQueue: the session handed to the next item while a file finishes', () => {
  /**
   * Two uploads into an existing folder at one connection; the first one's final size check waits
   * for `release`, and `isHeld` resolves when that check has been asked.
   */
  function heldUploads(opts: { hasChecksum?: boolean } = {}) {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    r.server.hasChecksum = opts.hasChecksum ?? false;
    r.server.dirs.add('/remote');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let markHeld!: () => void;
    const isHeld = new Promise<void>((resolve) => (markHeld = resolve));
    // The probe before the upload finds nothing; the check after it is the one held.
    r.server.beforeSize = (p) => {
      if (p !== '/remote/u.bin' || !r.server.files.has(p)) return undefined;
      markHeld();
      return held;
    };
    for (const n of ['u.bin', 'v.bin']) r.fs.put(`/local/up/${n}`, bytes(5_000));
    const [u, v] = r.queue.addFiles(['u.bin', 'v.bin'].map((n) => ({ direction: 'upload' as const, siteId: 'site-1', localPath: `/local/up/${n}`, remotePath: `/remote/${n}` })));
    const vStarted = async () => {
      await vi.waitFor(() => expect(r.server.sessionCalls).toContain('transfer-1 upload /remote/v.bin'));
    };
    return { r, u, v, release, isHeld, vStarted };
  }

  it('starts the next file on the same connection while the previous one is still being checked', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    await vStarted();
    // u is not done yet (its size check is held), and still only one connection is open.
    expect(r.queue.get(u.id)?.state).toBe('transferring');
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    expect(r.factory.sessions.map((s) => s.label)).toEqual(['transfer-1']);
    expect(r.factory.maxOpen).toBe(1);
    await r.queue.close();
  });

  it('keeps the session while the server offers checksums (the check after the file must not wait for the next transfer)', async () => {
    const { r, u, v, release, isHeld } = heldUploads({ hasChecksum: true });
    await isHeld;
    // A session handed over when u's data was done would have started v in that same turn.
    expect(r.queue.get(v.id)?.state).toBe('queued');
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    // v started only once u was done, checksum included.
    expect(r.transitions.indexOf(`${v.id} connecting`)).toBeGreaterThan(r.transitions.indexOf(`${u.id} done`));
    expect(r.logs.filter((l) => l.includes('verified'))).toHaveLength(2);
    await r.queue.close();
  });

  it('a file that fails after handing over its session leaves that session working, and is retried', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    r.server.shortSizeOnce.add('/remote/u.bin');
    await vStarted();
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    expect(r.queue.get(u.id)?.attempts).toBe(2);
    expect(r.server.read('/remote/u.bin')?.equals(r.fs.files.get('/local/up/u.bin')!.data)).toBe(true);
    // The failure did not take the session down under v: one connection the whole time.
    expect(r.factory.sessions.map((s) => [s.label, s.destroyed])).toEqual([['transfer-1', false]]);
    await r.queue.close();
  });

  it('pausing a file after it handed over its session does not close that session', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    await vStarted();
    r.queue.pause([u.id]);
    release();
    await vi.waitFor(() => expect(r.queue.get(v.id)?.state).toBe('done'));
    expect(r.queue.get(u.id)?.state).toBe('paused');
    expect(r.factory.sessions.map((s) => [s.label, s.destroyed])).toEqual([['transfer-1', false]]);
    await r.queue.close();
  });
});
