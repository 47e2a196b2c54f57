/**
 * TLS for FTPS (RFC 4217): starting TLS on a fresh or existing socket, and deciding whether the
 * server's certificate is trusted (system CAs, else a fingerprint the user trusts, else the
 * explicit insecure flag).
 * Owns: tls.connect options and certificate checks. Must not import electron or React.
 */
import net from 'node:net';
import type tls from 'node:tls';
import { tlsModule } from './tlsModule';
import { tlsHandshakeHint } from './connectFailure';
import { FtpConnectionError, FtpTimeoutError, FtpTlsError, type CertificateInfo } from '../errors';

/** How the caller wants the server certificate judged. */
export interface TlsTrustOptions {
  /** SHA-256 fingerprint the user trusts (hex, colons optional, any case). */
  trustedFingerprint?: string;
  /** Accept any certificate. */
  insecure?: boolean;
}

/** Canonical form of a SHA-256 fingerprint for comparison: upper-case hex without separators. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

function formatName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

/** The peer certificate's fingerprint, subject, issuer and expiry, if the peer sent one. */
export function certificateInfo(socket: tls.TLSSocket): CertificateInfo | undefined {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return undefined;
  return { fingerprint256: cert.fingerprint256, subject: formatName(cert.subject), issuer: formatName(cert.issuer), validTo: cert.valid_to };
}

/**
 * Checks the handshake result against the trust options and returns the certificate details;
 * throws FtpTlsError (with the certificate, so the UI can ask the user) when it is not trusted.
 */
export function checkTrust(socket: tls.TLSSocket, trust: TlsTrustOptions): CertificateInfo {
  const info = certificateInfo(socket);
  if (!info) throw new FtpTlsError('The server presented no certificate');
  if (socket.authorized || trust.insecure) return info;
  if (trust.trustedFingerprint && normalizeFingerprint(trust.trustedFingerprint) === normalizeFingerprint(info.fingerprint256)) {
    return info;
  }
  const reason = String(socket.authorizationError ?? 'unknown');
  throw new FtpTlsError(`The server certificate is not trusted (${reason}); SHA-256 fingerprint ${info.fingerprint256}`, {
    certificate: info,
    reason,
  });
}

/** Options of startTls. */
export interface StartTlsOptions {
  /** Existing connected socket to upgrade (AUTH TLS, data connections); omit to dial host:port (implicit FTPS). */
  socket?: net.Socket;
  host: string;
  port?: number;
  /** A session of the control connection to resume: data connections must reuse it (proftpd, vsftpd require_ssl_reuse). */
  session?: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Implicit FTPS: TLS from the first byte, so a plain FTP port answers in clear (see tlsHandshakeHint). */
  isImplicit?: boolean;
}

/**
 * Performs the TLS handshake and resolves with the secured socket. Verification is done by the
 * caller with checkTrust (rejectUnauthorized is off so a self-signed certificate can be shown to the user).
 */
export function startTls(options: StartTlsOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tlsModule().connect({
      socket: options.socket,
      host: options.host,
      port: options.socket ? undefined : options.port,
      // SNI must not be an IP address (RFC 6066 §3); Node warns if it is.
      servername: net.isIP(options.host) ? undefined : options.host,
      session: options.session,
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => fail(new FtpTimeoutError(`TLS handshake with ${options.host} timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    const onAbort = () => fail(new FtpConnectionError('TLS handshake aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error) => {
      if (err instanceof FtpTlsError) return fail(err);
      // OpenSSL's words stay in the cause; the message says what they mean when they are known.
      const hint = tlsHandshakeHint(err.message, options.isImplicit === true);
      fail(new FtpTlsError(`TLS handshake failed: ${hint ?? err.message}`, { cause: err }));
    };
    const onClose = () => fail(new FtpTlsError('The connection closed during the TLS handshake'));
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('secureConnect', () => {
      cleanup();
      // The owner attaches its own handlers; until then an error must not crash the process.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}
