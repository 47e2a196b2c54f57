/**
 * SFTP transfers against a real OpenSSH server: byte-identical downloads and uploads of 0 B, 1 B,
 * 5 MiB and a random size; from an offset; many requests in flight (from the log's summary);
 * backpressure from a slow target; the time kept on upload; a cancelled transfer; and a download
 * and an upload broken off by a cut connection (the fault proxy relaying SSH as plain TCP) and
 * continued from the bytes already there on a new connection.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftpAbortedError, SftpConnectionError, isTransient, type SftpLogEvent, type SftpSession } from '../../../electron/sftp';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { connect, sha256Of, sshSuite } from './harness';

const MiB = 1024 * 1024;

describe('SFTP downloads and uploads', () => {
  const suite = sshSuite();
  let session: SftpSession;
  const log: SftpLogEvent[] = [];
  beforeAll(async () => {
    session = await connect(suite.server, {}, log);
  });
  afterAll(() => session?.close());

  it.each([
    ['0 B', 0],
    ['1 B', 1],
    ['5 MiB', 5 * MiB],
    ['a random size', randomInt(1, 3 * MiB)],
  ])('round-trips %s byte for byte', async (name, size) => {
    const data = randomBytes(size);
    const local = path.join(suite.work, `up-${size}.bin`);
    writeFileSync(local, data);
    const remote = `${suite.server.homeDir}/file-${size}.bin`;
    await session.upload(createReadStream(local), remote, {});
    expect(readFileSync(path.join(suite.server.homeDir, `file-${size}.bin`)).equals(data)).toBe(true);
    const back = path.join(suite.work, `down-${size}.bin`);
    let progress = 0;
    await session.download(remote, createWriteStream(back), { onProgress: (bytes) => (progress = bytes) });
    expect(sha256Of(back)).toBe(sha256Of(local));
    expect(progress).toBe(size);
  });

  it('keeps many READs and WRITEs in flight on a big file, and says so once per file', async () => {
    const data = randomBytes(16 * MiB);
    writeFileSync(path.join(suite.work, 'big.bin'), data);
    const remote = `${suite.server.homeDir}/big.bin`;
    const before = log.length;
    // From memory, so the source outruns the answers (a file on loopback is read about as fast as they come).
    const pieces = Array.from({ length: 256 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    await session.upload(Readable.from(pieces), remote, {});
    await session.download(remote, createWriteStream(path.join(suite.work, 'big-back.bin')), {});
    expect(sha256Of(path.join(suite.work, 'big-back.bin'))).toBe(sha256Of(path.join(suite.work, 'big.bin')));
    const lines = log.slice(before).map((e) => e.text);
    const write = lines.find((t) => t.startsWith(`WRITE ${remote}:`))!;
    const read = lines.find((t) => t.startsWith(`READ ${remote}:`))!;
    expect(Number(/(\d+) in flight at most/.exec(write)![1])).toBeGreaterThanOrEqual(16);
    expect(Number(/(\d+) in flight at most/.exec(read)![1])).toBeGreaterThanOrEqual(16);
    expect(read).toMatch(/16777216 bytes in \d+ requests/);
    // One summary per file, not a line per request.
    expect(lines.length).toBeLessThan(10);
  });

  it('reads from an offset and writes after the bytes the server has', async () => {
    const data = randomBytes(MiB + 123);
    writeFileSync(path.join(suite.server.homeDir, 'part.bin'), data);
    await suite.server.chownToServer(path.join(suite.server.homeDir, 'part.bin'));
    const chunks: Buffer[] = [];
    await session.download(`${suite.server.homeDir}/part.bin`, collect(chunks), { offset: 500_000 });
    expect(Buffer.concat(chunks).equals(data.subarray(500_000))).toBe(true);

    writeFileSync(path.join(suite.server.homeDir, 'part.bin'), data.subarray(0, 700_000));
    await session.upload(Readable.from([data.subarray(700_000)]), `${suite.server.homeDir}/part.bin`, { offset: 700_000 });
    expect(readFileSync(path.join(suite.server.homeDir, 'part.bin')).equals(data)).toBe(true);
  });

  it('waits for a slow target instead of holding the file in memory', async () => {
    const data = randomBytes(8 * MiB);
    writeFileSync(path.join(suite.server.homeDir, 'slow.bin'), data);
    const chunks: Buffer[] = [];
    let most = 0;
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        most = Math.max(most, this.writableLength);
        setImmediate(done);
      },
    });
    await session.download(`${suite.server.homeDir}/slow.bin`, slow, {});
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    // Backpressure: the target never held much more than one READ's answer beyond its mark.
    expect(most).toBeLessThan(2 * MiB);
  });

  it('keeps the modification time given for an upload', async () => {
    await session.upload(Readable.from([Buffer.from('dated')]), `${suite.server.homeDir}/dated.txt`, { modifiedMs: 1_400_000_000_000 });
    expect(statSync(path.join(suite.server.homeDir, 'dated.txt')).mtimeMs).toBe(1_400_000_000_000);
  });

  it('stops a transfer when its signal aborts, and the session goes on', async () => {
    writeFileSync(path.join(suite.server.homeDir, 'abort.bin'), randomBytes(8 * MiB));
    const controller = new AbortController();
    const target = new Writable({
      write(_chunk, _enc, done) {
        controller.abort();
        done();
      },
    });
    await expect(session.download(`${suite.server.homeDir}/abort.bin`, target, { signal: controller.signal })).rejects.toBeInstanceOf(SftpAbortedError);
    expect(await session.size(`${suite.server.homeDir}/abort.bin`)).toBe(8 * MiB);
  });

  it('fails a download of a missing file with NO_SUCH_FILE and destroys the target', async () => {
    const target = collect([]);
    await expect(session.download(`${suite.server.homeDir}/none.bin`, target, {})).rejects.toMatchObject({ codeName: 'NO_SUCH_FILE', command: `OPEN ${suite.server.homeDir}/none.bin (read)` });
    expect(target.destroyed).toBe(true);
  });
});

describe('SFTP transfers cut off and continued (fault proxy)', () => {
  const suite = sshSuite();
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy({ targetHost: suite.server.host, targetPort: suite.server.port, isPlainTcp: true });
  });
  afterAll(() => proxy?.stop());

  const viaProxy = () => connect(suite.server, { host: proxy.host, port: proxy.port });

  it('continues a download from the bytes that arrived before the cut', async () => {
    const data = randomBytes(6 * MiB);
    writeFileSync(path.join(suite.server.homeDir, 'cut-down.bin'), data);
    const local = path.join(suite.work, 'cut-down.part');
    const first = await viaProxy();
    proxy.cutControlAfter(2 * MiB);
    // Written synchronously, so every byte the engine handed over is on disk when the cut ends the download.
    const fd = openSync(local, 'w');
    const partial = new Writable({
      write(chunk: Buffer, _enc, done) {
        writeSync(fd, chunk);
        done();
      },
    });
    const err = await first.download(`${suite.server.homeDir}/cut-down.bin`, partial, {}).catch((e: unknown) => e);
    closeSync(fd);
    expect(err).toBeInstanceOf(SftpConnectionError);
    expect(isTransient(err)).toBe(true);
    expect(first.isClosed).toBe(true);
    const got = statSync(local).size;
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(data.length);

    const second = await viaProxy();
    await second.download(`${suite.server.homeDir}/cut-down.bin`, createWriteStream(local, { flags: 'a' }), { offset: got });
    await second.close();
    expect(readFileSync(local).equals(data)).toBe(true);
  });

  it('continues an upload after the bytes the server kept', async () => {
    const data = randomBytes(6 * MiB);
    const local = path.join(suite.work, 'cut-up.bin');
    writeFileSync(local, data);
    const remote = `${suite.server.homeDir}/cut-up.bin`;
    const first = await viaProxy();
    proxy.cutClientAfter(2 * MiB);
    const err = await first.upload(createReadStream(local), remote, {}).catch((e: unknown) => e);
    expect(isTransient(err)).toBe(true);

    const second = await viaProxy();
    const kept = await second.size(remote);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(data.length);
    await second.upload(createReadStream(local, { start: kept }), remote, { offset: kept });
    await second.close();
    expect(readFileSync(path.join(suite.server.homeDir, 'cut-up.bin')).equals(data)).toBe(true);
  });
});

/** A target that keeps what it is given. */
function collect(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
}
