import { randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueRig, treeHashes } from './helpers';
import { startServer, type RunningServer } from './servers';

const FOLDERS = 20;
const FILES_PER_FOLDER = 100;
const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('a 2,000-file tree round trip with parallel 4', () => {
  let server: RunningServer;
  let work: string;

  beforeAll(async () => {
    server = await startServer('pyftpdlib', { baseDir: BASE });
    work = await fsp.mkdtemp(path.join(BASE, 'ferry-queue-tree-'));
    for (let d = 0; d < FOLDERS; d++) {
      const dir = path.join(server.homeDir, 'tree', `dir-${d}`, d % 3 === 0 ? 'nested' : '');
      await fsp.mkdir(dir, { recursive: true });
      for (let f = 0; f < FILES_PER_FOLDER; f++) {
        // Sizes from 0 to ~8 KiB, including empty files.
        await fsp.writeFile(path.join(dir, `file-${f}.dat`), randomBytes((d * 131 + f * 97) % 8193));
      }
    }
    await fsp.mkdir(path.join(server.homeDir, 'tree', 'empty-folder'));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  it('downloads then uploads byte-identical, empty folders included', async () => {
    const endpoint = { host: server.host, port: server.port, user: server.user, password: server.password };
    const rig = queueRig(endpoint, { globalLimit: 4, defaultSiteLimit: 4 });
    const local = path.join(work, 'local-tree');
    try {
      const down = await rig.queue.addFolder({ direction: 'download', siteId: 'srv', remoteDir: '/tree', localDir: local });
      expect(down.addedIds).toHaveLength(FOLDERS * FILES_PER_FOLDER);
      expect(down.refused).toEqual([]);
      await rig.queue.whenIdle();
      const failures = rig.queue.list().filter((i) => i.state !== 'done').slice(0, 3).map((i) => `${i.remotePath}: ${i.state} ${i.lastError?.message}`);
      expect(failures).toEqual([]);
      const original = await treeHashes(path.join(server.homeDir, 'tree'));
      expect(await treeHashes(local)).toEqual(original);
      expect(existsSync(path.join(local, 'empty-folder'))).toBe(true);

      rig.queue.clearFinished();
      const up = await rig.queue.addFolder({ direction: 'upload', siteId: 'srv', localDir: local, remoteDir: '/copy' });
      expect(up.addedIds).toHaveLength(FOLDERS * FILES_PER_FOLDER);
      await rig.queue.whenIdle();
      expect(rig.queue.totals()).toMatchObject({ doneCount: FOLDERS * FILES_PER_FOLDER, failedCount: 0 });
      expect(await treeHashes(path.join(server.homeDir, 'copy'))).toEqual(original);
      expect(existsSync(path.join(server.homeDir, 'copy', 'empty-folder'))).toBe(true);
    } finally {
      await rig.queue.close();
    }
  }, 300_000);
});
