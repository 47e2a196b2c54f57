/**
 * A server account as one key: who logs in where (`user@host:port`). What Ferry keeps for a
 * server reached without a saved site (its transfers' site id, its clock offset) is kept under it.
 * Must not import node:*, the DOM or React.
 */
import type { TlsMode } from './domain';

/** What names an account: the host, the port when not the default, the user when not anonymous. */
export interface AccountRef {
  host: string;
  port?: number;
  user?: string;
  tls?: TlsMode;
}

/** The port a connection goes to: the given one, else 990 for implicit TLS and 21 otherwise. */
export function portOf(ref: Pick<AccountRef, 'port' | 'tls'>): number {
  return ref.port ?? (ref.tls === 'implicit' ? 990 : 21);
}

/** `user@host:port`, with `anonymous` for no user and the default port filled in. */
export function accountKeyOf(ref: AccountRef): string {
  return `${ref.user || 'anonymous'}@${ref.host}:${portOf(ref)}`;
}
