/**
 * Turns what the user typed into the quick-connect bar into connection parameters:
 * a plain host, or an `ftp://` / `ftps://` URL carrying user, password, port and folder.
 */
import type { ConnectParams, TlsMode } from '../../shared/domain';

/** The fields of the quick-connect bar. */
export interface QuickConnectFields {
  host: string;
  user: string;
  password: string;
  port: string;
  tls: TlsMode;
}

/** Parameters to connect with, and the folder to open first when the URL named one. */
export type QuickConnectResult = { ok: true; params: ConnectParams; path?: string } | { ok: false; message: string };

/** Validates and converts the fields; a URL in the host field wins over the other fields. */
export function parseQuickConnect(fields: QuickConnectFields): QuickConnectResult {
  let host = fields.host.trim();
  let user = fields.user.trim();
  let password = fields.password;
  let portText = fields.port.trim();
  let tls = fields.tls;
  let path: string | undefined;
  if (!host) return { ok: false, message: 'Enter a host name or address' };
  const scheme = /^(ftps?|ftpes):\/\//i.exec(host);
  if (scheme) {
    let url: URL;
    try {
      // URL parses only special schemes' hosts reliably: read ftp(s)/ftpes as ftp.
      url = new URL('ftp://' + host.slice(scheme[0].length));
    } catch {
      return { ok: false, message: `Not a valid address: ${host}` };
    }
    const kind = scheme[1].toLowerCase();
    if (kind === 'ftps') tls = 'implicit';
    else if (kind === 'ftpes') tls = 'explicit';
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
  const params: ConnectParams = { host, tls, dataMode: 'auto' };
  if (port !== undefined) params.port = port;
  if (user) params.user = user;
  if (user && password) params.password = password;
  return path ? { ok: true, params, path } : { ok: true, params };
}

/** Labels of the protocol choices, as FileZilla words them. */
export const TLS_LABELS: Record<TlsMode, string> = {
  'explicit-if-available': 'FTP – use explicit TLS if available',
  explicit: 'FTP – require explicit TLS',
  implicit: 'FTPS – implicit TLS',
  none: 'FTP – plain, insecure',
};

/** Short labels for the quick-connect bar, where width is scarce; the long ones are their tooltips. */
export const TLS_SHORT_LABELS: Record<TlsMode, string> = {
  'explicit-if-available': 'FTP, TLS if available',
  explicit: 'FTP, require TLS',
  implicit: 'FTPS (implicit)',
  none: 'FTP, insecure',
};
