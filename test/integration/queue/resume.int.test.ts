/** Downloads and uploads cut at 10, 50 and 90 % by the fault proxy finish byte-identical on every server, resuming. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KINDS, SERVER_SUPPORTS, queueRig, restOffsets, serverSuite, sha256File, writeRandomFile } from './harness';

const SIZE = 8 * 1024 * 1024;
// pure-ftpd sends no final reply after a cut data connection, so the client waits for its reply
// timeout before retrying; a short one keeps the suite quick.
const REPLY_TIMEOUT_MS = 2_500;

describe.each(SERVER_KINDS)('queue resume through a fault proxy (%s)', (kind) => {
  const suite = serverSuite(kind, { proxy: {} });
  let original: string;
  let originalHash: string;

  beforeAll(async () => {
    original = path.join(suite.work, 'original.bin');
    await writeRandomFile(original, SIZE);
    originalHash = await sha256File(original);
    await fsp.copyFile(original, path.join(suite.server.homeDir, 'big.bin'));
  });

  it.each([0.1, 0.5, 0.9])('a download cut at %s finishes byte-identical, resuming from the partial', async (fraction) => {
    const cutAt = Math.floor(SIZE * fraction);
    suite.proxy.addDataFault({ command: 'RETR', cutAfterBytes: cutAt });
    const rig = queueRig(suite.endpoint(), {}, undefined, { timeoutMs: REPLY_TIMEOUT_MS });
    const local = path.join(suite.work, `down-${fraction}.bin`);
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: '/big.bin', localPath: local }]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts, [...rig.logs, ...rig.wire.filter((l) => !/ (command|reply) (2[0-9][0-9]|PASV|EPSV|TYPE|SIZE)/.test(l))].join('\n')).toBe(2);
    expect(await sha256File(local)).toBe(originalHash);
    const offsets = restOffsets(rig.wire);
    expect(offsets).toHaveLength(1);
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[0]).toBeLessThanOrEqual(cutAt);
    expect(rig.logs.some((l) => l.includes(`resuming download of /big.bin at ${offsets[0]} bytes`))).toBe(true);
    // Where the server offers HASH, the whole resumed file was checked against it.
    expect(rig.logs.some((l) => / verified for \/big\.bin$/.test(l))).toBe(SERVER_SUPPORTS[kind].hash);
    await expect(fsp.stat(`${local}.part`)).rejects.toThrow();
  });

  it.each([0.1, 0.5, 0.9])('an upload cut at %s finishes byte-identical, resuming from the server size', async (fraction) => {
    const cutAt = Math.floor(SIZE * fraction);
    const remote = `/up-${fraction}.bin`;
    suite.proxy.addDataFault({ command: 'STOR', cutAfterBytes: cutAt });
    const rig = queueRig(suite.endpoint(), {}, undefined, { timeoutMs: REPLY_TIMEOUT_MS });
    const [item] = rig.queue.addFiles([{ direction: 'upload', siteId: 'srv', remotePath: remote, localPath: original }]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts).toBe(2);
    expect(await sha256File(path.join(suite.server.homeDir, remote))).toBe(originalHash);
    const resumedAt = restOffsets(rig.wire)[0] ?? -1;
    const appended = rig.wire.some((l) => / command APPE /.test(l));
    expect(rig.logs.some((l) => /resuming upload of .* at [1-9]\d* bytes/.test(l))).toBe(true);
    // proftpd refuses REST+STOR and APPE unless configured with AllowStoreRestart; then, and only
    // then, the queue starts the file over (and says so).
    const isRefused = rig.logs.some((l) => l.includes('refuses to resume uploads'));
    expect(isRefused ? kind === 'proftpd' : resumedAt > 0 || appended, rig.logs.join('\n')).toBe(true);
  });
});
