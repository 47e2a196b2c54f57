/**
 * The download path for a target that writes synchronously (syncIo.ts): no stream pipeline, no
 * buffer per chunk. A passive data socket is dialed with Node's `onread` option and reads
 * straight into one pooled 4 MiB buffer, which goes to the target once half full (Node's
 * default allocates a fresh 64 KiB buffer per read: allocation, page faults and garbage
 * collection cost as much CPU as the copying itself). Chunks of other sockets (TLS layered over
 * an existing socket, active mode) are gathered in such a buffer, without the Writable machinery
 * in between. The target gets slices of 2 MiB or more, and the rest at the end.
 * Owns: reading one data socket into a synchronous target. Must not import electron or React.
 */
import type net from 'node:net';
import { returnBuffer, takeBuffer } from './bufferPool';
import { whenReadEnded } from './streamEnd';
import { WRITE_SYNC, type SyncWriteTarget } from './syncIo';

/**
 * The receive buffer, and the fill level at which it goes to the target. Reads as big as what the
 * socket holds and writes of a few MiB are the quickest on loopback: 4 MiB written out at half
 * full moves a plain 1 GiB download 20-40 % faster than 1 MiB written out when nearly full, and
 * larger buffers are slower again (same CPU time, fewer wake-ups; docs/benchmarks.md,
 * Measurements behind the code). A small file only touches the pages it fills.
 */
const BUFFER_BYTES = 4 << 20;
const FLUSH_AT_BYTES = 2 << 20;

/** Reads one download's data socket into a synchronous target and counts the bytes. */
export class DirectReceiver {
  /** Bytes received from the data connection so far. */
  bytes = 0;
  /** What the target threw, when the download failed on the local side. */
  localError?: unknown;
  private readonly target: SyncWriteTarget;
  private readonly onProgress?: (bytes: number) => void;
  /** The buffer of the socket dialed last (or the one gathering chunks), and how much of it is filled. */
  private buffer?: Buffer;
  private used = 0;
  private ownSocket?: net.Socket;
  private hasFailed = false;
  /** receive() is over: nothing more goes to the target. */
  private isDone = false;

  constructor(target: SyncWriteTarget, onProgress?: (bytes: number) => void) {
    this.target = target;
    this.onProgress = onProgress;
  }

  /**
   * Dials a socket that reads into this receiver's buffer: `connect` must pass `onread` to
   * net.connect or tls.connect. receive() takes it from there. (A socket given up before receive(),
   * e.g. on a fallback to another data strategy, leaves its buffer to the garbage collector.)
   */
  dial<T extends net.Socket>(connect: (onread: net.OnReadOpts) => T): T {
    const buffer = takeBuffer(BUFFER_BYTES);
    this.buffer = buffer;
    this.used = 0;
    const socket = connect({
      // Called when the socket starts and after every read: the free part of the buffer.
      buffer: () => buffer.subarray(this.used),
      callback: (bytes) => this.onRead(bytes),
    });
    this.ownSocket = socket;
    return socket;
  }

  /**
   * Reads `socket` to its end into the target. Resolves once the stream ended and everything
   * reached the target; rejects with the first failure (`localError` when the target failed).
   */
  async receive(socket: net.Socket): Promise<void> {
    const isOwn = socket === this.ownSocket;
    if (isOwn) {
      socket.resume();
    } else {
      socket.on('data', (chunk: Buffer) => this.onChunk(socket, chunk));
    }
    try {
      try {
        await whenReadEnded(socket);
      } catch (error) {
        if (this.hasFailed) throw this.localError;
        // What arrived stays with the target, so a resumed download can continue after it.
        try {
          this.flush();
        } catch {
          // The data connection's failure is the one to report.
        }
        throw error;
      }
      if (this.hasFailed) throw this.localError;
      try {
        this.flush();
      } catch (error) {
        this.localError = error;
        throw error;
      }
    } finally {
      this.isDone = true;
      this.releaseBuffer(socket, isOwn);
    }
  }

  /** A read into the buffer of `onread`; false pauses the socket. */
  private onRead(bytes: number): boolean {
    if (this.hasFailed || this.isDone || !this.buffer) return false;
    this.used += bytes;
    this.bytes += bytes;
    if (this.used >= FLUSH_AT_BYTES) {
      try {
        this.flush();
      } catch (error) {
        this.failLocal(error);
        return false;
      }
    }
    this.onProgress?.(this.bytes);
    return true;
  }

  /** A chunk of a socket without `onread`: gathered in a pooled buffer, so the target still gets big slices. */
  private onChunk(socket: net.Socket, chunk: Buffer): void {
    if (this.hasFailed || this.isDone) return;
    this.buffer ??= takeBuffer(BUFFER_BYTES);
    try {
      let offset = 0;
      while (offset < chunk.length) {
        const copied = chunk.copy(this.buffer, this.used, offset);
        this.used += copied;
        offset += copied;
        if (this.used >= FLUSH_AT_BYTES) this.flush();
      }
    } catch (error) {
      this.failLocal(error, socket);
      return;
    }
    this.bytes += chunk.length;
    this.onProgress?.(this.bytes);
  }

  private flush(): void {
    if (this.used === 0 || !this.buffer) return;
    const used = this.used;
    this.used = 0;
    this.target[WRITE_SYNC](this.buffer, 0, used);
  }

  /**
   * Back to the pool once nothing can write into it any more: the socket reached its end or is
   * destroyed (which stops reading at once), and for a socket without `onread`, no chunk is copied after this.
   */
  private releaseBuffer(socket: net.Socket, isOwn: boolean): void {
    const buffer = this.buffer;
    this.buffer = undefined;
    this.used = 0;
    if (!buffer) return;
    if (isOwn && !socket.readableEnded) socket.destroy();
    returnBuffer(buffer);
  }

  private failLocal(error: unknown, socket = this.ownSocket): void {
    this.hasFailed = true;
    this.localError = error;
    // Closing the data connection makes the server finish the command (426); the read then fails.
    socket?.destroy();
  }
}
