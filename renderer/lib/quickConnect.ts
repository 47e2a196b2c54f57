/**
 * Turns what the user typed into the quick-connect bar into connection parameters:
 * a plain host, or an `ftp://`, `ftps://` or `sftp://` URL carrying user, password, port and folder.
 */
import type { ConnectParams } from '../../shared/domain';
import { protocolOf, type ProtocolChoice } from './protocolChoice';

/** The fields of the quick-connect bar. */
export interface QuickConnectFields {
  host: string;
  user: string;
  password: string;
  port: string;
  protocol: ProtocolChoice;
}

/** Parameters to connect with, and the folder to open first when the URL named one. */
export type QuickConnectResult = { ok: true; params: ConnectParams; path?: string } | { ok: false; message: string };

/** Validates and converts the fields; a URL in the host field wins over the other fields. */
export function parseQuickConnect(fields: QuickConnectFields): QuickConnectResult {
  let host = fields.host.trim();
  let user = fields.user.trim();
  let password = fields.password;
  let portText = fields.port.trim();
  let choice = fields.protocol;
  let path: string | undefined;
  if (!host) return { ok: false, message: 'Enter a host name or address' };
  const scheme = /^(ftps?|ftpes|sftp):\/\//i.exec(host);
  if (scheme) {
    let url: URL;
    try {
      // URL parses only special schemes' hosts reliably: read ftp(s)/ftpes/sftp as ftp.
      url = new URL('ftp://' + host.slice(scheme[0].length));
    } catch {
      return { ok: false, message: `Not a valid address: ${host}` };
    }
    const kind = scheme[1].toLowerCase();
    if (kind === 'ftps') choice = 'implicit';
    else if (kind === 'ftpes') choice = 'explicit';
    else if (kind === 'sftp') choice = 'sftp';
    // ftp:// says FTP; the TLS mode chosen stays unless the bar says SFTP.
    else if (choice === 'sftp') choice = 'explicit-if-available';
    host = url.hostname.replace(/^\[|\]$/g, '');
    if (url.username) user = decodeURIComponent(url.username);
    if (url.password) password = decodeURIComponent(url.password);
    if (url.port) portText = url.port;
    if (url.pathname && url.pathname !== '/') path = decodeURIComponent(url.pathname);
  }
  if (/[\s/]/.test(host)) return { ok: false, message: `Not a valid host name: ${host}` };
  let port: number | undefined;
  if (portText) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, message: 'Port must be a number from 1 to 65535' };
  }
  const isSftp = protocolOf(choice) === 'sftp';
  if (isSftp && !user) return { ok: false, message: 'Enter the user name to log in with over SFTP' };
  const params: ConnectParams = { host, tls: choice === 'sftp' ? 'explicit-if-available' : choice, dataMode: 'auto' };
  if (isSftp) params.protocol = 'sftp';
  if (port !== undefined) params.port = port;
  if (user) params.user = user;
  if (user && password) params.password = password;
  return path ? { ok: true, params, path } : { ok: true, params };
}
