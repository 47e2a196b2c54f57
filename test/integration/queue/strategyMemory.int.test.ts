import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueRig, writeRandomFile } from './helpers';
import { startServer, type RunningServer } from './servers';

/** The data commands each transfer connection sent, by connection, in order. */
function dataCommandsByConnection(wire: string[]): Map<string, string[]> {
  const byConnection = new Map<string, string[]>();
  for (const line of wire) {
    const match = /^(\S+) command (EPSV|PASV|EPRT|PORT)\b/.exec(line);
    if (!match) continue;
    const list = byConnection.get(match[1]) ?? [];
    list.push(match[2]);
    byConnection.set(match[1], list);
  }
  return byConnection;
}

describe('the data strategy a site needs is remembered for its next connections (proftpd, passive refused)', () => {
  let server: RunningServer;
  let work: string;

  beforeAll(async () => {
    server = await startServer('proftpd', { passiveDisabled: true });
    work = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-queue-strategy-'));
    for (let i = 0; i < 4; i++) await writeRandomFile(path.join(server.homeDir, 'few', `f${i}.bin`), 32 * 1024);
    await server.chownToServer(path.join(server.homeDir, 'few'));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  it('a new connection goes straight to the strategy that worked, where the first had to fall back', async () => {
    // One connection at a time, dropped as soon as it is idle: the second batch needs a new one.
    const rig = queueRig(server, { defaultSiteLimit: 1, idleSessionMs: 1 }, undefined, { dataMode: 'auto' });
    try {
      const batch = (from: number) => rig.queue.addFiles([from, from + 1].map((i) => ({
        direction: 'download' as const, siteId: 'srv', remotePath: `/few/f${i}.bin`, localPath: path.join(work, `f${i}.bin`),
      })));
      const first = batch(0);
      await rig.queue.whenIdle();
      // Let the idle connection go.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = batch(2);
      await rig.queue.whenIdle();
      expect([...first, ...second].map((i) => rig.queue.get(i.id)?.state)).toEqual(['done', 'done', 'done', 'done']);
      const connections = [...dataCommandsByConnection(rig.wire).values()];
      expect(connections.length).toBe(2);
      // The first connection learnt that passive is refused; the second did not ask again.
      expect(connections[0].slice(0, 3)).toEqual(['EPSV', 'PASV', 'EPRT']);
      expect(connections[1]).toEqual(['EPRT', 'EPRT']);
    } finally {
      await rig.queue.close();
    }
  });
});
