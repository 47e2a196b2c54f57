import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadLedger } from '../../../electron/sync/uploadLedger';

const T = Date.UTC(2026, 5, 1, 10, 0, 0);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-ledger-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('UploadLedger (uploads of earlier ferry runs, waiting for a listing)', () => {
  it('keeps uploads by account, the latest of a path, and forgets an account', async () => {
    const ledger = new UploadLedger(dir);
    await ledger.add('a@h:21', [{ remotePath: '/x', finishedMs: T - 1000 }], T);
    await ledger.add('a@h:21', [{ remotePath: '/x', finishedMs: T, sourceModifiedMs: 5 }, { remotePath: '/y', finishedMs: T }], T);
    await ledger.add('b@h:21', [{ remotePath: '/x', finishedMs: T }], T);
    expect(await new UploadLedger(dir).uploadsOf('a@h:21', T)).toEqual([
      { remotePath: '/x', finishedMs: T, sourceModifiedMs: 5 },
      { remotePath: '/y', finishedMs: T },
    ]);
    await ledger.forget('a@h:21');
    expect(await ledger.uploadsOf('a@h:21', T)).toEqual([]);
    expect(await ledger.uploadsOf('b@h:21', T)).toHaveLength(1);
  });

  it('drops uploads older than a day and keeps at most 200 per account', async () => {
    const ledger = new UploadLedger(dir);
    await ledger.add('a@h:21', [{ remotePath: '/old', finishedMs: T - 2 * 86_400_000 }], T - 2 * 86_400_000);
    expect(await ledger.uploadsOf('a@h:21', T)).toEqual([]);
    await ledger.add('a@h:21', Array.from({ length: 250 }, (_, i) => ({ remotePath: `/f${i}`, finishedMs: T })), T);
    const kept = await ledger.uploadsOf('a@h:21', T);
    expect(kept).toHaveLength(200);
    expect(kept[0].remotePath).toBe('/f50');
  });

  it('reads a damaged file as empty', async () => {
    await writeFile(path.join(dir, 'recent-uploads.json'), 'nonsense');
    const ledger = new UploadLedger(dir);
    expect(await ledger.uploadsOf('a@h:21')).toEqual([]);
    await ledger.add('a@h:21', [{ remotePath: '/x', finishedMs: Date.now() }]);
    expect(await ledger.uploadsOf('a@h:21')).toHaveLength(1);
  });
});
