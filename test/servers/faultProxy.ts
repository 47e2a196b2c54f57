/**
 * A loopback TCP proxy between an FTP client and a real server that turns any server into a
 * fault test: cut the control or a data connection after N bytes, stall a data connection, throttle
 * data, refuse control connections beyond a count with 421. Passive data connections go to other
 * ports than the control one, so the proxy rewrites 227 (PASV) and 229 (EPSV) replies to point at
 * a data listener of its own and relays from there. Plain FTP only (it must read the replies);
 * active mode is not proxied. With `isPlainTcp` it reads nothing and relays bytes as they come
 * (SSH, whose SFTP runs in the one connection), and the cuts count raw bytes of either side.
 * Everything listens and connects on 127.0.0.1.
 * Test-only; imports node:* only.
 */
import net from 'node:net';

/** A fault for the next matching data connection(s). */
export interface DataFault {
  /** Transfer command whose data connection this applies to (default: RETR, STOR or APPE). */
  command?: 'RETR' | 'STOR' | 'APPE' | 'LIST' | 'MLSD' | 'NLST';
  /** Remote path the command must name (default: any). */
  path?: string;
  /** Cut (reset) the data connection after relaying this many payload bytes. */
  cutAfterBytes?: number;
  /** Stop relaying after this many bytes and hold the connection open (a stall). */
  stallAfterBytes?: number;
  /**
   * Relay this many bytes, then end the receiver's side in order and take the rest from the
   * sender without relaying it: a link that loses the tail while both ends see a clean finish.
   */
  swallowAfterBytes?: number;
  /** How many data connections it applies to (default 1). */
  times?: number;
}

/** Options of the proxy. */
export interface FaultProxyOptions {
  targetHost?: string;
  targetPort: number;
  /** Refuse control connections beyond this many open at once, with a 421 greeting (a per-IP limit). */
  maxControlConnections?: number;
  /** Relay data connections at this many bytes per second (0 = full speed). */
  throttleBps?: number;
  /** Relay every connection's bytes unchanged, reading no FTP (for SSH/SFTP). */
  isPlainTcp?: boolean;
}

/** A running proxy and what it saw. */
export interface FaultProxy {
  host: string;
  port: number;
  /** Client commands in order (PASS masked), e.g. to find `REST 1048576`. */
  commands: string[];
  /** Human-readable notes of faults injected. */
  events: string[];
  /** Number of 421 refusals sent. */
  refusedCount: number;
  /** Adds a data fault (applies to the next matching data connections). */
  addDataFault(fault: DataFault): void;
  /** Cuts every open control connection after it has relayed `bytes` more server bytes (0 = now). */
  cutControlAfter(bytes: number): void;
  /** With isPlainTcp: cuts every open connection after it has relayed `bytes` more client bytes (an upload broken off). */
  cutClientAfter(bytes: number): void;
  setThrottle(bps: number): void;
  setMaxControlConnections(n: number | undefined): void;
  /** Answers AUTH TLS/SSL with 502 on new commands instead of passing it on, as a TLS-stripping attacker would. */
  setStripTls(isStripping: boolean): void;
  stop(): Promise<void>;
}

interface ControlState {
  /** Client bytes left before a cut (isPlainTcp), if one is armed. */
  clientCutBudget?: number;
  /** The last transfer command (verb and argument) the client sent on this control connection. */
  command?: { verb: string; arg: string };
  client: net.Socket;
  upstream: net.Socket;
  /** Server bytes left before a control cut, if one is armed. */
  cutBudget?: number;
}

