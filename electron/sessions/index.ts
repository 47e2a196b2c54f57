/**
 * Sessions of every protocol behind one interface: each engine's logged-in session (ftp/, sftp/)
 * as a RemoteSession (browsing, the command line) and as the queue's TransferSession, its errors
 * converted to the queue's TransferError where they leave a session, the protocol picked from the
 * connection options in one place (openRemoteSession.ts), and the SSH host key decision. The queue
 * knows no engine; the app and the CLI build their sessions and session factories here.
 */
export { fromFtpSession, ftpSessionFactory, ftpSessionOpener, type FtpSessionFactoryOptions } from './ftpSessionAdapter';
export { asSftpTransferError, fromSftpSession, sftpSessionFactory, type SftpSessionFactoryOptions } from './sftpSessionAdapter';
export { isServerRefusal, type LearntHabits, type Protection, type RemoteSession } from './RemoteSession';
export {
  openRemoteSession, remoteSessionFactory, type RemoteConnectOptions, type RemoteHooks, type RemoteLogEvent, type RemoteSessionFactoryOptions,
  type SshAnswered, type SshQuestionHooks,
} from './openRemoteSession';
export { KeyFileError, readKeyFile } from './keyFile';
export { checkAgainstFiles, HostKeyChangedError, HostKeyCheck, HostKeyRevokedError, HostKeyUnknownError, knownHostsFiles } from './hostKeyCheck';
export { asTransferError, failingAsTransferErrors, rethrowAsTransferError } from './transferErrors';
