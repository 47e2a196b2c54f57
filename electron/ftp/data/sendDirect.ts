/**
 * The upload path for a source that reads synchronously (syncIo.ts): the data socket is fed from
 * two pooled 1 MiB buffers, each refilled as soon as the socket has taken it, instead of a stream
 * pipeline with a new buffer per chunk (allocation and page faults cost about a quarter of an
 * upload's CPU time on loopback; docs/benchmarks.md, Measurements behind the code). At most two
 * buffers are in flight, which is the backpressure.
 * Owns: feeding one data socket from a synchronous source. Must not import electron or React.
 */
import type net from 'node:net';
import { returnBuffer, takeBuffer } from './bufferPool';
import { whenWriteFinished } from './streamEnd';
import { READ_SYNC, type SyncReadSource } from './syncIo';

/**
 * Pooled 1 MiB buffers in use at most: one being written and one waiting. With more, the socket
 * would send the waiting ones in one writev, which Node's TLS layer first copies into one buffer.
 */
const CHUNKS = 2;
/** Size of each of them. */
const CHUNK_BYTES = 1 << 20;

/** Sends a source's bytes over one data socket and ends it. */
export class DirectSender {
  /** Bytes read from the source so far. */
  bytes = 0;
  /** What the source threw, when the upload failed on the local side. */
  localError?: unknown;
  private readonly source: SyncReadSource;
  private readonly onProgress?: (bytes: number) => void;

  constructor(source: SyncReadSource, onProgress?: (bytes: number) => void) {
    this.source = source;
    this.onProgress = onProgress;
  }

  /**
   * Writes the whole source to `socket`, then ends it; resolves once the socket has flushed
   * everything; rejects with the first failure (`localError` when the source failed).
   */
  send(socket: net.Socket): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      /** Buffers of this upload that are not being sent; at most CHUNKS are taken from the pool. */
      const free: Buffer[] = [];
      let taken = 0;
      let inFlight = 0;
      let isAtEnd = false;
      let isEnding = false;
      let isSettled = false;
      const nextBuffer = (): Buffer | undefined => {
        if (free.length > 0) return free.pop();
        if (taken === CHUNKS) return undefined;
        taken++;
        return takeBuffer(CHUNK_BYTES);
      };
      // Back to the pool once no write can still be sending from them.
      const releaseBuffers = () => {
        if (!isSettled || inFlight > 0) return;
        for (const buffer of free.splice(0)) returnBuffer(buffer);
      };
      const settle = (error?: unknown) => {
        if (isSettled) return;
        isSettled = true;
        socket.off('close', onClose);
        releaseBuffers();
        if (error === undefined) resolve();
        else reject(error);
      };
      const fail = (error: unknown) => {
        socket.destroy();
        settle(error);
      };
      // A data connection that closes before everything was sent (reset, abort, timeout).
      const onClose = () => settle(new Error('The data connection closed before the upload was complete'));
      socket.on('close', onClose);
      const pump = () => {
        while (!isAtEnd && !isSettled) {
          const buffer = nextBuffer();
          if (!buffer) break;
          let length: number;
          try {
            length = this.source[READ_SYNC](buffer, 0, buffer.length);
          } catch (error) {
            free.push(buffer);
            this.localError = error;
            fail(error);
            return;
          }
          if (length === 0) {
            isAtEnd = true;
            free.push(buffer);
            break;
          }
          this.bytes += length;
          this.onProgress?.(this.bytes);
          inFlight++;
          socket.write(length === buffer.length ? buffer : buffer.subarray(0, length), (error) => {
            inFlight--;
            free.push(buffer);
            if (error) fail(error);
            else if (!isSettled) pump();
            releaseBuffers();
          });
        }
        if (isAtEnd && inFlight === 0 && !isSettled && !isEnding) {
          isEnding = true;
          socket.off('close', onClose);
          socket.end();
          whenWriteFinished(socket).then(() => settle(), settle);
        }
      };
      pump();
    });
  }
}
