/**
 * Sessions for the queue: each protocol engine (ftp/) adapted to the queue's TransferSession
 * interface, and its error verdicts as the queue's ErrorPolicy. The queue knows no engine; the
 * app and the CLI build their session factories here.
 */
export { engineErrorPolicy } from './engineErrorPolicy';
export { fromFtpSession, ftpSessionFactory, type FtpSessionFactoryOptions } from './ftpSessionAdapter';
