/** A data strategy learnt on one connection (proftpd with passive refused) is used by the site's next connections. */
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { queueRig, serverSuite, writeRandomFile } from './harness';

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
  const suite = serverSuite('proftpd', { server: { passiveDisabled: true } });

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) await writeRandomFile(path.join(suite.server.homeDir, 'few', `f${i}.bin`), 32 * 1024);
    await suite.server.chownToServer(path.join(suite.server.homeDir, 'few'));
  });

  it('a new connection goes straight to the strategy that worked, where the first had to fall back', async () => {
    // One connection at a time, dropped as soon as it is idle: the second batch needs a new one.
    const rig = queueRig(suite.endpoint(), { defaultSiteLimit: 1, idleSessionMs: 1 }, undefined, { dataMode: 'auto' });
    try {
      const batch = (from: number) => rig.queue.addFiles([from, from + 1].map((i) => ({
        direction: 'download' as const, siteId: 'srv', remotePath: `/few/f${i}.bin`, localPath: path.join(suite.work, `f${i}.bin`),
      })));
      const first = batch(0);
      await rig.queue.whenIdle();
      // The idle connection goes (QUIT) before the second batch, which then needs a new one.
      await vi.waitFor(() => expect(rig.wire.some((l) => / command QUIT$/.test(l))).toBe(true));
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
