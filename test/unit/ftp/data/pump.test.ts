import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pump } from '../../../../electron/ftp/data/pump';

function collector(): Writable & { data: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  }) as Writable & { data: () => string };
  sink.data = () => Buffer.concat(chunks).toString();
  return sink;
}

describe('pump (the engine lighter pipeline)', () => {
  it('pipes through a transform and resolves once the last stream has finished', async () => {
    const sink = collector();
    const upper = new Transform({ transform: (chunk: Buffer, _e, callback) => callback(null, chunk.toString().toUpperCase()) });
    await pump(Readable.from([Buffer.from('ab'), Buffer.from('c')]), upper, sink);
    expect(sink.data()).toBe('ABC');
    expect(sink.writableFinished).toBe(true);
  });

  it('a failing source destroys the destination with its error and rejects with it', async () => {
    const source = new PassThrough();
    const sink = collector();
    sink.on('error', () => undefined);
    const done = pump(source, sink);
    source.write('x');
    source.destroy(new Error('reset'));
    await expect(done).rejects.toThrow('reset');
    expect(sink.destroyed).toBe(true);
  });

  it('a failing destination destroys the source and rejects with its error', async () => {
    const source = new PassThrough();
    source.on('error', () => undefined);
    const full = new Writable({ write: (_c, _e, callback) => callback(new Error('no space left on device')) });
    const done = pump(source, full);
    source.write('x');
    await expect(done).rejects.toThrow('no space left on device');
    expect(source.destroyed).toBe(true);
  });

  it('a source closed before its end is a premature close', async () => {
    const source = new PassThrough();
    const sink = collector();
    sink.on('error', () => undefined);
    const done = pump(source, sink);
    source.destroy();
    await expect(done).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('swallows an error that comes after the end', async () => {
    const source = new PassThrough();
    const sink = collector();
    const done = pump(source, sink);
    source.end('ok');
    await done;
    // A late error (a reset after the end) reaches the listener pump leaves; without it, emit throws.
    expect(() => sink.emit('error', new Error('late'))).not.toThrow();
    expect(sink.data()).toBe('ok');
  });
});
