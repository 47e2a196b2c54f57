/**
 * A window's sync run over the real TransferQueue with in-memory fakes: folders first, copies as
 * queue items, deletions as deletion items only once every copy has ended (and not at all when
 * one failed), conflicts left and reported, the state kept at the end, each phase told.
 */
import { describe, expect, it } from 'vitest';
import { FtpReplyError } from '../../../electron/ftp';
import { SyncRun } from '../../../electron/services/SyncRun';
import { runStepsOf } from '../../../electron/sync/syncSteps';
import type { ComparedPair, SyncAction, SyncActionKind } from '../../../shared/sync';
import type { SyncRunStatus } from '../../../shared/syncPreview';
import { rig, type Rig } from '../queue/transferQueue/rig';

const T = 1_700_000_000_000;
const step = (kind: SyncActionKind, relPath: string, extra: Partial<SyncAction> = {}): SyncAction => ({
  kind,
  relPath,
  isFolder: kind.startsWith('mkdir'),
  bytes: 0,
  reason: 'why',
  isChecked: kind !== 'conflict',
  ...extra,
});

/** A run of `actions` between /local and /remote on the rig's queue, recording what it reports. */
function runOf(r: Rig, actions: SyncAction[], pairs: ComparedPair[] = [], keepState: () => Promise<void> = async () => undefined, clockOffsetMs = 0) {
  const statuses: SyncRunStatus[] = [];
  const errors: string[] = [];
  const run = new SyncRun('sync-1', runStepsOf(actions), {
    queue: r.queue,
    fs: r.fs,
    openSession: () => r.factory.create('site-1', 'compare-1'),
    siteId: 'site-1',
    clockOffsetMs,
    folders: { localDir: '/local', remoteDir: '/remote' },
    pairs: new Map(pairs.map((p) => [p.relPath, p])),
    keepState,
    report: (s) => statuses.push(s),
    logError: (text) => errors.push(text),
  });
  return { run, statuses, errors };
}

/** The index in the rig's transitions of the first one matching. */
const at = (r: Rig, pattern: RegExp) => r.transitions.findIndex((t) => pattern.test(t));

