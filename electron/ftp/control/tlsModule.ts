/**
 * node:tls, loaded on first use. Loading it (and the crypto it pulls in) takes about 5 ms, a
 * twentieth of the command line's start-up; plain FTP never needs it.
 * Must not import electron or React.
 */
import { createRequire } from 'node:module';
import type tls from 'node:tls';

let loaded: typeof tls | undefined;

/** The node:tls module. */
export function tlsModule(): typeof tls {
  loaded ??= createRequire(import.meta.url)('node:tls') as typeof tls;
  return loaded;
}
