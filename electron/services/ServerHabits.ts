/**
 * What this run's connections learnt about each server's habits, so every later connection to it
 * (the queue's, a login again after a drop) starts from there: the charset its names turned out
 * to be in (a browsing session met a name that is not UTF-8), so a name the window shows is sent
 * back with the octets the server gave; and whether it leaves commands sent together at login
 * unanswered, so no later login waits for them. Kept for the run only; a new run learns again.
 * Must not import electron.
 */
import { serverKey } from './TlsMemory';

/** Learnt habits by server (`host:port`). */
export class ServerHabits {
  private readonly latin1 = new Set<string>();
  private readonly loginOneByOne = new Set<string>();

  /** A connection to this server learnt that its names are ISO-8859-1. */
  learnLatin1(host: string, port: number): void {
    this.latin1.add(serverKey(host, port));
  }

  /** What a new connection to this server should start with, when something was learnt. */
  charsetOf(host: string, port: number): 'latin1' | undefined {
    return this.latin1.has(serverKey(host, port)) ? 'latin1' : undefined;
  }

  /** A login to this server found commands sent behind PASS unanswered or answered out of turn. */
  learnLoginOneByOne(host: string, port: number): void {
    this.loginOneByOne.add(serverKey(host, port));
  }

  /** Whether a login to this server may send the commands that follow it together. */
  isLoginPipelined(host: string, port: number): boolean {
    return !this.loginOneByOne.has(serverKey(host, port));
  }
}