describe('SyncRun', () => {
  it('makes folders, copies, and deletes only after every copy has ended; then keeps the state and says it is done', async () => {
    const r = rig();
    r.fs.put('/local/index.html', 'new home', T);
    r.fs.put('/local/img/logo.svg', '<svg/>', T);
    r.server.put('/remote/index.html', 'old');
    r.server.put('/remote/stale.html', 'gone here');
    r.server.put('/remote/old/a.txt', 'a');
    r.server.put('/remote/keep.txt', 'k');
    let isStateKept = false;
    const pairs: ComparedPair[] = [
      { relPath: 'index.html', local: { kind: 'file', sizeBytes: 8, modifiedMs: T }, remote: { kind: 'file', sizeBytes: 3 }, verdict: 'size-differs', reason: '' },
      { relPath: 'img/logo.svg', local: { kind: 'file', sizeBytes: 6, modifiedMs: T }, verdict: 'only-local', reason: '' },
    ];
    const { run, statuses, errors } = runOf(
      r,
      [
        step('mkdir-remote', 'img'),
        step('mkdir-remote', 'empty'),
        step('overwrite-remote', 'index.html'),
        step('upload', 'img/logo.svg'),
        step('delete-remote', 'stale.html'),
        step('delete-remote', 'old', { isFolder: true }),
        step('delete-remote', 'keep.txt', { isChecked: false }),
      ],
      pairs,
      async () => {
        isStateKept = true;
      },
    );
    const end = await run.execute();

    expect(errors).toEqual([]);
    expect(r.server.read('/remote/index.html')?.toString()).toBe('new home');
    expect(r.server.read('/remote/img/logo.svg')?.toString()).toBe('<svg/>');
    expect(r.server.dirs.has('/remote/empty')).toBe(true);
    expect(r.server.files.has('/remote/stale.html')).toBe(false);
    expect(r.server.dirs.has('/remote/old')).toBe(false);
    expect(r.server.read('/remote/keep.txt')?.toString()).toBe('k');

    const items = r.queue.list();
    expect(items.map((i) => [i.deleteSide ?? i.direction, i.remotePath, i.state])).toEqual([
      ['upload', '/remote/index.html', 'done'],
      ['upload', '/remote/img/logo.svg', 'done'],
      ['remote', '/remote/stale.html', 'done'],
      ['remote', '/remote/old', 'done'],
    ]);
    const [copyA, copyB, delA] = items.map((i) => i.id);
    const lastCopyDone = Math.max(at(r, new RegExp(`^${copyA} done`)), at(r, new RegExp(`^${copyB} done`)));
    expect(at(r, new RegExp(`^${delA} connecting`))).toBeGreaterThan(lastCopyDone);

    expect(isStateKept).toBe(true);
    expect(statuses.map((s) => s.phase)).toEqual(['folders', 'copying', 'deleting', 'checking', 'ended']);
    expect(statuses[0].text).toBe('Synchronizing: making 2 folders');
    expect(end).toMatchObject({ phase: 'ended', outcome: 'done', text: 'Synchronize done: 2 copied, 2 folders made, 2 deleted', localDir: '/local', remoteDir: '/remote' });
    expect(run.phase).toBe('ended');
    await r.queue.close();
  });

  it('gives a download its time as this computer counts it, the server being an hour ahead', async () => {
    const r = rig();
    r.server.put('/remote/d.txt', 'from the server', T);
    const pairs: ComparedPair[] = [{ relPath: 'd.txt', remote: { kind: 'file', sizeBytes: 15, modifiedMs: T }, verdict: 'only-remote', reason: '' }];
    const { run } = runOf(r, [step('download', 'd.txt')], pairs, undefined, 3_600_000);
    expect(await run.execute()).toMatchObject({ outcome: 'done' });
    expect(r.fs.files.get('/local/d.txt')?.modifiedMs).toBe(T - 3_600_000);
    await r.queue.close();
  });

  it('holds the deletions back when a copy fails, and says so', async () => {
    const r = rig();
    r.fs.put('/local/renamed.txt', 'content');
    r.server.put('/remote/original.txt', 'content');
    r.server.faults.push({ op: 'upload', path: '/remote/renamed.txt', error: () => new FtpReplyError(553, 'Permission denied', 'STOR renamed.txt') });
    const { run } = runOf(r, [step('upload', 'renamed.txt'), step('delete-remote', 'original.txt')]);
    const end = await run.execute();
    expect(r.server.read('/remote/original.txt')?.toString()).toBe('content');
    expect(r.queue.list().map((i) => [i.remotePath, i.state])).toEqual([['/remote/renamed.txt', 'failed']]);
    expect(end).toMatchObject({
      outcome: 'failed',
      text: 'Synchronize ended: 1 failed (nothing changed); 1 deletion held back until every copy succeeds: sync again',
    });
    await r.queue.close();
  });

  it('waits while the queue is stopped, and counts a copy removed from the queue as not done', async () => {
    const r = rig({ isProcessing: false });
    r.fs.put('/local/a.txt', 'a');
    r.fs.put('/local/b.txt', 'b');
    r.server.put('/remote/z.txt', 'z');
    const { run, statuses } = runOf(r, [step('upload', 'a.txt'), step('upload', 'b.txt'), step('delete-remote', 'z.txt')]);
    const ended = run.execute();
    await expect.poll(() => statuses.map((s) => s.phase)).toEqual(['copying']);
    const [a, b] = r.queue.list();
    r.queue.remove([b.id]);
    r.queue.start();
    const end = await ended;
    expect(r.queue.get(a.id)?.state).toBe('done');
    expect(end).toMatchObject({ outcome: 'failed', text: 'Synchronize ended: 1 failed (1 copied); 1 deletion held back until every copy succeeds: sync again' });
    expect(r.server.files.has('/remote/z.txt')).toBe(true);
    await r.queue.close();
  });

  it('leaves unticked conflicts alone and reports them; a folder it cannot make is a failure in the log', async () => {
    const r = rig();
    r.server.faults.push({ op: 'mkdir', path: '/remote/locked', error: () => new FtpReplyError(550, 'Permission denied', 'MKD /remote/locked') });
    const { run, errors } = runOf(r, [step('mkdir-remote', 'locked'), step('mkdir-local', 'here'), step('conflict', 'both.txt', { resolution: 'overwrite-remote' })]);
    const end = await run.execute();
    expect(r.fs.dirs.has('/local/here')).toBe(true);
    expect(errors).toEqual(['Could not make the folder locked: 550 Permission denied (after MKD /remote/locked)']);
    expect(end).toMatchObject({ outcome: 'failed', text: 'Synchronize ended: 1 failed (1 folder made); 1 conflict left as it is' });
    expect(r.queue.list()).toEqual([]);
    await r.queue.close();
  });

  it('ends with conflicts left when everything ticked went well', async () => {
    const r = rig();
    const { run } = runOf(r, [step('mkdir-local', 'new'), step('conflict', 'a'), step('conflict', 'b')]);
    expect(await run.execute()).toMatchObject({ outcome: 'conflicts', text: 'Synchronize done: 1 folder made; 2 conflicts left as they are' });
    await r.queue.close();
  });

  it('says when the state could not be kept', async () => {
    const r = rig();
    const { run } = runOf(r, [step('mkdir-local', 'new')], [], async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/data/sync-state' });
    });
    const end = await run.execute();
    expect(end.outcome).toBe('done');
    expect(end.text).toBe("Synchronize done: 1 folder made; the folders' state was not kept (Permission denied: /data/sync-state)");
    await r.queue.close();
  });
});