const TRANSFER_VERBS = new Set(['RETR', 'STOR', 'APPE', 'STOU', 'LIST', 'MLSD', 'NLST']);

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Starts a fault proxy in front of `targetHost:targetPort` on a free loopback port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1';
  const faults: Array<DataFault & { left: number }> = [];
  const controls = new Set<ControlState>();
  const sockets = new Set<net.Socket>();
  const dataServers = new Set<net.Server>();
  let throttleBps = options.throttleBps ?? 0;
  let maxControl = options.maxControlConnections;
  let stripTls = false;
  const proxy: FaultProxy = {
    host: '127.0.0.1',
    port: 0,
    commands: [],
    events: [],
    refusedCount: 0,
    addDataFault: (f) => faults.push({ ...f, left: f.times ?? 1 }),
    cutControlAfter: (bytes) => {
      for (const c of controls) {
        c.cutBudget = bytes;
        if (bytes <= 0) cutControl(c);
      }
    },
    cutClientAfter: (bytes) => {
      for (const c of controls) {
        c.clientCutBudget = bytes;
        if (bytes <= 0) cutControl(c);
      }
    },
    setThrottle: (bps) => {
      throttleBps = bps;
    },
    setMaxControlConnections: (n) => {
      maxControl = n;
    },
    setStripTls: (isStripping) => {
      stripTls = isStripping;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      for (const d of dataServers) d.close();
      await new Promise<void>((resolve) => controlServer.close(() => resolve()));
    },
  };

  function track(s: net.Socket): net.Socket {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    return s;
  }

  function cutControl(c: ControlState): void {
    proxy.events.push('cut control connection');
    c.client.resetAndDestroy();
    c.upstream.destroy();
  }

  function takeFault(state: ControlState): DataFault | undefined {
    const cmd = state.command;
    if (!cmd) return undefined;
    const i = faults.findIndex((f) => {
      const verbOk = f.command ? f.command === cmd.verb : ['RETR', 'STOR', 'APPE'].includes(cmd.verb);
      return verbOk && (f.path === undefined || f.path === cmd.arg);
    });
    if (i < 0) return undefined;
    const f = faults[i];
    if (--f.left <= 0) faults.splice(i, 1);
    return f;
  }

  /** Senders whose data a swallow fault drops until they finish. */
  const swallowing = new WeakSet<net.Socket>();

  /** Relays one direction of a data connection, applying throttle and the fault chosen at the first byte. */
  function relayData(src: net.Socket, dst: net.Socket, state: ControlState, isPayload: boolean): void {
    let fault: DataFault | undefined;
    let isFaultChosen = false;
    let relayed = 0;
    let nextFreeMs = Date.now();
    let isHeld = false;
    src.on('data', (chunk: Buffer) => {
      if (isHeld) return;
      if (isPayload && !isFaultChosen) {
        isFaultChosen = true;
        fault = takeFault(state);
        if (fault) proxy.events.push(`data fault armed for ${state.command?.verb} ${state.command?.arg}: ${JSON.stringify(fault)}`);
      }
      let out = chunk;
      if (fault?.swallowAfterBytes !== undefined && relayed + out.length >= fault.swallowAfterBytes) {
        out = out.subarray(0, Math.max(0, fault.swallowAfterBytes - relayed));
        relayed += out.length;
        proxy.events.push(`swallow ${state.command?.verb} ${state.command?.arg} data after ${relayed} bytes`);
        isHeld = true;
        dst.end(out);
        // The sender's bytes keep being read (and dropped), so it finishes as if all arrived; the
        // receiver's close is not passed back to it before that.
        swallowing.add(src);
        src.removeAllListeners('data');
        src.resume();
        src.on('end', () => src.end());
        return;
      }
      const limit = fault?.cutAfterBytes ?? fault?.stallAfterBytes;
      if (limit !== undefined && relayed + out.length >= limit) {
        out = out.subarray(0, Math.max(0, limit - relayed));
        relayed += out.length;
        if (fault?.cutAfterBytes !== undefined) {
          proxy.events.push(`cut ${state.command?.verb} ${state.command?.arg} data after ${relayed} bytes`);
          isHeld = true;
          const finish = () => {
            // The receiver gets an orderly end after exactly the bytes relayed (a reset could make
            // its kernel drop bytes it had not read yet, and the test could not know the offset);
            // the sender is reset, so the server sees the transfer break.
            dst.end();
            src.resetAndDestroy();
          };
          if (out.length > 0) dst.write(out, finish);
          else finish();
          return;
        }
        proxy.events.push(`stall ${state.command?.verb} ${state.command?.arg} data after ${relayed} bytes`);
        isHeld = true;
        if (out.length > 0) dst.write(out);
        src.pause();
        return;
      }
      relayed += out.length;
      const isDrained = dst.write(out);
      if (throttleBps > 0) {
        const now = Date.now();
        nextFreeMs = Math.max(nextFreeMs, now) + (out.length * 1000) / throttleBps;
        const waitMs = nextFreeMs - now;
        if (waitMs >= 1) {
          src.pause();
          setTimeout(() => {
            if (isDrained || dst.writableLength === 0) src.resume();
            else dst.once('drain', () => src.resume());
          }, waitMs);
          return;
        }
      }
      if (!isDrained) {
        src.pause();
        dst.once('drain', () => src.resume());
      }
    });
    let isEnded = false;
    src.on('end', () => {
      isEnded = true;
      if (!isHeld) dst.end();
    });
    src.on('close', () => {
      // After an orderly end, dst may still hold bytes the receiver has not taken (backpressure):
      // end() delivers them; destroying here would cut the tail off a transfer the server finished.
      if (!isHeld && !isEnded) dst.destroy();
    });
  }

  /** Opens a proxy-side listener for one passive data connection to `host:port`. */
  async function openDataRelay(state: ControlState, host: string, port: number): Promise<number> {
    const server = net.createServer((client) => {
      server.close();
      dataServers.delete(server);
      track(client);
      client.pause();
      const upstream = track(net.connect({ host, port }, () => client.resume()));
      // Which side carries the payload is known from the command, read when bytes flow.
      const isUpload = () => state.command !== undefined && ['STOR', 'APPE', 'STOU'].includes(state.command.verb);
      relayDirection(upstream, client, state, () => !isUpload());
      relayDirection(client, upstream, state, isUpload);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    dataServers.add(server);
    return listen(server);
  }

  function relayDirection(src: net.Socket, dst: net.Socket, state: ControlState, isPayload: () => boolean): void {
    // Decide at the first byte: the transfer command has passed through the control by then.
    let isWired = false;
    const first = (chunk: Buffer) => {
      if (isWired) return;
      isWired = true;
      src.off('data', first);
      src.pause();
      relayData(src, dst, state, isPayload());
      src.emit('data', chunk);
      src.resume();
    };
    src.on('data', first);
    let isEnded = false;
    src.on('end', () => {
      isEnded = true;
      if (!isWired && !swallowing.has(dst)) dst.end();
    });
    src.on('close', () => {
      if (!isWired && !isEnded) dst.destroy();
    });
  }

  /** Relays one side of a plain TCP connection as it comes, with backpressure, until its armed cut. */
  function relayPlain(state: ControlState, src: net.Socket, dst: net.Socket, budget: 'cutBudget' | 'clientCutBudget'): void {
    src.on('data', (chunk: Buffer) => {
      const left = state[budget];
      if (left !== undefined && chunk.length >= left) {
        state[budget] = undefined;
        proxy.events.push(`cut after ${budget === 'cutBudget' ? 'server' : 'client'} bytes`);
        const part = chunk.subarray(0, left);
        if (part.length > 0) dst.write(part, () => cutControl(state));
        else cutControl(state);
        return;
      }
      if (left !== undefined) state[budget] = left - chunk.length;
      if (!dst.write(chunk)) {
        src.pause();
        dst.once('drain', () => src.resume());
      }
    });
  }

  /** Rewrites one reply line when it announces a passive data address. */
  async function rewriteLine(state: ControlState, line: string): Promise<string> {
    const pasv = /^227 (.*?)\(?(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)?(.*)$/.exec(line);
    if (pasv) {
      const hostInReply = `${pasv[2]}.${pasv[3]}.${pasv[4]}.${pasv[5]}`;
      const port = Number(pasv[6]) * 256 + Number(pasv[7]);
      const host = hostInReply === '0.0.0.0' ? targetHost : hostInReply;
      const local = await openDataRelay(state, host, port);
      return `227 Entering Passive Mode (127,0,0,1,${Math.floor(local / 256)},${local % 256})`;
    }
    // RFC 2428: 229 Entering Extended Passive Mode (|||port|); the host is the control peer's.
    const epsv = /^229 .*\|\|\|(\d+)\|/.exec(line);
    if (epsv) {
      const local = await openDataRelay(state, targetHost, Number(epsv[1]));
      return line.replace(/\|\|\|\d+\|/, `|||${local}|`);
    }
    return line;
  }

  const controlServer = net.createServer((client) => {
    track(client);
    if (maxControl !== undefined && controls.size >= maxControl) {
      proxy.refusedCount++;
      proxy.events.push('refused a control connection with 421');
      client.end('421 Too many connections from this IP (fault proxy)\r\n');
      return;
    }
    client.pause();
    const upstream = track(net.connect({ host: targetHost, port: options.targetPort }, () => client.resume()));
    const state: ControlState = { client, upstream };
    controls.add(state);
    const drop = () => {
      controls.delete(state);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    if (options.isPlainTcp) {
      relayPlain(state, upstream, client, 'cutBudget');
      relayPlain(state, client, upstream, 'clientCutBudget');
      return;
    }

    let fromClient = '';
    client.on('data', (chunk: Buffer) => {
      fromClient += chunk.toString('latin1');
      const forward: string[] = [];
      let nl: number;
      while ((nl = fromClient.indexOf('\n')) >= 0) {
        const line = fromClient.slice(0, nl).replace(/\r$/, '');
        fromClient = fromClient.slice(nl + 1);
        const verb = line.split(' ')[0].toUpperCase();
        const arg = line.slice(verb.length + 1);
        proxy.commands.push(verb === 'PASS' ? 'PASS ****' : line);
        if (TRANSFER_VERBS.has(verb)) state.command = { verb, arg };
        if (stripTls && verb === 'AUTH') {
          // What an attacker in the middle does: answer for the server that there is no TLS.
          proxy.events.push(`stripped ${line}`);
          client.write('502 Command not implemented\r\n');
          continue;
        }
        forward.push(`${line}\r\n`);
      }
      // Stripping sees every line, and TLS never starts then; otherwise bytes pass as they came.
      if (!stripTls) upstream.write(chunk);
      else if (forward.length > 0) upstream.write(Buffer.from(forward.join(''), 'latin1'));
    });

    // Replies are handled line by line, in order, because a 227/229 rewrite waits for a listener.
    let fromServer = '';
    let chain = Promise.resolve();
    // After the server's 234 to AUTH the control connection is TLS: its bytes pass as they come.
    let isTls = false;
    upstream.on('data', (chunk: Buffer) => {
      if (isTls) {
        chain = chain.then(() => void (client.destroyed || client.write(chunk)));
        return;
      }
      fromServer += chunk.toString('latin1');
      const lines: string[] = [];
      let nl: number;
      while ((nl = fromServer.indexOf('\n')) >= 0) {
        lines.push(fromServer.slice(0, nl).replace(/\r$/, ''));
        fromServer = fromServer.slice(nl + 1);
      }
      chain = chain.then(async () => {
        for (const line of lines) {
          if (/^234[ -]/.test(line)) isTls = true;
          const out = Buffer.from(`${await rewriteLine(state, line)}\r\n`, 'latin1');
          if (state.cutBudget !== undefined) {
            state.cutBudget -= out.length;
            if (state.cutBudget < 0) {
              cutControl(state);
              return;
            }
          }
          if (!client.destroyed) client.write(out);
        }
      });
    });
  });
  proxy.port = await listen(controlServer);
  return proxy;
}
