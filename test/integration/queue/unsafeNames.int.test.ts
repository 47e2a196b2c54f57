/** A remote listing whose names try to escape the target folder, from the scripted fault server. */
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../../servers/faultServer';
import { queueRig } from './harness';

describe('a remote listing that tries to escape the target folder', () => {
  let server: FaultServer;
  let work: string;

  beforeAll(async () => {
    server = await startFaultServer({
      files: { '/d/ok.txt': 'fine' },
      listing: [
        '-rw-r--r--    1 ftp      ftp             6 Jan 02  2024 ../escape',
        '-rw-r--r--    1 ftp      ftp             6 Jan 02  2024 C:evil.txt',
        '-rw-r--r--    1 ftp      ftp             6 Jan 02  2024 back\\slash.txt',
        '-rw-r--r--    1 ftp      ftp             4 Jan 02  2024 ok.txt',
      ],
    });
    work = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-queue-escape-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  it('refuses and reports the unsafe names, writes nothing outside, and downloads the rest', async () => {
    const rig = queueRig({ host: server.host, port: server.port, user: 'user', password: 'secret' });
    const target = path.join(work, 'target');
    const report = await rig.queue.addFolder({ direction: 'download', siteId: 'evil', remoteDir: '/d', localDir: target });
    expect(report.refused.map((r) => r.path).sort()).toEqual(['/d/../escape', '/d/C:evil.txt', '/d/back\\slash.txt']);
    await rig.queue.whenIdle();
    const items = rig.queue.list();
    await rig.queue.close();
    expect(items.filter((i) => i.state === 'failed').map((i) => i.lastError?.kind)).toEqual(['unsafe-name', 'unsafe-name', 'unsafe-name']);
    expect(items.filter((i) => i.state === 'done').map((i) => i.remotePath)).toEqual(['/d/ok.txt']);
    expect(rig.logs.some((l) => l.startsWith('refused /d/../escape'))).toBe(true);
    expect(await fsp.readFile(path.join(target, 'ok.txt'), 'utf8')).toBe('fine');
    expect((await fsp.readdir(work)).sort()).toEqual(['target']);
    expect(await fsp.readdir(target)).toEqual(['ok.txt']);
    expect(server.commands.some((c) => c.includes('escape') && c.startsWith('RETR'))).toBe(false);
  });
});
