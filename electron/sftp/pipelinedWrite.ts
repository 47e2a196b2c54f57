/**
 * The pipelined writer behind SftpSession.upload: takes the source's chunks as they come, sends
 * each as WRITE requests at its offset (no larger than the server accepts) and keeps many in
 * flight, pausing the source while the most allowed are unanswered. Resolves once the source
 * has ended and every WRITE is acknowledged; the first refused WRITE fails it.
 * Imports only node:* and this folder.
 */
import type { Readable } from 'node:stream';
import { SftpAbortedError } from './errors';

/** What the writer needs of the SFTP channel. */
export interface WriteChannel {
  /** Writes `data` at `position`; `done` hears the server's answer. */
  write(position: number, data: Buffer, done: (err: Error | undefined) => void): void;
}

/** How one pipelined write runs. */
export interface PipelinedWriteOptions {
  /** The remote byte the source's first byte goes to. */
  offset: number;
  /** The most bytes one WRITE may carry. */
  maxWriteBytes: number;
  /** Most WRITE requests in flight. */
  maxInFlight: number;
  signal?: AbortSignal;
  /** Hears the bytes the server has acknowledged so far. */
  onProgress?: (bytes: number) => void;
  /** Called once the source has ended and its last WRITE is sent, before the answers are in. */
  onAllSent?: () => void;
}

/** What a finished write did, for the log's summary line. */
export interface WriteSummary {
  bytes: number;
  requests: number;
  peakInFlight: number;
}

/** Sends everything `from` yields to `channel` from `opts.offset` on. */
export function pipelinedWrite(channel: WriteChannel, from: Readable, opts: PipelinedWriteOptions): Promise<WriteSummary> {
  return new Promise<WriteSummary>((resolve, reject) => {
    let position = opts.offset;
    let inFlight = 0;
    let peakInFlight = 0;
    let requests = 0;
    let acknowledged = 0;
    let isSourceEnded = false;
    let isSettled = false;

    const onAbort = () => fail(new SftpAbortedError());
    const onData = (chunk: Buffer | string) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let start = 0; start < data.length; start += opts.maxWriteBytes) send(data.subarray(start, start + opts.maxWriteBytes));
      if (inFlight >= opts.maxInFlight) from.pause();
    };
    const onEnd = () => {
      isSourceEnded = true;
      opts.onAllSent?.();
      settleIfDone();
    };
    const onError = (err: Error) => fail(err);
    const onClose = () => {
      if (!isSourceEnded) fail(new Error('the source closed before its end'));
    };

    function cleanUp(): void {
      isSettled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      from.off('data', onData);
      from.off('end', onEnd);
      from.off('error', onError);
      from.off('close', onClose);
    }

    function fail(err: Error): void {
      if (isSettled) return;
      cleanUp();
      from.pause();
      reject(err);
    }

    function settleIfDone(): void {
      if (isSettled || !isSourceEnded || inFlight > 0) return;
      cleanUp();
      resolve({ bytes: acknowledged, requests, peakInFlight });
    }

    function send(data: Buffer): void {
      const length = data.length;
      inFlight++;
      requests++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      channel.write(position, data, (err) => {
        inFlight--;
        if (isSettled) return;
        if (err) return fail(err);
        acknowledged += length;
        opts.onProgress?.(acknowledged);
        if (inFlight < opts.maxInFlight && from.isPaused() && !isSourceEnded) from.resume();
        settleIfDone();
      });
      position += length;
    }

    if (opts.signal?.aborted) return fail(new SftpAbortedError());
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    from.on('data', onData);
    from.on('end', onEnd);
    from.on('error', onError);
    from.on('close', onClose);
    from.resume();
  });
}
