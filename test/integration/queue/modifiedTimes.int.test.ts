/**
 * Uploads keep the local file's modification time on every server that can set one (MFMT), with
 * no round trip of their own: MFMT goes out without waiting, and the size check behind it.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queueRig, serverSuite, SERVER_KINDS } from './harness';

const TIME = new Date('2021-03-04T05:06:07Z');

describe.each(SERVER_KINDS)('uploads keep their modification times on %s', (kind) => {
  const suite = serverSuite(kind);

  it('sets each uploaded file to its local time where MFMT is offered, and sends nothing where it is not', async () => {
    const local = path.join(suite.work, 'times');
    await fsp.mkdir(local, { recursive: true });
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      await fsp.writeFile(path.join(local, name), `contents of ${name}`);
      await fsp.utimes(path.join(local, name), TIME, TIME);
    }
    const rig = queueRig(suite.endpoint());
    await rig.queue.addFolder({ direction: 'upload', siteId: kind, remoteDir: '/times', localDir: local });
    await rig.queue.whenIdle();
    expect(rig.queue.list().map((i) => i.state)).toEqual(['done', 'done', 'done']);

    const commands = rig.wire.filter((l) => / command MFMT /.test(l));
    const offersMfmt = kind !== 'vsftpd';
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const mtime = (await fsp.stat(path.join(suite.server.homeDir, 'times', name))).mtimeMs;
      if (offersMfmt) expect(mtime).toBe(TIME.getTime());
      else expect(mtime).not.toBe(TIME.getTime());
    }
    if (!offersMfmt) {
      expect(commands).toEqual([]);
      return;
    }
    expect(commands).toHaveLength(3);
    // The size check is on the wire before MFMT's reply came back: the two share a round trip.
    for (const command of commands) {
      const at = rig.wire.indexOf(command);
      const connection = command.split(' ')[0];
      const next = rig.wire.slice(at + 1).filter((l) => l.startsWith(`${connection} `));
      const beforeReply = next.slice(0, next.findIndex((l) => / reply /.test(l)));
      expect(beforeReply.some((l) => / command SIZE \/times\//.test(l))).toBe(true);
    }
  });
});
