import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { whenReadEnded, whenWriteFinished } from '../../../../electron/ftp/data/streamEnd';

describe('whenReadEnded / whenWriteFinished', () => {
  it('resolve when the readable side ends, also when it already had', async () => {
    const stream = new PassThrough();
    const ended = whenReadEnded(stream);
    stream.resume();
    stream.end('data');
    await expect(ended).resolves.toBeUndefined();
    await expect(whenReadEnded(stream)).resolves.toBeUndefined();
  });

  it('reject with the error, or as a premature close when the stream closes before its end', async () => {
    const failing = new PassThrough();
    const failed = whenReadEnded(failing);
    failing.destroy(new Error('reset'));
    await expect(failed).rejects.toThrow('reset');

    const cut = new PassThrough();
    const closed = whenReadEnded(cut);
    cut.destroy();
    await expect(closed).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    await expect(whenReadEnded(cut)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('wait for a writable to finish writing, and report a failed final write', async () => {
    const written: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (written.push(chunk.toString()), cb()) });
    const done = whenWriteFinished(sink);
    sink.end('last');
    await expect(done).resolves.toBeUndefined();
    expect(written).toEqual(['last']);

    const full = new Writable({ write: (_c, _e, cb) => cb(), final: (cb) => cb(new Error('ENOSPC')) });
    const failed = whenWriteFinished(full);
    full.end('x');
    await expect(failed).rejects.toThrow('ENOSPC');
  });
});
