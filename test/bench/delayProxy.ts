/**
 * A link with a round-trip time, in user space (this VM's kernel has no netem): a loopback proxy
 * in front of an FTP server that holds every chunk for half the round trip in each direction, on
 * the control connection and on every passive data connection (227 and 229 replies are rewritten
 * to point at a listener of its own, which relays to the server's data port the same way). With
 * `bytesPerSecond` each direction of each connection is also paced to that rate. Plain FTP, passive
 * mode only (or, with `isPlainTcp`, any protocol in one connection, such as SSH); everything on
 * 127.0.0.1. Benchmark-only code.
 */
import net from 'node:net';

/** Options of the proxy. */
export interface DelayProxyOptions {
  targetPort: number;
  /** Round-trip time added: half of it each way. */
  rttMs: number;
  /** Rate of each direction of each connection, bytes per second (0 or absent: unpaced). */
  bytesPerSecond?: number;
  /** Relay bytes unchanged, reading no FTP replies (SSH: SFTP runs inside the one connection). */
  isPlainTcp?: boolean;
}

/** A running proxy. */
export interface DelayProxy {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Relays `from` to `to` with a delay and an optional pace, keeping order and backpressure: a
 * chunk leaves at max(arrival + delay, when the previous one has left at the pace).
 */
function relay(from: net.Socket, to: net.Socket, delayMs: number, bytesPerSecond: number, transform?: (chunk: Buffer) => Buffer | Promise<Buffer>): void {
  const queue: Array<{ chunk: Buffer; dueMs: number }> = [];
  let timer: NodeJS.Timeout | undefined;
  let paceFreeMs = 0;
  let isEnded = false;
  let chain = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0].dueMs <= now + 0.5) {
      const { chunk } = queue.shift()!;
      if (!to.destroyed && !to.write(chunk)) {
        from.pause();
        to.once('drain', () => from.resume());
      }
    }
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, queue[0].dueMs - performance.now()));
    else if (isEnded && !to.destroyed) to.end();
  };
  const enqueue = (chunk: Buffer) => {
    const now = performance.now();
    let dueMs = now + delayMs;
    if (bytesPerSecond > 0) {
      paceFreeMs = Math.max(paceFreeMs, now) + (chunk.length * 1000) / bytesPerSecond;
      dueMs = Math.max(dueMs, paceFreeMs);
    }
    // Nothing to wait for (no delay, no pace, nothing queued): straight through, as a plain relay.
    if (dueMs <= now && queue.length === 0) {
      if (!to.destroyed && !to.write(chunk)) {
        from.pause();
        to.once('drain', () => from.resume());
      }
      return;
    }
    queue.push({ chunk, dueMs });
    if (!timer) timer = setTimeout(flush, Math.max(0, queue[0].dueMs - now));
  };
  from.on('data', (chunk: Buffer) => {
    // Replies are rewritten in order; a rewrite may wait for a new listener.
    chain = chain.then(async () => enqueue(transform ? await transform(chunk) : chunk));
  });
  from.on('end', () => {
    void chain.then(() => {
      isEnded = true;
      if (queue.length === 0 && !timer && !to.destroyed) to.end();
    });
  });
  from.on('error', () => to.destroy());
  from.on('close', () => {
    void chain.then(() => {
      if (!isEnded) to.destroy();
    });
  });
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Starts a delay proxy in front of 127.0.0.1:`targetPort`. */
export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const oneWayMs = options.rttMs / 2;
  const pace = options.bytesPerSecond ?? 0;
  const sockets = new Set<net.Socket>();
  const servers = new Set<net.Server>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.setNoDelay(true);
    return s;
  };
  const pair = (client: net.Socket, port: number) => {
    track(client);
    client.pause();
    const upstream = track(net.connect({ host: '127.0.0.1', port }, () => client.resume()));
    return upstream;
  };

  /** A listener for one passive data connection to the server's `port`. */
  const dataListener = async (port: number): Promise<number> => {
    const server = net.createServer((client) => {
      server.close();
      servers.delete(server);
      const upstream = pair(client, port);
      relay(client, upstream, oneWayMs, pace);
      relay(upstream, client, oneWayMs, pace);
    });
    servers.add(server);
    return listen(server);
  };

  /** A rewriter of one control connection's replies: passive replies point at the proxy (whole lines only). */
  const replyRewriter = () => {
    let partial = '';
    return async (chunk: Buffer): Promise<Buffer> => {
      const text = partial + chunk.toString('latin1');
      const cut = text.lastIndexOf('\n') + 1;
      partial = text.slice(cut);
      const out: string[] = [];
      for (const line of text.slice(0, cut).split(/(?<=\n)/)) {
        const epsv = /^229 (.*)\(\|\|\|(\d+)\|\)/.exec(line);
        const pasv = /^227 .*?(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(line);
        if (epsv) out.push(`229 ${epsv[1]}(|||${await dataListener(Number(epsv[2]))}|)\r\n`);
        else if (pasv) {
          const port = await dataListener(Number(pasv[5]) * 256 + Number(pasv[6]));
          out.push(`227 Entering Passive Mode (127,0,0,1,${Math.floor(port / 256)},${port % 256})\r\n`);
        } else out.push(line);
      }
      return Buffer.from(out.join(''), 'latin1');
    };
  };

  const control = net.createServer((client) => {
    const upstream = pair(client, options.targetPort);
    relay(client, upstream, oneWayMs, 0);
    relay(upstream, client, oneWayMs, 0, options.isPlainTcp ? undefined : replyRewriter());
  });
  servers.add(control);
  const port = await listen(control);
  return {
    host: '127.0.0.1',
    port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      for (const s of servers) s.close();
    },
  };
}
