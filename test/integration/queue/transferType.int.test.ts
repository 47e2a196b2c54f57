/**
 * The transfer type through the queue against every real server, with the bytes on disk checked
 * on both sides: an ASCII download of a server's text arrives with LF, an ASCII upload of an LF text
 * is stored with the server's own line ending, and a binary file in Auto mode is byte-identical.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { queueRig, SERVER_KINDS, serverSuite } from './harness';

const AUTO = { ...DEFAULT_SETTINGS.transfers, type: 'auto' as const };
const CRLF_TEXT = 'one\r\ntwo\r\n\r\nlast line without end';
const LF_TEXT = 'alpha\nbeta\n\ngamma\n';
// Every byte value, CR and LF among them, in the orders that a conversion would change.
const BINARY = Buffer.concat([Buffer.from([0x0d, 0x0a, 0x0a, 0x0d, 0x0d]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n\r\n')]);

describe.each(SERVER_KINDS)('transfer type through the queue against %s', (kind) => {
  const suite = serverSuite(kind);
  beforeAll(async () => {
    await fsp.writeFile(path.join(suite.server.homeDir, 'windows.txt'), CRLF_TEXT);
    await fsp.writeFile(path.join(suite.server.homeDir, 'blob.png'), BINARY);
    await fsp.writeFile(path.join(suite.server.homeDir, 'unix.txt'), LF_TEXT);
    await fsp.writeFile(path.join(suite.work, 'unix.html'), LF_TEXT);
    await fsp.writeFile(path.join(suite.work, 'local.png'), BINARY);
  });

  it('downloads a CRLF text as LF and a binary file byte for byte in Auto mode, sending TYPE only when it changes', async () => {
    const rig = queueRig(suite.endpoint(), { transferType: AUTO, defaultSiteLimit: 1 });
    const items = rig.queue.addFiles(
      ['windows.txt', 'blob.png', 'unix.txt'].map((name) => ({ direction: 'download' as const, siteId: 's', remotePath: `/${name}`, localPath: path.join(suite.work, `got-${name}`) })),
    );
    await rig.queue.whenIdle();
    expect(items.map((i) => rig.queue.get(i.id)?.state)).toEqual(['done', 'done', 'done']);
    expect(items.map((i) => i.transferType ?? 'binary')).toEqual(['ascii', 'binary', 'ascii']);
    // vsftpd, proftpd and pyftpdlib send a CRLF already in the file as it is, so it arrives as LF;
    // pure-ftpd turns every LF into CRLF without looking at what precedes it, so the file's own CR
    // reaches the wire as data and stays (FileZilla gets the same bytes from it).
    const expected = kind === 'pure-ftpd' ? CRLF_TEXT : CRLF_TEXT.replaceAll('\r\n', '\n');
    expect(await fsp.readFile(path.join(suite.work, 'got-windows.txt'), 'latin1')).toBe(expected);
    expect(await fsp.readFile(path.join(suite.work, 'got-unix.txt'), 'latin1')).toBe(LF_TEXT);
    expect((await fsp.readFile(path.join(suite.work, 'got-blob.png'))).equals(BINARY)).toBe(true);
    const types = rig.wire.filter((l) => / command TYPE /.test(l)).map((l) => l.replace(/^.* command /, ''));
    // The login leaves the session in TYPE I; after that TYPE goes only when the next file's type differs.
    expect(types).toEqual(['TYPE I', 'TYPE A', 'TYPE I', 'TYPE A']);
    expect(rig.logs.some((l) => l.includes('/windows.txt: sizes are not compared'))).toBe(true);
    await rig.queue.close();
  });

  it('uploads an LF text in ASCII mode (stored with LF on this Unix server) and a binary file unchanged', async () => {
    const rig = queueRig(suite.endpoint(), { transferType: AUTO });
    rig.queue.addFiles(
      ['unix.html', 'local.png'].map((name) => ({ direction: 'upload' as const, siteId: 's', remotePath: `/up-${name}`, localPath: path.join(suite.work, name) })),
    );
    await rig.queue.whenIdle();
    expect(await fsp.readFile(path.join(suite.server.homeDir, 'up-unix.html'), 'latin1')).toBe(LF_TEXT);
    expect((await fsp.readFile(path.join(suite.server.homeDir, 'up-local.png'))).equals(BINARY)).toBe(true);
    await rig.queue.close();
  });
});
