/** A 2,000-file tree (empty files and folders included) down and back up with ferry get -r / put -r on vsftpd. */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runQueueCommand } from '../../../electron/cli/queueCommands';
import { captureIo, cliOptions, serverSuite, treeHashes } from './harness';

const FOLDERS = 20;
const FILES_PER_FOLDER = 100;
const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('a 2,000-file tree round trip with ferry get -r / put -r --parallel 4', () => {
  const suite = serverSuite('vsftpd', { server: { baseDir: BASE }, baseDir: BASE });

  beforeAll(async () => {
    for (let d = 0; d < FOLDERS; d++) {
      const dir = path.join(suite.server.homeDir, 'tree', `dir-${d}`, d % 3 === 0 ? 'nested' : '');
      await fsp.mkdir(dir, { recursive: true });
      for (let f = 0; f < FILES_PER_FOLDER; f++) {
        // Sizes from 0 to ~8 KiB, including empty files.
        await fsp.writeFile(path.join(dir, `file-${f}.dat`), randomBytes((d * 131 + f * 97) % 8193));
      }
    }
    await fsp.mkdir(path.join(suite.server.homeDir, 'tree', 'empty-folder'));
  });

  it('downloads then uploads byte-identical, empty folders included', async () => {
    const base = `ftp://${suite.server.user}:${encodeURIComponent(suite.server.password)}@${suite.server.host}:${suite.server.port}`;
    const local = path.join(suite.work, 'local-tree');
    const total = FOLDERS * FILES_PER_FOLDER;

    const getIo = captureIo(suite.work);
    const getStatus = await runQueueCommand('get', [`${base}/tree/`, local], cliOptions({ parallel: 4 }), getIo);
    expect(getIo.err()).toBe('');
    expect(getStatus).toBe(0);
    expect(getIo.out().split('\n').filter((l) => l.startsWith('got ')).length).toBe(total);
    expect(getIo.out()).toContain(`transferred ${total.toLocaleString('en-US')} file(s)`);
    const original = await treeHashes(path.join(suite.server.homeDir, 'tree'));
    expect(await treeHashes(local)).toEqual(original);
    expect(existsSync(path.join(local, 'empty-folder'))).toBe(true);

    const putIo = captureIo(suite.work);
    const putStatus = await runQueueCommand('put', [local, `${base}/copy`], cliOptions({ parallel: 4, isJson: true }), putIo);
    expect(putIo.err()).toBe('');
    expect(putStatus).toBe(0);
    const events = putIo.out().trim().split('\n').map((l) => JSON.parse(l) as { type: string; state?: string; files?: number; failed?: number });
    expect(events.filter((e) => e.type === 'file' && e.state === 'done')).toHaveLength(total);
    expect(events[events.length - 1]).toMatchObject({ type: 'summary', files: total, failed: 0 });
    expect(await treeHashes(path.join(suite.server.homeDir, 'copy'))).toEqual(original);
    expect(existsSync(path.join(suite.server.homeDir, 'copy', 'empty-folder'))).toBe(true);
  }, 300_000);
});
