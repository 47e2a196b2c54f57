/**
 * The charset each server's names turned out to be in, learnt by any connection of this run (a
 * browsing session that met a name that is not UTF-8): every later connection to that server
 * (the queue's, a login again after a drop) starts with it, so a name the window shows is sent
 * back with the octets the server gave. Kept for the run only; a new run learns again.
 * Must not import electron.
 */
import { serverKey } from './TlsMemory';

/** Learnt charsets by server (`host:port`). */
export class ServerCharsets {
  private readonly latin1 = new Set<string>();

  /** A connection to this server learnt that its names are ISO-8859-1. */
  learnLatin1(host: string, port: number): void {
    this.latin1.add(serverKey(host, port));
  }

  /** What a new connection to this server should start with, when something was learnt. */
  charsetOf(host: string, port: number): 'latin1' | undefined {
    return this.latin1.has(serverKey(host, port)) ? 'latin1' : undefined;
  }
}
