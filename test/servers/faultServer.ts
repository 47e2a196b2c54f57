/**
 * A small scripted FTP server for tests of what real servers do not do on demand: replies split
 * byte by byte or coalesced, multi-line replies with code-like inner lines, a 421 greeting, a PASV
 * naming a foreign address, 425 to force a data-mode fallback, data connections that close early,
 * stalls. Sensible defaults for every common command over an in-memory file map; each test
 * overrides the commands it wants to misbehave. Listens on 127.0.0.1 only and never opens a
 * connection to a non-loopback address (a PORT/EPRT naming one is refused and recorded).
 * Test-only; imports node:* only.
 */
import net from 'node:net';

/** The server side of one client session, as handlers see it. */
export interface FaultSession {
  /** Writes raw text on the control connection (no CRLF added). */
  write(raw: string): void;
  /** Writes raw text one byte per write, yielding between bytes so they arrive as separate chunks. */
  writeBytewise(raw: string): Promise<void>;
  /** Writes `code text` CRLF (as separate lines `code-…`/`code …` if text has several lines). */
  reply(code: number, text: string): void;
  /** The data connection for the current transfer (waits for the client to connect, or connects for PORT/EPRT). */
  dataSocket(): Promise<net.Socket>;
  /** Closes the control connection. */
  close(): void;
  /** Sets where the next active-mode dataSocket() connects (for handlers replacing EPRT/PORT). */
  setActiveTarget(host: string, port: number): void;
  /** Resolves when the client sent ABOR during the current handler (or never). */
  readonly aborted: Promise<void>;
  /** Per-session state the default handlers keep. */
  state: { user?: string; type: string; rest: number; renameFrom?: string; cwd: string };
  /** The files of the server (shared by all sessions). */
  files: Map<string, Buffer>;
}

/** A command handler: gets the session and the argument text. */
export type FaultHandler = (session: FaultSession, arg: string) => void | Promise<void>;

/**
 * A STOR handler for a server that runs out of space: it accepts, reads the first chunk, closes
 * the data connection and answers 452 (a transient refusal the client must report as such).
 */
export const storStoppedWith452: FaultHandler = async (session) => {
  session.reply(150, 'Ok to send data');
  const data = await session.dataSocket();
  await new Promise((resolve) => data.once('data', resolve));
  data.destroy();
  session.reply(452, 'Insufficient storage space');
};

/**
 * A RETR handler for a slow server: it sends `chunkBytes` bytes of 7s every 5 ms until the data
 * connection closes or the client sends ABOR, so an abort always lands mid-transfer. With
 * `isCompletedAfterAbort` it then answers 226 for the transfer, as some servers do.
 */
