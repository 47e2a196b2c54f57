/**
 * Compare on the real servers: a local tree and a server tree with every kind of difference get
 * the right verdicts (LIST-only servers with their minute precision), the server tree is listed
 * over several connections, and comparing by checksum catches an edit that kept size and time.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeLocalFs } from '../../../electron/queue';
import { ftpSessionFactory } from '../../../electron/sessions';
import { DEFAULT_COMPARE } from '../../../shared/compareTrees';
import { compareFolders } from '../../../electron/sync/compareFolders';
import type { TransferSession } from '../../../electron/queue/types';
import { kindsWith, SERVER_KINDS } from '../../servers';
import { serverSuite, type ServerSuite } from '../queue/harness';

const DAY = 86_400_000;
/** Yesterday at a whole minute, so LIST's HH:MM and the local clock agree. */
const BASE = Math.floor((Date.now() - DAY) / 60_000) * 60_000;

async function put(root: string, rel: string, content: string | Buffer, modifiedMs = BASE): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  await fsp.utimes(file, new Date(modifiedMs), new Date(modifiedMs));
}

function opener(suite: ServerSuite) {
  const factory = ftpSessionFactory(() => ({ ...suite.endpoint(), dataMode: 'passive', timeoutMs: 5_000 }));
  const opened: TransferSession[] = [];
  let n = 0;
  return {
    opened,
    open: async () => {
      const session = await factory('compare', `compare-${++n}`);
      opened.push(session);
      return session;
    },
  };
}

/** Both sides of a tree with one of each difference, the remote side written into the server's folder. */
async function makeTrees(suite: ServerSuite, name: string): Promise<{ local: string; remoteDir: string }> {
  const local = path.join(suite.work, name);
  const remote = path.join(suite.server.homeDir, name);
  for (const root of [local, remote]) {
    await put(root, 'same.txt', 'same');
    await put(root, 'docs/guide.md', 'guide');
    await put(root, 'grown.txt', root === local ? 'longer here' : 'short');
    await put(root, 'edited.txt', 'v1', root === local ? BASE + 2 * 3_600_000 : BASE);
    await put(root, 'older-here.txt', 'v1', root === local ? BASE - 3 * 3_600_000 : BASE);
  }
  await put(local, 'mine.txt', 'only here');
  await put(remote, 'theirs/deep.txt', 'only there');
  await fsp.mkdir(path.join(local, 'clash'));
  await put(remote, 'clash', 'a file');
  return { local, remoteDir: `/${name}` };
}

describe.each(SERVER_KINDS)('compare against %s', (kind) => {
  const suite = serverSuite(kind);

  it('gives each kind of difference its verdict, listing the server tree over several connections', async () => {
    const { local, remoteDir } = await makeTrees(suite, 'tree');
    const connections = opener(suite);
    const result = await compareFolders({
      localDir: local,
      remoteDir,
      openSession: connections.open,
      parallel: 3,
      isRecursive: true,
      compare: DEFAULT_COMPARE,
      hashLocal: (p, a) => nodeLocalFs.hashFile(p, a),
    });
    expect(Object.fromEntries(result.pairs.map((p) => [p.relPath, p.verdict]))).toEqual({
      clash: 'type-conflict',
      docs: 'identical',
      'docs/guide.md': 'identical',
      'edited.txt': 'newer-local',
      'grown.txt': 'size-differs',
      'mine.txt': 'only-local',
      'older-here.txt': 'newer-remote',
      'same.txt': 'identical',
      theirs: 'only-remote',
      'theirs/deep.txt': 'only-remote',
    });
    // Three folders waited at once after the first listing: more than one connection listed them.
    expect(connections.opened.length).toBeGreaterThan(1);
    expect(connections.opened.length).toBeLessThanOrEqual(3);
    expect(connections.opened.every((s) => s.isClosed)).toBe(true);
  });

  it('one level compares only the folder itself', async () => {
    const { local, remoteDir } = await makeTrees(suite, 'flat');
    const result = await compareFolders({
      localDir: local,
      remoteDir,
      openSession: opener(suite).open,
      parallel: 2,
      isRecursive: false,
      compare: DEFAULT_COMPARE,
      hashLocal: (p, a) => nodeLocalFs.hashFile(p, a),
    });
    expect(result.pairs.map((p) => p.relPath)).toEqual(['clash', 'docs', 'edited.txt', 'grown.txt', 'mine.txt', 'older-here.txt', 'same.txt', 'theirs']);
  });
});

describe.each(kindsWith('hash'))('compare by checksum against %s', (kind) => {
  const suite = serverSuite(kind);

  it('catches a same-size, same-time edit that size and time miss', async () => {
    const local = path.join(suite.work, 'sums');
    const remote = path.join(suite.server.homeDir, 'sums');
    await put(local, 'config.ini', 'mode=fast');
    await put(remote, 'config.ini', 'mode=slow');
    await put(local, 'same.ini', 'x=1');
    await put(remote, 'same.ini', 'x=1');
    const request = { localDir: local, remoteDir: '/sums', openSession: opener(suite).open, parallel: 2, isRecursive: true, hashLocal: (p: string, a: string) => nodeLocalFs.hashFile(p, a) };
    const bySizeTime = await compareFolders({ ...request, compare: DEFAULT_COMPARE });
    expect(bySizeTime.pairs.map((p) => p.verdict)).toEqual(['identical', 'identical']);
    const byChecksum = await compareFolders({ ...request, compare: { ...DEFAULT_COMPARE, by: ['checksum'] } });
    expect(byChecksum.checksumAlgorithm).toBeTruthy();
    expect(byChecksum.pairs.map((p) => [p.relPath, p.verdict])).toEqual([
      ['config.ini', 'content-differs'],
      ['same.ini', 'identical'],
    ]);
  });
});

describe('compare against a server that cuts listings short (pure-ftpd)', () => {
  const suite = serverSuite('pure-ftpd', { server: { listLimit: 12 } });

  it('fails, naming the folder and the reply, instead of calling the missing files "only here"', async () => {
    const local = path.join(suite.work, 'many');
    for (let i = 0; i < 20; i++) {
      await put(local, `f${i}.txt`, 'x');
      await put(path.join(suite.server.homeDir, 'many'), `f${i}.txt`, 'x');
    }
    const compare = compareFolders({
      localDir: local,
      remoteDir: '/many',
      openSession: opener(suite).open,
      parallel: 2,
      isRecursive: true,
      compare: DEFAULT_COMPARE,
      hashLocal: (p, a) => nodeLocalFs.hashFile(p, a),
    });
    await expect(compare).rejects.toThrow(/^the server listed only part of \/many \("226 .*"\), so it cannot be compared$/);
  });
});
