/**
 * A server account as one key: who logs in where (`user@host:port`). What Ferry keeps for a
 * server reached without a saved site (its transfers' site id, its clock offset) is kept under it.
 * Must not import node:*, the DOM or React.
 */
import type { Protocol, TlsMode } from './domain';

/** What names an account: the host, the port when not the default, the user when not anonymous. */
export interface AccountRef {
  host: string;
  port?: number;
  user?: string;
  tls?: TlsMode;
  protocol?: Protocol;
}

/** The port a protocol listens on when none is given: 22 for SFTP, 990 for implicit TLS, 21 for FTP. */
export function defaultPortOf(ref: Pick<AccountRef, 'tls' | 'protocol'>): number {
  if (ref.protocol === 'sftp') return 22;
  return ref.tls === 'implicit' ? 990 : 21;
}

/** The port a connection goes to: the given one, else the protocol's default. */
export function portOf(ref: Pick<AccountRef, 'port' | 'tls' | 'protocol'>): number {
  return ref.port ?? defaultPortOf(ref);
}

/** `user@host:port`, with `anonymous` for no user and the default port filled in. */
export function accountKeyOf(ref: AccountRef): string {
  return `${ref.user || 'anonymous'}@${ref.host}:${portOf(ref)}`;
}
