/**
 * Transfer details against the scripted fault server: REST before RETR, ASCII mode, APPE and
 * REST + STOR, keep-alive NOOPs only while idle, and listings streamed through the parser.
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, faultServer, FILE, sink, stopAll } from './harness';

afterEach(stopAll);

describe('transfer details', () => {
  it('resumes a download with REST right before RETR', async () => {
    const s = await faultServer({ files: { 'a.bin': FILE } });
    const session = await connect(s);
    const out = sink();
    const result = await session.download('a.bin', out, { offset: 20_000 });
    expect(result.bytes).toBe(30_000);
    expect(out.data().equals(FILE.subarray(20_000))).toBe(true);
    expect(s.commands.slice(-3)).toEqual(['EPSV', 'REST 20000', 'RETR a.bin']);
  });

  it('converts line endings in ASCII mode both ways and sends TYPE only when it changes', async () => {
    const s = await faultServer({ files: { 't.txt': 'one\r\ntwo\r\n' } });
    const session = await connect(s);
    const out = sink();
    await session.download('t.txt', out, { type: 'ascii' });
    expect(out.data().toString()).toBe('one\ntwo\n');
    await session.upload(Readable.from([Buffer.from('a\nb\r\nc\n')]), 'u.txt', { type: 'ascii' });
    expect(s.files.get('u.txt')?.toString()).toBe('a\r\nb\r\nc\r\n');
    await session.download('t.txt', sink());
    expect(s.commands.filter((c) => c.startsWith('TYPE'))).toEqual(['TYPE I', 'TYPE A', 'TYPE I']);
  });

  it('uploads with APPE and with REST + STOR', async () => {
    const s = await faultServer({ files: { 'p.bin': FILE.subarray(0, 10_000) } });
    const session = await connect(s);
    await session.upload(Readable.from([FILE.subarray(10_000, 20_000)]), 'p.bin', { append: true });
    await session.upload(Readable.from([FILE.subarray(20_000)]), 'p.bin', { offset: 20_000 });
    expect(s.files.get('p.bin')?.equals(FILE)).toBe(true);
    expect(s.commands).toContain('REST 20000');
    expect(s.commands).toContain('APPE p.bin');
  });

  it('sends NOOP when idle and never during a transfer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let hasStarted!: () => void;
    const isTransferring = new Promise<void>((resolve) => (hasStarted = resolve));
    const s = await faultServer({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          session.reply(150, 'Opening');
          const data = await session.dataSocket();
          data.write(session.files.get(arg)!.subarray(0, 100));
          await gate;
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!.subarray(100), () => resolve()));
          session.reply(226, 'Done');
        },
      },
    });
    // The session's timers run on a fake clock, so keep-alive periods pass when the test says.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const session = await connect(s, { keepAliveMs: 20 });
      const download = session.download('a.bin', sink(), { onProgress: () => hasStarted() });
      await isTransferring;
      // Five keep-alive periods while the transfer is held open.
      await vi.advanceTimersByTimeAsync(100);
      release();
      await download;
      const retr = s.commands.indexOf('RETR a.bin');
      expect(s.commands.slice(retr + 1)).not.toContain('NOOP');
      // Idle again: one period later the keep-alive goes out.
      await vi.advanceTimersByTimeAsync(20);
      await vi.waitFor(() => expect(s.commands.slice(retr + 1)).toContain('NOOP'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('streams a listing through the parser (NLST too)', async () => {
    const s = await faultServer({ files: { 'a b.txt': 'x', 'c.txt': 'yy' } });
    const session = await connect(s);
    const entries = await session.list();
    expect(entries.map((e) => [e.name, e.sizeBytes])).toEqual([['a b.txt', 1], ['c.txt', 2]]);
    expect(await session.nlst()).toEqual(['a b.txt', 'c.txt']);
    expect(s.commands).toContain('LIST');
    expect(s.commands.some((c) => c.startsWith('LIST -a'))).toBe(false);
  });
});