import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { queueRig, sha256File, writeRandomFile } from './helpers';
import { SERVER_KINDS, startServer, type RunningServer } from './servers';

describe.each(SERVER_KINDS)('queue limits and permanent errors (%s)', (kind) => {
  let server: RunningServer;
  let proxy: FaultProxy;
  let work: string;

  beforeAll(async () => {
    server = await startServer(kind);
    proxy = await startFaultProxy({ targetHost: server.host, targetPort: server.port });
    work = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-queue-limits-'));
    for (let i = 0; i < 8; i++) await writeRandomFile(path.join(server.homeDir, 'many', `f${i}.bin`), 256 * 1024);
  });

  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  const endpoint = () => ({ host: proxy.host, port: proxy.port, user: server.user, password: server.password });

  it('a 421 on connect lowers the site limit and the queue still completes', async () => {
    proxy.setMaxControlConnections(2);
    const rig = queueRig(endpoint(), { defaultSiteLimit: 4 });
    try {
      const items = rig.queue.addFiles(
        Array.from({ length: 8 }, (_, i) => ({ direction: 'download' as const, siteId: 'srv', remotePath: `/many/f${i}.bin`, localPath: path.join(work, 'many', `f${i}.bin`) })),
      );
      await rig.queue.whenIdle();
      expect(items.map((i) => rig.queue.get(i.id)?.state)).toEqual(Array(8).fill('done'));
      expect(proxy.refusedCount).toBeGreaterThan(0);
      expect(rig.logs.some((l) => /^421 from the server: at most [12] connection/.test(l))).toBe(true);
      for (let i = 0; i < 8; i++) {
        expect(await sha256File(path.join(work, 'many', `f${i}.bin`))).toBe(await sha256File(path.join(server.homeDir, 'many', `f${i}.bin`)));
      }
    } finally {
      proxy.setMaxControlConnections(undefined);
      await rig.queue.close();
    }
  });

  it('a 550 fails at once with the reply code and leaves no file', async () => {
    const rig = queueRig(endpoint());
    const local = path.join(work, 'missing.bin');
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
