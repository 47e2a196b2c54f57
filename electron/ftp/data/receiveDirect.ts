/**
 * The download path for a target that writes synchronously (syncIo.ts): no stream pipeline, no
 * buffer per chunk. A plain passive data socket is created with Node's `onread` option and reads
 * straight into one 1 MiB buffer, which goes to the target when nearly full (Node's default
 * allocates a fresh 64 KiB buffer per read: allocation, page faults and garbage collection cost
 * as much CPU as the copying itself). Other sockets (TLS, active mode) hand each chunk to the
 * target as it arrives, without the Writable machinery in between.
 * Owns: reading one data socket into a synchronous target. Must not import electron or React.
 */
import type net from 'node:net';
import { finished } from 'node:stream/promises';
import { WRITE_SYNC, type SyncWriteTarget } from './syncIo';

/** Size of the read buffer of a socket created with readOptions(). */
const BUFFER_BYTES = 1 << 20;
/** The buffer goes to the target once less than this is free, so every read can still be large. */
const MIN_READ_BYTES = 64 << 10;

/** Reads one download's data socket into a synchronous target and counts the bytes. */
export class DirectReceiver {
  /** Bytes received from the data connection so far. */
  bytes = 0;
  /** What the target threw, when the download failed on the local side. */
  localError?: unknown;
  private readonly target: SyncWriteTarget;
  private readonly onProgress?: (bytes: number) => void;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private ownSocket?: net.Socket;
  private hasFailed = false;

  constructor(target: SyncWriteTarget, onProgress?: (bytes: number) => void) {
    this.target = target;
    this.onProgress = onProgress;
  }

  /**
   * `onread` options for net.connect, so the socket reads into this receiver's buffer. The socket
   * must be paused right away and handed to adopt(): nothing is read until receive() resumes it.
   */
  readOptions(): net.OnReadOpts {
    return {
      // Called when the socket starts and after every read: the free part of the buffer.
      buffer: () => this.buffer.subarray(this.used),
      callback: (bytes) => this.onRead(bytes),
    };
  }

  /** Marks `socket` as the one made with readOptions(), for receive(). */
  adopt(socket: net.Socket): void {
    this.ownSocket = socket;
  }

  /**
   * Reads `socket` to its end into the target. Resolves once the stream ended and everything
   * reached the target; rejects with the first failure (`localError` when the target failed).
   */
  async receive(socket: net.Socket): Promise<void> {
    if (socket === this.ownSocket) {
      socket.resume();
    } else {
      socket.on('data', (chunk: Buffer) => this.onChunk(socket, chunk));
    }
    try {
      await finished(socket, { writable: false });
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
  }

  /** A read into the buffer of `onread`; false pauses the socket. */
  private onRead(bytes: number): boolean {
    if (this.hasFailed) return false;
    this.used += bytes;
    this.bytes += bytes;
    if (this.buffer.length - this.used < MIN_READ_BYTES) {
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

  /** A chunk of a socket without `onread` (TLS, active mode). */
  private onChunk(socket: net.Socket, chunk: Buffer): void {
    if (this.hasFailed) return;
    try {
      this.target[WRITE_SYNC](chunk, 0, chunk.length);
    } catch (error) {
      this.failLocal(error, socket);
      return;
    }
    this.bytes += chunk.length;
    this.onProgress?.(this.bytes);
  }

  private flush(): void {
    if (this.used === 0) return;
    const used = this.used;
    this.used = 0;
    this.target[WRITE_SYNC](this.buffer, 0, used);
  }

  private failLocal(error: unknown, socket = this.ownSocket): void {
    this.hasFailed = true;
    this.localError = error;
    // Closing the data connection makes the server finish the command (426); finished() then rejects.
    socket?.destroy();
  }
}
