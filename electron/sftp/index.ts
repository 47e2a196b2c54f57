/**
 * The SFTP engine: SSH connections on ssh2 with host-key checks before any credential, OpenSSH's
 * order of authentication, and SFTP sessions with pipelined transfers. The app and the queue
 * reach it only through this file. Imports only node:*, ssh2 and shared/; never electron, the
 * queue, services or React.
 */
export { SftpSession } from './SftpSession';
export type { SftpConnectOptions, SftpHooks, SftpLogEvent, PromptRequest } from './sessionTypes';
export { fingerprintOf, hostKeyInfo, keyTypeOf, type HostKeyInfo } from './hostKey';
export {
  describeSftpFailure, isTransient, SftpAbortedError, SftpAuthError, SftpConnectionError, SftpError, SftpHostKeyError,
  SftpListingTooLargeError, SftpProtocolError, SftpStatusError, SftpTimeoutError, type SftpErrorKind,
} from './errors';
export { SSH_FX, statusName, statusWords } from './statusCodes';
