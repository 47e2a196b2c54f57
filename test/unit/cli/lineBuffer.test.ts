/** The command line's output buffer: lines gathered briefly and written together, in order. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineBuffer } from '../../../electron/cli/lineBuffer';

describe('LineBuffer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function sink() {
    const writes: string[] = [];
    const stream = new Writable({ write: (c: Buffer, _e, cb) => (writes.push(c.toString()), cb()) });
    return { stream, writes };
  }

  it('writes gathered lines together after a short delay, in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { stream, writes } = sink();
    const out = new LineBuffer(stream, { flushMs: 100 });
    out.write('one');
    out.write('two');
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toEqual(['one\ntwo\n']);
    out.write('three');
    out.flush();
    out.flush();
    expect(writes).toEqual(['one\ntwo\n', 'three\n']);
  });

  it('writes at once when enough has gathered', () => {
    const { stream, writes } = sink();
    const out = new LineBuffer(stream, { maxBytes: 10 });
    out.write('12345');
    expect(writes).toEqual([]);
    out.write('67890');
    expect(writes).toEqual(['12345\n67890\n']);
    out.flush();
    expect(writes).toHaveLength(1);
  });
});
