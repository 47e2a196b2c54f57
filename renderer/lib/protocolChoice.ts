/**
 * The Protocol field of the quick-connect bar and the Site Manager: FTP with one of its TLS
 * modes, or SFTP; one list, worded as FileZilla words them, with the short labels the bar uses.
 */
import type { Protocol, TlsMode } from '../../shared/domain';

/** One choice of the Protocol field. */
export type ProtocolChoice = TlsMode | 'sftp';

/** Labels of the protocol choices, in the order they are offered. */
export const PROTOCOL_LABELS: Record<ProtocolChoice, string> = {
  'explicit-if-available': 'FTP – use explicit TLS if available',
  explicit: 'FTP – require explicit TLS',
  implicit: 'FTPS – implicit TLS',
  none: 'FTP – plain, insecure',
  sftp: 'SFTP – SSH File Transfer Protocol',
};

/** Short labels for the quick-connect bar, where width is scarce; the long ones are their tooltips. */
export const PROTOCOL_SHORT_LABELS: Record<ProtocolChoice, string> = {
  'explicit-if-available': 'FTP, TLS if available',
  explicit: 'FTP, require TLS',
  implicit: 'FTPS (implicit)',
  none: 'FTP, insecure',
  sftp: 'SFTP (SSH)',
};

/** The choice that stands for a protocol and FTP's TLS mode. */
export function protocolChoiceOf(value: { protocol?: Protocol; tls: TlsMode }): ProtocolChoice {
  return value.protocol === 'sftp' ? 'sftp' : value.tls;
}

/** The protocol a choice means. */
export function protocolOf(choice: ProtocolChoice): Protocol {
  return choice === 'sftp' ? 'sftp' : 'ftp';
}
