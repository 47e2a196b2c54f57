/**
 * Connection parameters for a saved site: its settings plus the password from the secret
 * store (or the one the user just typed for an "ask" site). The password never leaves the
 * main process. Must not import electron.
 */
import type { ConnectParams } from '../../shared/domain';
import type { SiteService } from '../sites';

/** The user must type a password: the site says "ask", or none is saved (or it cannot be read now). */
export class PasswordRequiredError extends Error {
  readonly kind = 'password-required';
  constructor(siteName: string, reason: string) {
    super(`${siteName}: ${reason}`);
  }
}

/** Builds the parameters to connect to `siteId`. */
export async function siteConnectParams(
  sites: SiteService,
  siteId: string,
  given: { password?: string; trustedFingerprint?: string },
): Promise<ConnectParams> {
  const site = sites.get(siteId);
  const params: ConnectParams = {
    host: site.host,
    tls: site.tls,
    dataMode: site.dataMode,
    siteId,
  };
  if (site.port) params.port = site.port;
  const fingerprint = given.trustedFingerprint ?? site.trustedFingerprint;
  if (fingerprint) params.trustedFingerprint = fingerprint;
  if (site.logonType === 'anonymous') return params;
  params.user = site.user;
  if (given.password) {
    params.password = given.password;
    return params;
  }
  if (site.logonType === 'ask') throw new PasswordRequiredError(site.name, 'enter the password for this site');
  const saved = await sites.getPassword(siteId).catch((err: unknown) => {
    const kind = (err as { kind?: string }).kind;
    if (kind === 'secrets-locked') throw new PasswordRequiredError(site.name, 'saved passwords are locked; unlock them or enter the password');
    throw err;
  });
  if (saved === undefined) throw new PasswordRequiredError(site.name, 'no password is saved; enter it');
  params.password = saved;
  return params;
}
