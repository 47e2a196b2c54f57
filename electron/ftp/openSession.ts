/**
 * The connect sequence of a session: greeting, AUTH TLS, login (USER/PASS/ACCT), PBSZ/PROT,
 * FEAT, OPTS UTF8, OPTS MLST, SYST and PWD, in that order, leaving the state FtpSession starts from.
 * On any failure, or when the caller's signal aborts, the control connection is destroyed.
 * Must not import electron or React.
 */
import { ControlConnection } from './control/ControlConnection';
import type { FtpLogEvent } from './control/logEvent';
import type { TlsTrustOptions } from './control/tlsTrust';
import { FtpAbortedError, FtpReplyError, FtpTlsError, FtpTlsUnavailableError } from './errors';
import { mlstOptsToRequest, parseFeatReply } from './features';
import { isCompletion } from './reply';
import { parsePathReply } from './replyValues';
import type { ConnectOptions, SessionHooks } from './sessionTypes';

/** The connect options with the defaults a session relies on filled in. */
export type SessionOptions = ConnectOptions & { timeoutMs: number };

/** What the login learnt about the server. */
export interface SessionState {
  features: Map<string, string>;
  system?: string;
  initialDirectory?: string;
  isDataProtected: boolean;
}

/** A logged-in control connection, ready for a session. */
export interface OpenedSession {
  control: ControlConnection;
  options: SessionOptions;
  state: SessionState;
}

let nextConnectionNumber = 1;

/** Connects, secures (per `tls`), logs in and reads the server's features; rejects with a typed error. */
export async function openSession(opts: ConnectOptions, hooks: SessionHooks, log: (event: FtpLogEvent) => void): Promise<OpenedSession> {
  const tls = opts.tls ?? 'none';
  const options = { ...opts, timeoutMs: opts.timeoutMs ?? 20_000, connectionId: opts.connectionId ?? `ftp-${nextConnectionNumber++}` };
  const trust: TlsTrustOptions = { trustedFingerprint: opts.trustedFingerprint, insecure: opts.insecure };
  const { connection: control, greeting } = await ControlConnection.connect({
    host: opts.host,
    port: opts.port ?? (tls === 'implicit' ? 990 : 21),
    timeoutMs: options.timeoutMs,
    encoding: opts.encoding === 'latin1' ? 'latin1' : 'utf8',
    connectionId: options.connectionId,
    log,
    signal: hooks.signal,
    implicitTls: tls === 'implicit' ? trust : undefined,
  });
  const onAbort = () => control.destroy(new FtpAbortedError('Connect aborted'));
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (greeting.code !== 220) throw new FtpReplyError(greeting.code, greeting.text, undefined, 'The server refused the connection');
    if (tls === 'explicit' || tls === 'explicit-if-available') {
      const reply = await control.request('AUTH TLS');
      if (reply.code === 234) {
        await control.upgradeToTls(trust);
      } else if (tls === 'explicit') {
        throw new FtpTlsError(`The server refused AUTH TLS: ${reply.code} ${reply.text}`);
      } else if (!opts.allowPlainLogin) {
        // Nothing secret has been sent: the user decides whether to go on without TLS.
        throw new FtpTlsUnavailableError(`${reply.code} ${reply.text}`);
      } else {
        control.log('status', 'The server does not offer TLS; continuing unencrypted as allowed', { hint: 'Passwords and files travel in clear text' });
      }
    }
    await login(control, opts);
    let isDataProtected = false;
    if (control.isSecure) {
      // RFC 4217 §9: PBSZ 0 then PROT P; a refusal leaves data in clear, which the UI must show.
      const pbsz = await control.request('PBSZ 0');
      const prot = isCompletion(pbsz) ? await control.request('PROT P') : pbsz;
      isDataProtected = isCompletion(prot);
      if (!isDataProtected) {
        control.log('status', `The server refused data protection (${prot.code} ${prot.text}); data connections are NOT encrypted`, {
          hint: 'Only the control connection is encrypted',
        });
      }
    }
    const feat = await control.request('FEAT');
    const features = parseFeatReply(feat);
    if (features.has('UTF8') && opts.encoding !== 'latin1') {
      // RFC 2640 §3.1 via OPTS; a refusal only means the server does not switch: not an error.
      await control.request('OPTS UTF8 ON');
    }
    const mlstFacts = mlstOptsToRequest(features.get('MLST'));
    // A refusal leaves the server's default facts: listings still work, with fewer columns.
    if (mlstFacts) await control.request(`OPTS MLST ${mlstFacts}`);
    const syst = await control.request('SYST');
    const pwd = await control.request('PWD');
    let initialDirectory: string | undefined;
    if (pwd.code === 257) {
      try {
        initialDirectory = parsePathReply(pwd.text);
      } catch {
        initialDirectory = undefined;
      }
    }
    return {
      control,
      options,
      state: { features, system: syst.code === 215 ? syst.text : undefined, initialDirectory, isDataProtected },
    };
  } catch (err) {
    control.destroy(err as Error);
    throw err;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

/** USER, then PASS and ACCT as the server asks (RFC 959 §5.4 state diagram); 530 and friends become FtpReplyError. */
async function login(control: ControlConnection, opts: ConnectOptions): Promise<void> {
  const user = opts.user ?? 'anonymous';
  const password = opts.password ?? (user === 'anonymous' || user === 'ftp' ? 'anonymous@' : '');
  let reply = await control.request(`USER ${user}`);
  let last = `USER ${user}`;
  if (reply.code === 331) {
    reply = await control.request(`PASS ${password}`);
    last = 'PASS ****';
  }
  if (reply.code === 332) {
    if (opts.account === undefined) throw new FtpReplyError(reply.code, reply.text, last, 'The server asks for an account (ACCT) and none was given');
    reply = await control.request(`ACCT ${opts.account}`);
    last = 'ACCT ****';
  }
  if (reply.code !== 230 && reply.code !== 202) {
    const hint = reply.code === 530 ? 'Login refused: check the user name and password' : undefined;
    throw new FtpReplyError(reply.code, reply.text, last, hint);
  }
}
