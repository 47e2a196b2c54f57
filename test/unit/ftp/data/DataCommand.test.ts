/**
 * The data command's state machine without a network: a scripted control connection pairs
 * replies with commands in order, links are values whose connection the test brings up or
 * fails, movers are promises the test settles. Each case walks one path through the states.
 */
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataStrategy } from '../../../../shared/domain';
import type { RequestOptions } from '../../../../electron/ftp/control/ControlConnection';
import { DATA_COMMAND_TRANSITIONS, DataCommand, type DataCommandContext, type DataCommandState } from '../../../../electron/ftp/data/DataCommand';
import type { DataControl, DataLink, LinkOutcome, Negotiated } from '../../../../electron/ftp/data/DataLink';
import { FtpAbortedError, FtpConnectionError, FtpReplyError, FtpTimeoutError } from '../../../../electron/ftp/errors';
import type { FtpReply } from '../../../../electron/ftp/reply';

function reply(code: number, text = 'text'): FtpReply {
  return { code, text, lines: [`${code} ${text}`] };
}

/** A control connection that pairs the replies the test gives with commands in order. */
class ScriptedControl implements DataControl {
  readonly sent: string[] = [];
  readonly logged: string[] = [];
  private readonly pending: Array<{ command: string; options: RequestOptions; resolve: (r: FtpReply) => void; reject: (e: Error) => void }> = [];
  closedWith?: Error;
  host = 'example.org';
  remoteAddress = '127.0.0.1';
  localAddress = '127.0.0.1';
  tlsSession = undefined;
  certificate = undefined;

  get isClosed(): boolean {
    return this.closedWith !== undefined;
  }

  request(command: string, options: RequestOptions = {}): Promise<FtpReply> {
    this.sent.push(command);
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => this.pending.push({ command, options, resolve, reject }));
  }

  batch<T>(send: () => T): T {
    return send();
  }

  abortAndSync(done: Promise<unknown>): Promise<void> {
    this.sent.push('ABOR');
    return done.then(() => undefined, () => undefined);
  }

  log(_kind: string, text: string): void {
    this.logged.push(text);
  }

  destroy(err?: Error): void {
    this.closedWith ??= err ?? new FtpConnectionError('closed');
    for (const p of this.pending.splice(0)) p.reject(this.closedWith);
  }

  /** A 1yz for the oldest command waiting. */
  preliminary(code = 150): void {
    this.pending[0].options.onPreliminary?.(reply(code));
  }

  /** The final reply for the oldest command waiting. */
  answer(code: number, text?: string): void {
    const head = this.pending.shift();
    if (!head) throw new Error(`no command waits for ${code}`);
    head.resolve(reply(code, text));
  }

  /** The commands still waiting for a reply. */
  get waiting(): string[] {
    return this.pending.map((p) => p.command);
  }
}

/** A link whose connection the test brings up or fails. */
class ScriptedLink implements DataLink {
  destroyed = false;
  private settle!: (outcome: LinkOutcome) => void;
  private readonly outcome = new Promise<LinkOutcome>((resolve) => (this.settle = resolve));

  constructor(readonly strategy: DataStrategy, readonly isDialed = false) {}

  ready(): Promise<LinkOutcome> {
    return this.outcome;
  }

  connect(): net.Socket {
    const socket = new net.Socket();
    this.settle({ socket });
    return socket;
  }

