/**
 * The FTP engine's public API: the queue, the CLI and the IPC services import only from here.
 * Must not import electron or React.
 */
export {
  FtpSession, type ConnectOptions, type SessionHooks, type DownloadOptions, type UploadOptions, type TransferResult,
} from './FtpSession';
export type { FtpLogEvent } from './control/logEvent';
export type { FtpReply } from './reply';
export {
  FtpError, FtpReplyError, FtpConnectionError, FtpTimeoutError, FtpProtocolError, FtpAbortedError, FtpTlsError,
  FtpInvalidInputError, FtpListingTooLargeError, FtpTlsUnavailableError, isTransient, toErrorInfo, type FtpErrorKind, type CertificateInfo,
} from './errors';
export { normalizeFingerprint } from './control/tlsTrust';
export { chooseChecksumMethod } from './features';
export { READ_SYNC, WRITE_SYNC, type SyncReadSource, type SyncWriteTarget } from './data/syncIo';
