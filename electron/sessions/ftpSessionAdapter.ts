/**
 * Bridges the engine's FtpSession to the queue's TransferSession, and builds a SessionFactory
 * from "how to connect to site X" (which is where credentials come from: the site store and
 * secret store in the app, the URL in the CLI). The queue file never sees them.
 */
import type { DataStrategy } from '../../shared/domain';
import { chooseChecksumMethod, FtpReplyError, FtpSession, type ConnectOptions, type FtpLogEvent } from '../ftp';
import type { SessionFactory, TransferSession } from '../queue';
import { asTransferError, failingAsTransferErrors, rethrowAsTransferError } from './transferErrors';

/** Replies saying the server lacks a command (500/502/504, RFC 959 §4.2): the other way of resuming may work. */
const NOT_IMPLEMENTED = new Set([500, 502, 504]);

/**
 * Wraps a logged-in FtpSession. An upload from an offset continues with REST+STOR when the
 * server announces REST STREAM, else with APPE; when the server answers that it does not
 * implement REST+STOR, the next upload from an offset uses APPE (the queue's runUpload asks
 * again once before it starts from byte 0). `onStrategy` hears which data
 * strategy each data connection used. Engine errors leave it as the queue's TransferError.
 */
export function fromFtpSession(session: FtpSession, onStrategy?: (strategy: DataStrategy) => void): TransferSession {
  const tell = () => {
    if (session.lastDataStrategy) onStrategy?.(session.lastDataStrategy);
  };
  const rest = session.features.get('REST');
  // RFC 3659 §5.5: REST STREAM in FEAT means REST is valid before STOR too.
  let resumeBy: 'rest' | 'append' = rest !== undefined && /STREAM/i.test(rest) ? 'rest' : 'append';
  return {
    list: async (p, onCutShort) => {
      try {
        const entries = await session.list(p, onCutShort);
        tell();
        return entries;
      } catch (err) {
        throw asTransferError(err);
      }
    },
    size: (p, opts) => session.size(p, opts).catch(rethrowAsTransferError),
    modifiedTime: (p) => session.modifiedTime(p).catch(rethrowAsTransferError),
    mkdir: (p, opts) => session.mkdir(p, opts).catch(rethrowAsTransferError),
    delete: (p) => session.delete(p).catch(rethrowAsTransferError),
    rmdir: (p) => session.rmdir(p).catch(rethrowAsTransferError),
    download: async (remote, to, opts) => {
      try {
        await session.download(remote, to, { offset: opts.offset, signal: opts.signal, onProgress: opts.onProgress, type: opts.type, prepareNext: opts.isFollowed });
      } catch (err) {
        throw asTransferError(err);
      }
      tell();
    },
    upload: async (from, remote, opts) => {
      const isResume = opts.offset > 0;
      const method = resumeBy;
      try {
        await session.upload(from, remote, {
          offset: isResume && method === 'rest' ? opts.offset : undefined,
          append: isResume && method === 'append',
          signal: opts.signal,
          onProgress: opts.onProgress,
          type: opts.type,
          prepareNext: opts.isFollowed,
          modifiedMs: opts.modifiedMs,
        });
      } catch (err) {
        // REST+STOR is tried only where the server announced it; APPE is the fallback.
        if (isResume && method === 'rest' && err instanceof FtpReplyError && NOT_IMPLEMENTED.has(err.code)) resumeBy = 'append';
        throw asTransferError(err);
      }
      tell();
    },
    prepareNextTransfer: () => session.prepareDataConnection(),
    checksum: (p) => session.checksum(p).catch(rethrowAsTransferError),
    offersChecksum: chooseChecksumMethod(session.features) !== undefined,
    get isClosed() {
      return session.isClosed;
    },
    close: () => session.close(),
    destroy: () => session.destroy(),
  };
}

/** Options of ftpSessionFactory. */
export interface FtpSessionFactoryOptions {
  /** Receives every command and reply of transfer connections (for the log and `--verbose`). */
  onLog?: (siteId: string, event: FtpLogEvent) => void;
  /** Called with each session once logged in (and the queue's face of it), for what its features say about the server. */
  onConnected?: (siteId: string, session: FtpSession, transfer: TransferSession) => void;
}

/** Opens one logged-in FTP session for a site's transfers with the given connect options. */
export type FtpSessionOpener = (siteId: string, connectionLabel: string, connect: ConnectOptions) => Promise<TransferSession>;

/**
 * Opens FTP sessions for the queue, each starting from what earlier sessions of the same site
 * learnt: the data strategy that worked, the charset of its names, and whether it answers commands
 * pipelined behind a transfer or at login.
 */
export function ftpSessionOpener(opts: FtpSessionFactoryOptions = {}): FtpSessionOpener {
  // The data strategy that last worked for each site: a new session of the pool tries it first,
  // so a mode that cannot connect (a passive port a firewall drops: a timeout per attempt) is not
  // waited out again by every new connection.
  const learned = new Map<string, DataStrategy>();
  // Likewise the charset an Auto connection learnt from the site's names: the next starts with it.
  const learnedEncoding = new Map<string, 'utf8' | 'latin1'>();
  // And sites that answered a command pipelined behind a transfer out of turn: later sessions do not pipeline.
  const refusesPipelining = new Set<string>();
  // And sites that left commands sent behind PASS unanswered: later sessions log in one command at a time.
  const refusesPipelinedLogin = new Set<string>();
  return async (siteId, connectionLabel, connect) => {
    const session = await FtpSession.connect(
      {
        ...connect,
        connectionId: connectionLabel,
        preferredDataStrategy: connect.preferredDataStrategy ?? learned.get(siteId),
        encoding: connect.encoding && connect.encoding !== 'auto' ? connect.encoding : (learnedEncoding.get(siteId) ?? connect.encoding),
        pipelining: connect.pipelining !== false && !refusesPipelining.has(siteId),
        pipelinedLogin: connect.pipelinedLogin !== false && !refusesPipelinedLogin.has(siteId),
      },
      { onLog: opts.onLog ? (event) => opts.onLog!(siteId, event) : undefined },
    );
    if (session.isLoginPipeliningRefused) refusesPipelinedLogin.add(siteId);
    session.on('close', () => {
      if (session.isPipeliningRefused) refusesPipelining.add(siteId);
    });
    const transfer = fromFtpSession(session, (strategy) => {
      learned.set(siteId, strategy);
      if (session.isCharsetLearnt) learnedEncoding.set(siteId, 'latin1');
      if (session.isPipeliningRefused) refusesPipelining.add(siteId);
    });
    opts.onConnected?.(siteId, session, transfer);
    return transfer;
  };
}

/** A SessionFactory that connects with the engine, asking `connectOptionsFor` for host and credentials each time. */
export function ftpSessionFactory(
  connectOptionsFor: (siteId: string) => ConnectOptions | Promise<ConnectOptions>,
  opts: FtpSessionFactoryOptions = {},
): SessionFactory {
  const open = ftpSessionOpener(opts);
  return failingAsTransferErrors(async (siteId, connectionLabel) => open(siteId, connectionLabel, await connectOptionsFor(siteId)));
}
