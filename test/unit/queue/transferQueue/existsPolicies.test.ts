/** Targets that exist: skip, overwrite, newer, rename, resume and ask (one question at a time, 'apply to all' for the current run). */
import { describe, expect, it, vi } from 'vitest';
import type { QueueOptions } from '../../../../electron/queue/TransferQueue';
import type { ExistsResolver } from '../../../../electron/queue/types';
import { bytes } from '../fakes';
import { rig, type Rig } from './rig';

describe('TransferQueue: file exists', () => {
  function withExisting(policy: QueueOptions['onExists'], resolveExists?: ExistsResolver) {
    const r = rig({ onExists: policy }, { resolveExists });
    r.fs.put('/local/x.txt', 'old local', 5_000_000);
    r.server.put('/remote/x.txt', 'new remote content', 9_000_000);
    return r;
  }

  const add = (r: Rig) =>
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/x.txt', localPath: '/local/x.txt', modifiedMs: 9_000_000 }])[0];

  it('skip leaves the target alone and marks the item skipped', async () => {
    const r = withExisting('skip');
    const item = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', isSkipped: true });
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('old local');
    await r.queue.close();
  });

  it('overwrite replaces it', async () => {
    const r = withExisting('overwrite');
    add(r);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('new remote content');
    await r.queue.close();
  });

  it('newer overwrites an older target and skips a newer one', async () => {
    const r = withExisting('newer');
    add(r);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('new remote content');
    expect(r.fs.files.get('/local/x.txt')?.modifiedMs).toBe(9_000_000);
    const again = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(again.id)?.isSkipped).toBe(true);
    await r.queue.close();
  });

  it('rename writes name (1).ext', async () => {
    const r = withExisting('rename');
    const item = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.localPath).toBe('/local/x (1).txt');
    expect(r.fs.read('/local/x (1).txt')?.toString()).toBe('new remote content');
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('old local');
    await r.queue.close();
  });

  it('resume continues the existing file from its size', async () => {
    const r = rig({ onExists: 'resume' });
    const data = bytes(50_000);
    r.fs.put('/local/big', data.subarray(0, 20_000));
    r.server.put('/remote/big', data);
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/big', localPath: '/local/big' }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/big')?.equals(data)).toBe(true);
    expect(r.server.transfers[0].offset).toBe(20_000);
    await r.queue.close();
  });

  it('resume continues a partial file left by an earlier run, when the target itself does not exist yet', async () => {
    const r = rig({ onExists: 'resume' });
    const data = bytes(50_000, 4);
    r.fs.put('/local/half.part', data.subarray(0, 30_000));
    r.server.put('/remote/half', data);
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/half', localPath: '/local/half' }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/half')?.equals(data)).toBe(true);
    expect(r.server.transfers[0].offset).toBe(30_000);
    expect(r.fs.read('/local/half.part')).toBeUndefined();
    await r.queue.close();
  });

  it('per-item policy wins over the queue policy', async () => {
    const r = withExisting('overwrite');
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/x.txt', localPath: '/local/x.txt', onExists: 'skip' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.isSkipped).toBe(true);
    await r.queue.close();
  });

  it('ask asks once when the answer applies to all, one question at a time', async () => {
    const questions: string[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    let answer: () => void = () => undefined;
    const isAnswered = new Promise<void>((resolve) => (answer = resolve));
    const r = rig({ onExists: 'ask', defaultSiteLimit: 4 }, {
      resolveExists: async (q) => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        questions.push(q.target.path);
        // The user answers when the test says so, after every item has met its existing target.
        await isAnswered;
        concurrent--;
        return { action: 'skip', applyToAll: true };
      },
    });
    for (let i = 0; i < 4; i++) {
      r.fs.put(`/local/${i}`, 'x');
      r.server.put(`/remote/${i}`, 'y');
      r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: `/remote/${i}`, localPath: `/local/${i}` }]);
    }
    // All four have found their target while the first question is open: three wait their turn.
    await vi.waitFor(() => {
      expect(questions).toHaveLength(1);
      expect(r.fs.calls.filter((c) => c.op === 'stat' && /^\/local\/\d$/.test(c.path))).toHaveLength(4);
    });
    answer();
    await r.queue.whenIdle();
    expect(questions).toHaveLength(1);
    expect(maxConcurrent).toBe(1);
    expect(r.queue.list().every((i) => i.isSkipped)).toBe(true);
    await r.queue.close();
  });

  it('an "apply to all" answer lasts until the queue has run out, then a new conflict is asked again', async () => {
    const questions: string[] = [];
    const r = rig({ onExists: 'ask' }, {
      resolveExists: async (q) => {
        questions.push(q.target.path);
        return { action: 'overwrite', applyToAll: true };
      },
    });
    for (const name of ['a', 'b']) {
      r.fs.put(`/local/${name}`, 'old');
      r.server.put(`/remote/${name}`, 'new');
    }
    r.queue.addFiles(['a', 'b'].map((name) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${name}`, localPath: `/local/${name}` })));
    await r.queue.whenIdle();
    expect(questions).toEqual(['/local/a']);
    // Later, an unrelated download over an existing file: the earlier answer does not cover it.
    r.fs.put('/local/later', 'keep me?');
    r.server.put('/remote/later', 'theirs');
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/later', localPath: '/local/later' }]);
    await r.queue.whenIdle();
    expect(questions).toEqual(['/local/a', '/local/later']);
    await r.queue.close();
  });

  it('upload rename picks a free remote name', async () => {
    const r = rig({ onExists: 'rename' });
    r.fs.put('/local/u.txt', 'mine');
    r.server.put('/remote/u.txt', 'theirs');
    r.server.put('/remote/u (1).txt', 'theirs too');
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/u.txt', remotePath: '/remote/u.txt' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.remotePath).toBe('/remote/u (2).txt');
    expect(r.server.read('/remote/u (2).txt')?.toString()).toBe('mine');
    await r.queue.close();
  });
});