  fail(error: Error, isFallback: boolean): void {
    this.settle({ error, isFallback });
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** Lets promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

interface Rig {
  control: ScriptedControl;
  links: ScriptedLink[];
  states: DataCommandState[];
  ctx: DataCommandContext;
}

function rig(extra: Partial<DataCommandContext> = {}, dialed = false): Rig {
  const control = new ScriptedControl();
  const links: ScriptedLink[] = [];
  const negotiate = async (_ctx: unknown, strategy: DataStrategy): Promise<Negotiated> => {
    const link = new ScriptedLink(strategy, dialed);
    links.push(link);
    return { link };
  };
  return {
    control,
    links,
    states: [],
    ctx: { control, strategies: ['EPSV', 'PASV'], timeoutMs: 5000, isProtected: false, negotiate, ...extra },
  };
}

/** Opens `command` and waits until the link for it exists. */
async function start(r: Rig, command = 'RETR f'): Promise<{ opened: Promise<DataCommand> }> {
  const opened = DataCommand.open(r.ctx, command);
  opened.catch(() => undefined);
  await settle();
  return { opened };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DataCommand', () => {
  it('every state the table names can be reached, and none leads out of done', () => {
    expect(DATA_COMMAND_TRANSITIONS.done).toEqual([]);
    expect(DATA_COMMAND_TRANSITIONS.failed).toEqual([]);
    const reachable = new Set<DataCommandState>(['negotiating']);
    for (const state of reachable) for (const next of DATA_COMMAND_TRANSITIONS[state]) reachable.add(next);
    expect([...reachable].sort()).toEqual(Object.keys(DATA_COMMAND_TRANSITIONS).sort());
  });

  it('connects, is accepted, hands over, and is done when the data ended and the 226 came, in that order', async () => {
    const r = rig();
    const { opened } = await start(r);
    expect(r.control.sent).toEqual(['RETR f']);
    r.links[0].connect();
    await settle();
    r.control.preliminary();
    const data = await opened;
    expect(data.state).toBe('flowing');
    const done = data.complete(Promise.resolve());
    await settle();
    expect(data.state).toBe('data-ended');
    r.control.answer(226);
    await expect(done).resolves.toMatchObject({ code: 226 });
    expect(data.state).toBe('done');
  });

  it('is done as well when the 226 comes before the end of the data', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    r.control.answer(226);
    await settle();
    expect(data.state).toBe('final-in');
    let finishMover!: () => void;
    const done = data.complete(new Promise<void>((resolve) => (finishMover = resolve)));
    await settle();
    expect(data.state).toBe('final-in');
    finishMover();
    await expect(done).resolves.toMatchObject({ code: 226 });
  });

  it('waits for the 1yz before handing over a download, but an upload on a dialed link sends at once', async () => {
    const download = rig({}, true);
    const d = await start(download);
    download.links[0].connect();
    await settle();
    expect(download.links[0].destroyed).toBe(false);
    let handedOver = false;
    void d.opened.then(() => (handedOver = true));
    await settle();
    expect(handedOver).toBe(false);

    const upload = rig({ isSending: true }, true);
    const u = await start(upload, 'STOR f');
    upload.links[0].connect();
    const data = await u.opened;
    expect(data.state).toBe('flowing');
    expect(data.preliminary).toBeUndefined();
  });

  it('falls back to the next strategy on 425 before any 1yz, and says why', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.answer(425, "Can't open data connection");
    await settle();
    expect(r.links[0].destroyed).toBe(true);
    expect(r.links).toHaveLength(2);
    expect(r.control.sent).toEqual(['RETR f', 'RETR f']);
    expect(r.control.logged[0]).toMatch(/^EPSV did not work .*425.*; trying PASV/);
    r.links[1].connect();
    r.control.preliminary();
    const data = await opened;
    expect(data.strategy).toBe('PASV');
  });

