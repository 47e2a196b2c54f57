/** The per-site connection limit after a 421, and permanent errors, through the fault proxy on every server. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KINDS, queueRig, serverSuite, sha256File, writeRandomFile } from './harness';

describe.each(SERVER_KINDS)('queue limits and permanent errors (%s)', (kind) => {
  const suite = serverSuite(kind, { proxy: {} });

  beforeAll(async () => {
    for (let i = 0; i < 8; i++) await writeRandomFile(path.join(suite.server.homeDir, 'many', `f${i}.bin`), 256 * 1024);
  });

  it('a 421 on connect lowers the site limit and the queue still completes', async () => {
    suite.proxy.setMaxControlConnections(2);
    const rig = queueRig(suite.endpoint(), { defaultSiteLimit: 4 });
    try {
      const items = rig.queue.addFiles(
        Array.from({ length: 8 }, (_, i) => ({ direction: 'download' as const, siteId: 'srv', remotePath: `/many/f${i}.bin`, localPath: path.join(suite.work, 'many', `f${i}.bin`) })),
      );
      await rig.queue.whenIdle();
      expect(items.map((i) => rig.queue.get(i.id)?.state)).toEqual(Array(8).fill('done'));
      expect(suite.proxy.refusedCount).toBeGreaterThan(0);
      expect(rig.logs.some((l) => /^421 from the server: at most [12] connection/.test(l))).toBe(true);
      for (let i = 0; i < 8; i++) {
        expect(await sha256File(path.join(suite.work, 'many', `f${i}.bin`))).toBe(await sha256File(path.join(suite.server.homeDir, 'many', `f${i}.bin`)));
      }
    } finally {
      suite.proxy.setMaxControlConnections(undefined);
      await rig.queue.close();
    }
  });

  it('a 550 fails at once with the reply code and leaves no file', async () => {
    const rig = queueRig(suite.endpoint());
    const local = path.join(suite.work, 'missing.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: '/no/such/file.bin', localPath: local }]);
    await rig.queue.whenIdle();
    const failed = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: { ftpCode: 550 } });
    expect(failed.lastError?.command).toMatch(/^RETR /);
    await expect(fsp.stat(local)).rejects.toThrow();
    await expect(fsp.stat(`${local}.part`)).rejects.toThrow();
  });
});
