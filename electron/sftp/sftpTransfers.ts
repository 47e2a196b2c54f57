/**
 * One file's download or upload on an open SFTP session: OPEN, the pipelined READs or WRITEs
 * (pipelinedRead.ts, pipelinedWrite.ts), the time set beside the CLOSE, and one summary line per
 * file for the log. Imports only ssh2 types, node:* and this folder.
 */
import type { Readable, Writable } from 'node:stream';
import type { SFTPWrapper, Stats } from 'ssh2';
import { SftpError } from './errors';
import { pipelinedRead } from './pipelinedRead';
import { pipelinedWrite } from './pipelinedWrite';
import type { SftpLog } from './sftpLog';

type Done<T> = (err: Error | null | undefined, value?: T) => void;

/** What the transfer functions need of their session. */
export interface TransferChannel {
  sftp: SFTPWrapper;
  log: SftpLog;
  /** The longest READ the server answers in full (limits@openssh.com, or what ssh2 assumes). */
  maxReadBytes: number;
  /** The longest WRITE the server takes. */
  maxWriteBytes: number;
  /** A logged request (see SftpSession.call). */
  call<T>(command: string, start: (done: Done<T>) => void, opts?: { isQuiet?: boolean }): Promise<T>;
  /** An unlogged request the watchdog counts. */
  track<T>(start: (done: Done<T>) => void): Promise<T>;
  /** The same without a promise, for the many READs and WRITEs of a transfer. */
  trackRaw<T>(start: (done: Done<T>) => void, done: Done<T>): void;
  closeHandle(handle: Buffer, path: string): void;
  /** The engine's error for a failed request. */
  failure(err: unknown, command: string): Error;
}

/**
 * Bytes asked per READ (and most per WRITE). Measured on loopback against OpenSSH: 32 KiB costs
 * a third more CPU per GiB in requests; 256 KiB answers span eight SSH packets that ssh2 gathers
 * into a buffer of their own before handing them over, and cost more again; 128 KiB is the least.
 */
export const READ_CHUNK_BYTES = 128 * 1024;
/** Bytes in flight at most per transfer, READ or WRITE: more than the SSH channel's 2 MiB window, so the link never idles. */
export const IN_FLIGHT_BYTES = 8 * 1024 * 1024;
/** Most requests in flight, whatever their size. */
export const MAX_IN_FLIGHT = 64;

// SSH_FXP_OPEN flags (draft-ietf-secsh-filexfer-02 §6.3).
const FXF_WRITE = 0x02;
const FXF_CREAT = 0x08;
const FXF_TRUNC = 0x10;

/**
 * READ buffers cut from larger slabs: one allocation per slab instead of one per READ, which
 * spares the garbage collector most of its work on a big download. Nothing is reused: a slab
 * goes when the target has let go of every piece of it. The first slab holds two READs, enough
 * for a small file; later ones hold what may be in flight.
 */
function slabAllocator(chunkBytes: number): (length: number) => Buffer {
  let slab = Buffer.allocUnsafe(0);
  let used = 0;
  let isFirst = true;
  return (length) => {
    if (slab.length - used < length) {
      slab = Buffer.allocUnsafe(Math.max(length, isFirst ? 2 * chunkBytes : IN_FLIGHT_BYTES));
      isFirst = false;
      used = 0;
    }
    const piece = slab.subarray(used, used + length);
    used += length;
    return piece;
  };
}

function inFlightFor(chunkBytes: number): number {
  return Math.max(2, Math.min(MAX_IN_FLIGHT, Math.floor(IN_FLIGHT_BYTES / chunkBytes)));
}

function rate(bytes: number, startedMs: number): string {
  const seconds = Math.max(0.001, (Date.now() - startedMs) / 1000);
  return `${(bytes / 1e6 / seconds).toFixed(1)} MB/s`;
}

function endAndWait(to: Writable): Promise<void> {
  if (to.writableFinished) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => {
      to.off('finish', onFinish);
      reject(err);
    };
    const onFinish = () => {
      to.off('error', onError);
      resolve();
    };
    to.once('finish', onFinish);
    to.once('error', onError);
    if (!to.writableEnded) to.end();
  });
}