  it('fails with the reply for a refusal (550), closing the link, without ABOR', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.answer(550, 'No such file');
    await expect(opened).rejects.toMatchObject({ code: 550, command: 'RETR f' });
    expect(r.links[0].destroyed).toBe(true);
    expect(r.control.sent).toEqual(['RETR f']);
  });

  it('waits a moment for the refusal when the connection fails first, and withdraws with ABOR only if none comes', async () => {
    vi.useFakeTimers();
    const refused = rig();
    const a = await start(refused);
    refused.links[0].fail(new FtpConnectionError('ECONNRESET'), true);
    await settle();
    refused.control.answer(550, 'No such file');
    await expect(a.opened).rejects.toBeInstanceOf(FtpReplyError);
    expect(refused.control.sent).toEqual(['RETR f']);

    const silent = rig();
    const b = await start(silent);
    silent.links[0].fail(new FtpConnectionError('ECONNREFUSED'), true);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(silent.control.sent).toEqual(['RETR f', 'ABOR']);
    silent.control.answer(426);
    await settle();
    expect(silent.links).toHaveLength(2);
    silent.links[1].connect();
    silent.control.preliminary();
    await expect(b.opened).resolves.toMatchObject({ strategy: 'PASV' });
  });

  it('keeps a download going after a refusal mid-way for the data in flight, then reports the refusal', async () => {
    vi.useFakeTimers();
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    const socket = r.links[0].connect();
    const data = await opened;
    let failMover!: (e: Error) => void;
    const done = data.complete(new Promise<void>((_, reject) => (failMover = reject)));
    done.catch(() => undefined);
    r.control.answer(426, 'Transfer aborted');
    await settle();
    expect(data.state).toBe('final-in');
    expect(socket.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(socket.destroyed).toBe(true);
    failMover(new Error('premature close'));
    await expect(done).rejects.toMatchObject({ code: 426 });
  });

  it('reports a local failure of the mover rather than the 426 it causes', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    const diskFull = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    data.noteError(diskFull, false);
    const done = data.complete(Promise.reject(diskFull));
    await settle();
    r.control.answer(426);
    await expect(done).rejects.toBe(diskFull);
  });

  it('gives up the control connection when no final reply follows the end of the data', async () => {
    vi.useFakeTimers();
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    const done = data.complete(Promise.resolve());
    done.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(done).rejects.toBeInstanceOf(FtpTimeoutError);
    expect(r.control.isClosed).toBe(true);
  });

  it('aborts: ABOR, the data connection closed, then FtpAbortedError once the replies are drained', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    const socket = r.links[0].connect();
    const data = await opened;
    let endMover!: (e: Error) => void;
    const done = data.complete(new Promise<void>((_, reject) => (endMover = reject)));
    done.catch(() => undefined);
    data.abort();
    expect(data.state).toBe('aborting');
    expect(socket.destroyed).toBe(true);
    expect(r.control.sent).toEqual(['RETR f', 'ABOR']);
    endMover(new Error('closed'));
    r.control.answer(426);
    await expect(done).rejects.toBeInstanceOf(FtpAbortedError);
    expect(data.state).toBe('failed');
  });

  it('takes its final reply from behind when the server answered the pipelined command first (500 after a 1yz)', async () => {
    const r = rig();
    const onOutOfTurn = vi.fn();
    let behind: Promise<FtpReply> | undefined;
    r.ctx.afterSent = () => (behind = r.control.request('EPSV'));
    r.ctx.onOutOfTurn = onOutOfTurn;
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    const done = data.complete(Promise.resolve());
    r.control.answer(500, 'Unknown command');
    await settle();
    expect(onOutOfTurn).toHaveBeenCalledTimes(1);
    expect(data.state).toBe('data-ended');
    r.control.answer(226);
    await expect(done).resolves.toMatchObject({ code: 226 });
    await expect(behind).resolves.toMatchObject({ code: 226 });
  });

  it('takes its final reply from behind when a NOOP behind it was answered during the transfer (200 after a 1yz)', async () => {
    const r = rig();
    const onOutOfTurn = vi.fn();
    let behind: Promise<FtpReply> | undefined;
    r.ctx.afterSent = () => (behind = r.control.request('NOOP'));
    r.ctx.onOutOfTurn = onOutOfTurn;
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    const done = data.complete(Promise.resolve());
    r.control.answer(200, 'NOOP ok');
    await settle();
    expect(onOutOfTurn).toHaveBeenCalledTimes(1);
    expect(data.state).toBe('data-ended');
    r.control.answer(226);
    await expect(done).resolves.toMatchObject({ code: 226 });
    await expect(behind).resolves.toMatchObject({ code: 226 });
  });

  it('a mode reply as the final reply means replies are out of step: the control connection is given up', async () => {
    const r = rig();
    const onOutOfTurn = vi.fn();
    r.ctx.afterSent = () => {
      const behind = r.control.request('EPSV');
      behind.catch(() => undefined);
      return behind;
    };
    r.ctx.onOutOfTurn = onOutOfTurn;
    const { opened } = await start(r);
    r.control.preliminary();
    r.links[0].connect();
    const data = await opened;
    const done = data.complete(Promise.reject(new Error('closed by the server')));
    r.control.answer(229, 'Entering Extended Passive Mode (|||5000|)');
    await expect(done).rejects.toBeInstanceOf(FtpConnectionError);
    expect(onOutOfTurn).toHaveBeenCalledTimes(1);
    expect(r.control.isClosed).toBe(true);
  });

  it('fails with the control connection\'s error when it is lost before the final reply', async () => {
    const r = rig();
    const { opened } = await start(r);
    r.control.preliminary();
    const socket = r.links[0].connect();
    const data = await opened;
    let endMover!: (e: Error) => void;
    const done = data.complete(new Promise<void>((_, reject) => (endMover = reject)));
    const lost = new FtpConnectionError('The server closed the connection unexpectedly');
    r.control.destroy(lost);
    await settle();
    expect(socket.destroyed).toBe(true);
    endMover(new Error('premature close'));
    await expect(done).rejects.toBe(lost);
  });
});
