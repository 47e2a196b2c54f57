/**
 * Self-signed certificates for the test FTP servers, made with the `openssl` command so the
 * servers read exactly what a real admin would give them. Test-only; imports only node:*.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its key on disk, plus what a client needs to pin it. */
export interface TestCert {
  certPath: string;
  keyPath: string;
  /** Certificate then key in one file, the form pure-ftpd wants. */
  bundlePath: string;
  certPem: string;
  /** SHA-256 of the DER certificate, colon-separated uppercase hex (`AB:CD:...`). */
  fingerprint256: string;
}

/** Creates a fresh self-signed certificate for 127.0.0.1 in `dir`. */
export async function makeSelfSignedCert(dir: string): Promise<TestCert> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const bundlePath = join(dir, 'bundle.pem');
  // P-256 rather than RSA: key generation takes milliseconds, and all four servers accept it.
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '3650',
    '-subj', '/CN=127.0.0.1/O=Ferry test server', '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  const certPem = await readFile(certPath, 'utf8');
  const keyPem = await readFile(keyPath, 'utf8');
  await writeFile(bundlePath, certPem + keyPem, { mode: 0o600 });
  // proftpd refuses key files that others can read.
  await chmod(keyPath, 0o600);
  return { certPath, keyPath, bundlePath, certPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
