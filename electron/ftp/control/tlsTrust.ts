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

/** A date as a certificate prints it (`Mar  5 12:00:00 2026 GMT`) in ms, or undefined. */
function certificateDateMs(text: string | undefined): number | undefined {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The public key as people name it: `RSA 2048 bits`, `EC P-256`. */
function keyTypeOf(cert: tls.DetailedPeerCertificate): string | undefined {
  const detail = cert as tls.DetailedPeerCertificate & { asn1Curve?: string; nistCurve?: string; bits?: number; modulus?: string };
  if (detail.nistCurve || detail.asn1Curve) return `EC ${detail.nistCurve ?? detail.asn1Curve}`;
  if (detail.modulus && detail.bits) return `RSA ${detail.bits} bits`;
  return detail.bits ? `${detail.bits} bits` : undefined;
}

/**
 * The peer certificate's fingerprint, subject, issuer, validity, names and key, and (given the
 * host the user connected to) whether it names that host, if the peer sent a certificate.
 */
export function certificateInfo(socket: tls.TLSSocket, host?: string): CertificateInfo | undefined {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return undefined;
  const info: CertificateInfo = { fingerprint256: cert.fingerprint256, subject: formatName(cert.subject), issuer: formatName(cert.issuer), validTo: cert.valid_to };
  const validFromMs = certificateDateMs(cert.valid_from);
  const validToMs = certificateDateMs(cert.valid_to);
  if (validFromMs !== undefined) info.validFromMs = validFromMs;
  if (validToMs !== undefined) info.validToMs = validToMs;
  if (cert.subjectaltname) info.altNames = cert.subjectaltname.split(/,\s*/).filter(Boolean);
  const keyType = keyTypeOf(cert as tls.DetailedPeerCertificate);
  if (keyType) info.keyType = keyType;
  if (host !== undefined) info.isHostMatch = tlsModule().checkServerIdentity(host, cert) === undefined;
  return info;
}

/**
 * Checks the handshake result against the trust options and returns the certificate details;
 * throws FtpTlsError (with the certificate, so the UI can ask the user) when it is not trusted.
 */
export function checkTrust(socket: tls.TLSSocket, trust: TlsTrustOptions, host?: string): CertificateInfo {
  const info = certificateInfo(socket, host);
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
