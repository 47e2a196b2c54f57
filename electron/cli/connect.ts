/**
 * From a URL and the command-line options to a logged-in session of the URL's protocol: connect
 * options (TLS, data mode, trust, timeout), the password from `FERRY_PASSWORD`, and the verbose log.
 * Must not import electron.
 */
import type { ConnectOptions } from '../ftp';
import { openRemoteSession, type RemoteConnectOptions, type RemoteSession } from '../sessions';
import type { CliOptions } from './args';
import { maxListingEntries } from '../../shared/limits';
import { UsageError } from './usageError';
import { sftpOptionsFor } from './sshLogin';
import { formatLogEvent } from './format';
import type { FtpUrl } from './ftpUrl';
import { writeLine, type CliIo } from './io';

/** Environment variable that supplies the password when the URL names a user but no password. */
export const PASSWORD_ENV = 'FERRY_PASSWORD';

/** The engine's connect options for `url` with `options` (FERRY_PASSWORD fills a missing password). */
export function connectOptionsFor(url: FtpUrl, options: CliOptions, env: CliIo['env']): ConnectOptions {
  if (options.identity !== undefined) throw new UsageError('--identity is for sftp:// URLs (SSH keys)');
  if (options.fingerprint?.startsWith('SHA256:')) throw new UsageError('--fingerprint SHA256:… names an SSH host key; for FTPS give the certificate\'s SHA-256 in hex');
  if (url.scheme === 'ftps' && options.tls !== undefined && options.tls !== 'implicit') {
    throw new UsageError(`an ftps:// URL means implicit TLS; for --tls ${options.tls} use an ftp:// URL`);
  }
  const tls = url.scheme === 'ftps' ? 'implicit' : options.tls ?? 'none';
  if (tls === 'none' && (options.fingerprint || options.isInsecure)) {
    throw new UsageError('--fingerprint and --insecure need TLS (--tls explicit|implicit or an ftps:// URL)');
  }
  const connect: ConnectOptions = { host: url.host, tls, connectionId: 'ferry', maxListingEntries: maxListingEntries(env) };
  if (url.port !== undefined) connect.port = url.port;
  if (url.user !== undefined) {
    connect.user = url.user;
    connect.password = url.password ?? env[PASSWORD_ENV] ?? '';
  }
  if (options.mode) connect.dataMode = options.mode;
  if (options.data) connect.dataStrategy = options.data;
  if (options.fingerprint) connect.trustedFingerprint = options.fingerprint;
  if (options.isInsecure) connect.insecure = true;
  if (options.timeoutMs) connect.timeoutMs = options.timeoutMs;
  if (options.serverType) connect.serverType = options.serverType;
  if (url.hasRawOctets) {
    // %XX octets that are not UTF-8 can only go out as they are, one character per octet.
    if (options.charset === 'utf8') throw new UsageError("the URL's path holds %XX octets that are not UTF-8, which --charset utf8 cannot send; use --charset auto or latin1");
    connect.encoding = 'latin1';
  } else if (options.charset) {
    connect.encoding = options.charset;
  }
  return connect;
}

/**
 * What each connection to the URL's server is opened with: checked (and anything to ask asked)
 * once, and fresh for each connection, since a connection's checks keep their own state.
 */
export async function remoteOptionsFor(url: FtpUrl, options: CliOptions, io: CliIo): Promise<() => RemoteConnectOptions> {
  if (url.scheme === 'sftp') return sftpOptionsFor(url, options, io, url.password ?? io.env[PASSWORD_ENV]);
  const ftp = connectOptionsFor(url, options, io.env);
  return () => ({ protocol: 'ftp', ftp });
}

/** Connects and logs in; with --verbose every command and reply (passwords masked by the engine) goes to stderr. */
export async function openSession(url: FtpUrl, options: CliOptions, io: CliIo): Promise<RemoteSession> {
  const connect = await remoteOptionsFor(url, options, io);
  const onLog = options.isVerbose ? (event: Parameters<typeof formatLogEvent>[0]) => writeLine(io.stderr, formatLogEvent(event)) : undefined;
  return openRemoteSession(connect(), { onLog, signal: io.signal });
}

/** Runs `fn` with a session for `url`, then says goodbye whatever happened. */
export async function withSession<T>(url: FtpUrl, options: CliOptions, io: CliIo, fn: (session: RemoteSession) => Promise<T>): Promise<T> {
  const session = await openSession(url, options, io);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