export function retrTricklingUntilAborted(chunkBytes: number, isCompletedAfterAbort = false): FaultHandler {
  return async (session) => {
    session.reply(150, 'Opening');
    const data = await session.dataSocket();
    let isStopped = false;
    data.on('close', () => (isStopped = true));
    void session.aborted.then(() => (isStopped = true));
    while (!isStopped) {
      data.write(Buffer.alloc(chunkBytes, 7));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (isCompletedAfterAbort) session.reply(226, 'Transfer complete');
  };
}

/** How the fault server behaves. */
export interface FaultServerOptions {
  /** Raw greeting (default `220 Fault server ready\r\n`), or a function writing it. */
  greeting?: string | ((session: FaultSession) => void | Promise<void>);
  /** Handlers replacing the defaults, by upper-case command name. */
  handlers?: Record<string, FaultHandler>;
  /** Initial files by name. */
  files?: Record<string, Buffer | string>;
  /** FEAT lines (default EPSV, EPRT, PASV, SIZE, REST STREAM, UTF8). */
  features?: string[];
  /** Address announced in 227 replies; the listener itself is always on 127.0.0.1. */
  pasvAddress?: string;
  /** The password that logs in (default `secret`); any other gets 530. */
  password?: string;
  /** Listing lines sent for LIST (default: a Unix listing of the files). */
  listing?: string[];
  /** Like pure-ftpd: commands that arrive in the same read as an ABOR during a transfer are lost. */
  discardAfterAbort?: boolean;
  /**
   * What happens to a command sent behind a data command (RETR, STOR, LIST, ...) before its final
   * reply. `queue` (the default; vsftpd, proftpd, and pure-ftpd when both arrive in one read):
   * answered after the transfer. `reject` (pure-ftpd when it reads it during the transfer): answered
   * `500 Unknown command` right after the transfer's 1yz, and dropped. `take` (pyftpdlib): answered right after the 1yz,
   * while the transfer goes on; an EPSV or PASV also closes the running transfer's data connection,
   * which then gets no final reply.
   */
  behindTransfer?: 'queue' | 'reject' | 'take';
  /**
   * Like servers that read one line at a time and drop the rest of the read (lftp's reason for
   * "sync mode"): of the lines that arrive in one read, only the first is handled.
   */
  firstLineOfRead?: boolean;
  /** Loopback address to listen on, control and passive data alike (default 127.0.0.1; `::1` for IPv6). */
  host?: '127.0.0.1' | '::1';
}

/** A running fault server and what it observed. */
export interface FaultServer {
  host: string;
  port: number;
  /** Every command received, in order (PASS included verbatim). */
  commands: string[];
  /** The command lines of each read from a control connection, in order: what the client sent together. */
  reads: string[][];
  /** Changes `behindTransfer` from now on, for sessions already open too. */
  setBehindTransfer(mode: NonNullable<FaultServerOptions['behindTransfer']>): void;
  /** Addresses the client connected data connections from. */
  dataPeers: string[];
  /** Non-loopback addresses a client asked us to connect to (PORT/EPRT) — must stay empty. */
  refusedTargets: string[];
  files: Map<string, Buffer>;
  stop(): Promise<void>;
}

const DEFAULT_FEATURES = ['EPSV', 'EPRT', 'PASV', 'SIZE', 'REST STREAM', 'UTF8'];

function isLoopback(host: string): boolean {
  return host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';
}

function unixListing(files: Map<string, Buffer>): string[] {
  return [...files.entries()].map(([name, data]) => `-rw-r--r--    1 ftp      ftp      ${String(data.length).padStart(8)} Jan 02  2024 ${name}`);
}

/** Starts a fault server on a free loopback port. */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const files = new Map<string, Buffer>(Object.entries(options.files ?? {}).map(([k, v]) => [k, Buffer.from(v)]));
  const commands: string[] = [];
  const reads: string[][] = [];
  let behindTransfer = options.behindTransfer ?? 'queue';
  const dataPeers: string[] = [];
  const refusedTargets: string[] = [];
  const sockets = new Set<net.Socket>();
  const listenHost = options.host ?? '127.0.0.1';
  const servers = new Set<net.Server>();

  const server = net.createServer((control) => {
    sockets.add(control);
    control.setNoDelay(true);
    control.on('close', () => sockets.delete(control));
    control.on('error', () => undefined);
    void serve(control);
  });
  servers.add(server);

  async function serve(control: net.Socket): Promise<void> {
    let passive: net.Server | undefined;
    let pendingData: Promise<net.Socket> | undefined;
    let activeTarget: { host: string; port: number } | undefined;
    let abortNow: (() => void) | undefined;
    let aborted: Promise<void> = new Promise(() => undefined);
    let transferRunning = false;
    /** A data command's line has been read and its handler has not finished. */
    let isDataCommandOpen = false;
    /** Lines that arrived behind the open data command, for `behindTransfer` other than `queue`. */
    let heldBehind: Array<{ name: string; arg: string }> = [];
    /** The data connection the running handler got, so `take` can close it. */
    let currentData: net.Socket | undefined;
    /** Set by `take`: the running handler's replies are dropped. */
    let isSilenced = false;

    const session: FaultSession = {
      files,
      state: { type: 'A', rest: 0, cwd: '/' },
      write: (raw) => {
        if (!control.destroyed) control.write(raw);
      },
      async writeBytewise(raw) {
        for (const byte of Buffer.from(raw)) {
          if (control.destroyed) return;
          control.write(Buffer.from([byte]));
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      },
      reply(code, text) {
        const lines = text.split('\n');
        const out = lines.map((line, i) => (i === lines.length - 1 ? `${code} ${line}` : i === 0 ? `${code}-${line}` : line));
        session.write(`${out.join('\r\n')}\r\n`);
      },
      dataSocket() {
        if (pendingData) {
          const p = pendingData;
          pendingData = undefined;
          void p.then((socket) => (currentData = socket), () => undefined);
          return p;
        }
        if (activeTarget) {
          const target = activeTarget;
          activeTarget = undefined;
          return new Promise((resolve, reject) => {
            const socket = net.connect(target, () => resolve(socket));
            sockets.add(socket);
            socket.on('error', reject);
          });
        }
        return Promise.reject(new Error('no data connection prepared'));
      },
      close: () => control.destroy(),
      setActiveTarget: (host, port) => {
        if (!isLoopback(host)) throw new Error(`refusing to connect to ${host}`);
        activeTarget = { host, port };
      },
      get aborted() {
        return aborted;
      },
    };

    const openPassive = (): Promise<number> => {
      passive?.close();
      const listener = net.createServer();
      servers.add(listener);
      passive = listener;
      pendingData = new Promise((resolve) => {
        listener.once('connection', (socket) => {
          sockets.add(socket);
          socket.on('error', () => undefined);
          dataPeers.push(socket.remoteAddress ?? '');
          listener.close();
          resolve(socket);
        });
      });
      pendingData.catch(() => undefined);
      return new Promise((resolve) => listener.listen(0, listenHost, () => resolve((listener.address() as net.AddressInfo).port)));
    };

    const sendData = async (s: FaultSession, data: Buffer | string) => {
      s.reply(150, `Opening data connection (${Buffer.byteLength(data)} bytes)`);
      const socket = await s.dataSocket();
      await new Promise<void>((resolve) => {
        socket.on('close', () => resolve());
        socket.end(data);
      });
      s.reply(226, 'Transfer complete');
    };

    const receiveData = async (s: FaultSession, name: string, append: boolean) => {
      s.reply(150, 'Ok to send data');
      const socket = await s.dataSocket();
      const chunks: Buffer[] = [];
      for await (const chunk of socket) chunks.push(chunk as Buffer);
      const previous = files.get(name) ?? Buffer.alloc(0);
      const body = Buffer.concat(chunks);
      const rest = s.state.rest;
      s.state.rest = 0;
      files.set(name, append ? Buffer.concat([previous, body]) : rest > 0 ? Buffer.concat([previous.subarray(0, rest), body]) : body);
      s.reply(226, 'Transfer complete');
    };

    const defaults: Record<string, FaultHandler> = {
      USER: (s, arg) => {
        s.state.user = arg;
        s.reply(331, 'Password required');
      },
      PASS: (s, arg) => s.reply(arg === (options.password ?? 'secret') || s.state.user === 'anonymous' ? 230 : 530, arg === (options.password ?? 'secret') || s.state.user === 'anonymous' ? 'Logged in' : 'Login incorrect'),
      FEAT: (s) => s.write(`211-Features:\r\n${(options.features ?? DEFAULT_FEATURES).map((f) => ` ${f}\r\n`).join('')}211 End\r\n`),
      OPTS: (s) => s.reply(200, 'OK'),
      SYST: (s) => s.reply(215, 'UNIX Type: L8'),
      PWD: (s) => s.reply(257, `"${s.state.cwd}" is the current directory`),
      CWD: (s, arg) => {
        s.state.cwd = arg;
        s.reply(250, 'OK');
      },
      TYPE: (s, arg) => {
        s.state.type = arg;
        s.reply(200, `Type set to ${arg}`);
      },
      NOOP: (s) => s.reply(200, 'NOOP ok'),
      QUIT: (s) => {
        s.reply(221, 'Goodbye');
        control.end();
      },
      EPSV: async (s) => s.reply(229, `Entering Extended Passive Mode (|||${await openPassive()}|)`),
      PASV: async (s) => {
        const port = await openPassive();
        const host = (options.pasvAddress ?? '127.0.0.1').split('.').join(',');
        s.reply(227, `Entering Passive Mode (${host},${Math.floor(port / 256)},${port % 256})`);
      },
      EPRT: (s, arg) => {
        const parts = arg.split(arg[0]);
        if (!isLoopback(parts[2])) {
          refusedTargets.push(parts[2]);
          s.reply(500, 'Illegal EPRT command');
          return;
        }
        activeTarget = { host: parts[2], port: Number(parts[3]) };
        s.reply(200, 'EPRT command successful');
      },
      PORT: (s, arg) => {
        const n = arg.split(',').map(Number);
        const host = n.slice(0, 4).join('.');
        if (!isLoopback(host)) {
          refusedTargets.push(host);
          s.reply(500, 'Illegal PORT command');
          return;
        }
        activeTarget = { host, port: n[4] * 256 + n[5] };
        s.reply(200, 'PORT command successful');
      },
      REST: (s, arg) => {
        s.state.rest = Number(arg);
        s.reply(350, `Restarting at ${arg}`);
      },
      SIZE: (s, arg) => {
        const file = files.get(arg);
        if (file) s.reply(213, String(file.length));
        else s.reply(550, 'No such file');
      },
      LIST: async (s) => sendData(s, `${(options.listing ?? unixListing(files)).join('\r\n')}\r\n`),
      NLST: async (s) => sendData(s, [...files.keys()].map((n) => `${n}\r\n`).join('')),
      RETR: async (s, arg) => {
        const file = files.get(arg);
        if (!file) {
          s.reply(550, 'No such file');
          return;
        }
        const rest = s.state.rest;
        s.state.rest = 0;
        await sendData(s, file.subarray(rest));
      },
      STOR: async (s, arg) => receiveData(s, arg, false),
      APPE: async (s, arg) => receiveData(s, arg, true),
      DELE: (s, arg) => {
        if (files.delete(arg)) s.reply(250, 'Deleted');
        else s.reply(550, 'No such file');
      },
      MKD: (s, arg) => s.reply(257, `"${arg}" created`),
      RMD: (s) => s.reply(250, 'Removed'),
      RNFR: (s, arg) => {
        s.state.renameFrom = arg;
        s.reply(350, 'Ready for RNTO');
      },
      RNTO: (s, arg) => {
        const from = s.state.renameFrom ?? '';
        const file = files.get(from);
        if (!file) {
          s.reply(550, 'No such file');
          return;
        }
        files.delete(from);
        files.set(arg, file);
        s.reply(250, 'Renamed');
      },
    };
    const handlers = { ...defaults, ...options.handlers };
    const DATA_COMMANDS = new Set(['RETR', 'STOR', 'APPE', 'LIST', 'NLST', 'MLSD']);

    /** After the open data command's 1yz: what `behindTransfer` does with the lines held behind it. */
    const answerHeld = () => {
      const held = heldBehind;
      heldBehind = [];
      for (const { name, arg } of held) {
        if (behindTransfer === 'reject') {
          session.reply(500, 'Unknown command');
        } else if (name === 'EPSV' || name === 'PASV') {
          isSilenced = true;
          currentData?.destroy();
          void Promise.resolve(handlers[name](session, arg));
        } else {
          // Answered now, during the transfer, which goes on.
          void Promise.resolve(handlers[name]?.(session, arg));
        }
      }
    };

    let chain = Promise.resolve();
    let buffer = '';
    /** Handles one command line; 'discard-rest' when what follows it in the same read is lost. */
    const dispatch = (name: string, arg: string): 'discard-rest' | undefined => {
      const behind = behindTransfer;
      if (isDataCommandOpen && behind !== 'queue' && name !== 'ABOR') {
        heldBehind.push({ name, arg });
        return undefined;
      }
      const isDataCommand = DATA_COMMANDS.has(name);
      if (isDataCommand) isDataCommandOpen = true;
      if (name === 'ABOR' && !options.handlers?.ABOR) {
        // ABOR is handled at once, even while a transfer handler runs (RFC 959 §4.1.3):
        // the transfer answers 426, then ABOR answers 226.
        if (transferRunning && abortNow) {
          abortNow();
          chain = chain.then(() => session.reply(226, 'ABOR successful'));
          if (options.discardAfterAbort) return 'discard-rest';
        } else {
          chain = chain.then(() => session.reply(225, 'No transfer to abort'));
        }
        return undefined;
      }
      chain = chain.then(async () => {
        const handler = handlers[name];
        if (!handler) {
          session.reply(502, `${name} not implemented`);
          return;
        }
        transferRunning = true;
        let onAbort!: () => void;
        aborted = new Promise<void>((resolve) => (onAbort = resolve));
        let abortedFlag = false;
        abortNow = () => {
          abortedFlag = true;
          onAbort();
        };
        // The handler's own view: once aborted, its late replies are dropped (the 426 stands for them).
        const view: FaultSession = {
          ...session,
          write: (raw) => {
            if (!abortedFlag) session.write(raw);
          },
          reply: (code, text) => {
            if (abortedFlag || isSilenced) return;
            session.reply(code, text);
            if (isDataCommand && code < 200) answerHeld();
          },
        };
        try {
          await Promise.race([
            Promise.resolve(handler(view, arg)),
            aborted.then(() => {
              throw new Error('aborted');
            }),
          ]);
        } catch {
          if (abortedFlag) session.reply(426, 'Connection closed; transfer aborted');
        } finally {
          transferRunning = false;
          abortNow = undefined;
          if (isDataCommand) {
            isDataCommandOpen = false;
            isSilenced = false;
            currentData = undefined;
            // A data command refused before any 1yz: the server is back to reading commands.
            for (const held of heldBehind.splice(0)) dispatch(held.name, held.arg);
          }
        }
      });
      return undefined;
    };

    control.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      const read: string[] = [];
      if (newline !== -1) reads.push(read);
      while (newline !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        commands.push(line);
        read.push(line);
        if (options.firstLineOfRead && read.length > 1) continue;
        const space = line.indexOf(' ');
        const name = (space === -1 ? line : line.slice(0, space)).toUpperCase();
        if (dispatch(name, space === -1 ? '' : line.slice(space + 1)) === 'discard-rest') {
          buffer = '';
          break;
        }
      }
    });

    const greeting = options.greeting ?? '220 Fault server ready\r\n';
    if (typeof greeting === 'string') session.write(greeting);
    else await greeting(session);
  }

  await new Promise<void>((resolve) => server.listen(0, listenHost, () => resolve()));
  return {
    host: listenHost,
    port: (server.address() as net.AddressInfo).port,
    commands,
    reads,
    setBehindTransfer: (mode) => {
      behindTransfer = mode;
    },
    dataPeers,
    refusedTargets,
    files,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers].map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
    },
  };
}
