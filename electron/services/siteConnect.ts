/**
 * Connection parameters for a saved site: its settings plus the password from the secret
 * store (or the one the user just typed for an "ask" site). The password never leaves the
 * main process. Must not import electron.
 */
import type { ConnectParams, Site } from '../../shared/domain';
import type { SiteService } from '../sites';
import { wireEncodingOf } from '../../shared/charset';

/** The user must type a password: the site says "ask", or none is saved (or it cannot be read now). */
export class PasswordRequiredError extends Error {
  readonly kind = 'password-required';
  constructor(siteName: string, reason: string) {
    super(`${siteName}: ${reason}`);
  }
}

/** The site names a character set Ferry cannot speak. */
export class UnsupportedCharsetError extends Error {
  readonly kind = 'unsupported-charset';
  constructor(siteName: string, charset: string) {
    super(`${siteName}: the character set "${charset}" is not supported; choose Auto, UTF-8 or ISO-8859-1 in the Site Manager`);
  }
}

/** Builds the parameters to connect to `siteId`. */
export async function siteConnectParams(
  sites: SiteService,
  siteId: string,
  given: { password?: string; trustedFingerprint?: string; trustedHostKey?: string },
): Promise<ConnectParams> {
  const site = sites.get(siteId);
  const params: ConnectParams = {
    host: site.host,
    tls: site.tls,
    dataMode: site.dataMode,
    siteId,
  };
  if (site.port) params.port = site.port;
  if (site.protocol === 'sftp') return sshParams(sites, site, params, given);
  const encoding = wireEncodingOf(site.charset);
  if (!encoding) throw new UnsupportedCharsetError(site.name, site.charset);
  if (encoding !== 'auto') params.encoding = encoding;
  if (site.serverType) params.serverType = site.serverType;
  const fingerprint = given.trustedFingerprint ?? site.trustedFingerprint;
  if (fingerprint) params.trustedFingerprint = fingerprint;
  if (site.logonType === 'anonymous') return params;
  params.user = site.user;
  return withPassword(sites, site, params, given.password);
}

/** The parameters with the password typed now, or the saved one; PasswordRequiredError when the user must type it. */
async function withPassword(sites: SiteService, site: Site, params: ConnectParams, typed: string | undefined): Promise<ConnectParams> {
  if (typed) {
    params.password = typed;
    return params;
  }
  if (site.logonType === 'ask') throw new PasswordRequiredError(site.name, 'enter the password for this site');
  const saved = await sites.getPassword(site.id).catch((err: unknown) => {
    const kind = (err as { kind?: string }).kind;
    if (kind === 'secrets-locked') throw new PasswordRequiredError(site.name, 'saved passwords are locked; unlock them or enter the password');
    throw err;
  });
  if (saved === undefined) throw new PasswordRequiredError(site.name, 'no password is saved; enter it');
  params.password = saved;
  return params;
}

/**
 * An SFTP site's parameters: a password as for FTP (normal, ask), the key file with its saved
 * passphrase (asked during the login when none is saved), the agent, or nothing but the user
 * (interactive: the server asks). A host key the user just trusted comes along.
 */
async function sshParams(sites: SiteService, site: Site, params: ConnectParams, given: { password?: string; trustedHostKey?: string }): Promise<ConnectParams> {
  params.protocol = 'sftp';
  params.user = site.user;
  if (given.trustedHostKey) params.trustedHostKey = given.trustedHostKey;
  switch (site.logonType) {
    case 'key':
      params.keyFile = site.keyFile;
      // A passphrase that cannot be read now (passwords locked) is asked for during the login instead.
      params.passphrase = given.password ?? (await sites.getPassword(site.id).catch(() => undefined));
      if (params.passphrase === undefined) delete params.passphrase;
      return params;
    case 'agent':
      params.useAgent = true;
      return params;
    case 'interactive':
      return params;
    default:
      return withPassword(sites, site, params, given.password);
  }
}