/** Downloads `remotePath` from `offset` into `to` and ends it; on failure `to` is destroyed. */
export async function downloadFile(
  ch: TransferChannel, remotePath: string, to: Writable, opts: { offset?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void },
): Promise<void> {
  const offset = opts.offset ?? 0;
  const startedMs = Date.now();
  let handle: Buffer;
  try {
    handle = await ch.call<Buffer>(`OPEN ${remotePath} (read${offset > 0 ? ` from byte ${offset}` : ''})`, (done) => ch.sftp.open(remotePath, 'r', done));
  } catch (err) {
    to.destroy();
    throw err;
  }
  // FSTAT goes out beside the first READs: the size bounds the requests without a round trip of its own.
  const size = ch.track<Stats>((done) => ch.sftp.fstat(handle, done)).then((attrs) => attrs.size, () => undefined);
  const chunkBytes = Math.min(ch.maxReadBytes, READ_CHUNK_BYTES);
  const allocate = slabAllocator(chunkBytes);
  try {
    const summary = await pipelinedRead({
      read: (position, length, done) => {
        const buffer = allocate(length);
        ch.trackRaw<number>(
          (cb) => ch.sftp.read(handle, buffer, 0, length, position, (err, bytesRead) => cb(err, bytesRead)),
          (err, bytesRead = 0) => (err ? done(err, undefined, false) : done(undefined, buffer.subarray(0, bytesRead), bytesRead === 0)),
        );
      },
    }, to, { offset, size, chunkBytes, maxInFlight: inFlightFor(chunkBytes), signal: opts.signal, onProgress: opts.onProgress });
    ch.closeHandle(handle, remotePath);
    await endAndWait(to);
    ch.log.reply(
      `READ ${remotePath}: ${summary.bytes} bytes in ${summary.requests} requests of ${Math.round(summary.chunkBytes / 1024)} KiB, ` +
        `${summary.peakInFlight} in flight at most, ${rate(summary.bytes, startedMs)}`,
    );
  } catch (err) {
    ch.closeHandle(handle, remotePath);
    const failure = ch.failure(err, `READ ${remotePath}`);
    // Destroyed without the error: the caller hears it from the rejection, and a target nobody listens to for errors must not crash the process.
    if (!to.destroyed) to.destroy();
    ch.log.error(`READ ${remotePath}: ${failure.message}`);
    throw failure;
  }
}

/** Uploads `from` to `remotePath` from `offset` (0: create or truncate); sets the time to `modifiedMs` beside the CLOSE. */
export async function uploadFile(
  ch: TransferChannel, from: Readable, remotePath: string,
  opts: { offset?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void; modifiedMs?: number },
): Promise<void> {
  const offset = opts.offset ?? 0;
  const startedMs = Date.now();
  // A resumed upload keeps what the server has and writes after it; a fresh one starts empty.
  const flags = offset > 0 ? FXF_WRITE | FXF_CREAT : FXF_WRITE | FXF_CREAT | FXF_TRUNC;
  const handle = await ch.call<Buffer>(
    `OPEN ${remotePath} (write${offset > 0 ? ` from byte ${offset}` : ', create or truncate'})`,
    (done) => ch.sftp.open(remotePath, flags, done),
  );
  let closing: Promise<unknown> | undefined;
  const seconds = opts.modifiedMs === undefined ? undefined : Math.floor(opts.modifiedMs / 1000);
  // FSETSTAT and CLOSE go out right behind the last WRITE, not after its answer: the server takes
  // requests in order (OpenSSH does), so a small file costs OPEN and one more round trip. A WRITE
  // refused still fails the upload, as its answer comes before CLOSE's.
  const finish = () => {
    const setTime = seconds === undefined
      ? Promise.resolve()
      : ch.track<void>((done) => ch.sftp.futimes(handle, seconds, seconds, done)).catch((err: unknown) => {
        ch.log.status(`${remotePath}: the server did not keep the modification time (${ch.failure(err, `FSETSTAT ${remotePath}`).message})`);
      });
    const close = ch.call<void>(`CLOSE ${remotePath}`, (done) => ch.sftp.close(handle, done), { isQuiet: true });
    closing = Promise.all([setTime, close]);
    // Heard by the awaits below; kept from being unhandled while a WRITE's failure is what is thrown.
    closing.catch(() => undefined);
  };
  try {
    const maxWriteBytes = Math.min(ch.maxWriteBytes, READ_CHUNK_BYTES);
    const summary = await pipelinedWrite({
      write: (position, data, done) => {
        ch.trackRaw<void>((cb) => ch.sftp.write(handle, data, 0, data.length, position, cb), (err) => done(err ?? undefined));
      },
    }, from, { offset, maxWriteBytes, maxInFlight: inFlightFor(64 * 1024), signal: opts.signal, onProgress: opts.onProgress, onAllSent: finish });
    if (!closing) finish();
    await closing;
    ch.log.reply(
      `WRITE ${remotePath}: ${summary.bytes} bytes in ${summary.requests} requests, ${summary.peakInFlight} in flight at most, ` +
        `${rate(summary.bytes, startedMs)}${seconds === undefined ? '' : ', time kept'}`,
    );
  } catch (err) {
    if (!closing) ch.closeHandle(handle, remotePath);
    const failure = err instanceof SftpError ? err : ch.failure(err, `WRITE ${remotePath}`);
    ch.log.error(`WRITE ${remotePath}: ${failure.message}`);
    throw failure;
  }
}
