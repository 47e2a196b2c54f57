/**
 * Sessions for the queue: each protocol engine (ftp/, sftp/) adapted to the queue's
 * TransferSession interface, its errors converted to the queue's TransferError where they leave
 * a session. The queue knows no engine; the app and the CLI build their session factories here.
 */
export { fromFtpSession, ftpSessionFactory, type FtpSessionFactoryOptions } from './ftpSessionAdapter';
export { asSftpTransferError, fromSftpSession, sftpSessionFactory, type SftpSessionFactoryOptions } from './sftpSessionAdapter';
export { asTransferError, failingAsTransferErrors, rethrowAsTransferError } from './transferErrors';
