/**
 * The connect sequence of a session: greeting, AUTH TLS, login (USER/PASS/ACCT), then PBSZ/PROT,
 * FEAT, SYST, PWD and TYPE I together (behind PASS when pipelining), then OPTS UTF8 and OPTS MLST,
 * leaving the state FtpSession starts from: two round trips after the greeting where the server allows.
 * On any failure, or when the caller's signal aborts, the control connection is destroyed.
 * Must not import electron or React.
 */
import { ControlConnection } from './control/ControlConnection';
import type { FtpLogEvent } from './control/logEvent';
import type { TlsTrustOptions } from './control/tlsTrust';
import { FtpAbortedError, FtpReplyError, FtpTimeoutError, FtpTlsError, FtpTlsUnavailableError } from './errors';
import { mlstOptsToRequest, parseFeatReply } from './features';
import { isCompletion, type FtpReply } from './reply';
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
  /** The transfer type the login set (TYPE I), so the first transfer need not. */
  type?: 'I';
}

/** A logged-in control connection, ready for a session. */
export interface OpenedSession {
  control: ControlConnection;
  options: SessionOptions;
  state: SessionState;
  /** The server could not take commands sent behind PASS (left them unanswered, or answered out of turn): later logins should send one at a time. */
  isLoginPipeliningRefused: boolean;
}

let nextConnectionNumber = 1;

/** How a pipelined login went, for openSession's fallback and what the session tells its factory. */
interface LoginProgress {
  /** Commands went out behind PASS. */
  hasSentPipelined: boolean;
  /** Their replies came back out of turn, and were asked again once logged in. */
  wasOutOfTurn: boolean;
}

/** What PASS may be answered with besides a refusal (RFC 959 §5.4): logged in, superfluous, account needed. */
const PASS_ACCEPTED = new Set([230, 202, 332]);

/**
 * Connects, secures (per `tls`), logs in and reads the server's features; rejects with a typed
 * error. A server that leaves the commands sent behind PASS unanswered (lftp's "sync mode"
 * servers and routers) times out once; the login is then done again one command at a time.
 */
export async function openSession(opts: ConnectOptions, hooks: SessionHooks, log: (event: FtpLogEvent) => void): Promise<OpenedSession> {
  const named = { ...opts, connectionId: opts.connectionId ?? `ftp-${nextConnectionNumber++}` };
  const progress: LoginProgress = { hasSentPipelined: false, wasOutOfTurn: false };
  try {
    const opened = await attempt(named, hooks, log, progress);
    return { ...opened, isLoginPipeliningRefused: progress.wasOutOfTurn };
  } catch (err) {
    if (!(err instanceof FtpTimeoutError) || !progress.hasSentPipelined || hooks.signal?.aborted) throw err;
    log({
      timeMs: Date.now(),
      connectionId: named.connectionId,
      kind: 'status',
      text: 'The server did not answer commands sent together after the password; logging in again one command at a time',
    });
    return { ...(await attempt({ ...named, pipelinedLogin: false }, hooks, log, progress)), isLoginPipeliningRefused: true };
  }
}

async function attempt(
  opts: ConnectOptions & { connectionId: string },
  hooks: SessionHooks,
  log: (event: FtpLogEvent) => void,
  progress: LoginProgress,
): Promise<Omit<OpenedSession, 'isLoginPipeliningRefused'>> {
  const tls = opts.tls ?? 'none';
  const options = { ...opts, timeoutMs: opts.timeoutMs ?? 20_000 };
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
    const after = await login(control, opts, progress);
    const state = await readServer(control, opts, after);
    return { control, options, state };
  } catch (err) {
    control.destroy(err as Error);
    throw err;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

/** Replies to the commands that follow a login (see afterLoginCommands). */
interface AfterLogin {
  pbsz?: Promise<FtpReply>;
  prot?: Promise<FtpReply>;
  feat: Promise<FtpReply>;
  syst: Promise<FtpReply>;
  pwd: Promise<FtpReply>;
  type: Promise<FtpReply>;
}

/** What a session asks once logged in: PBSZ/PROT (RFC 4217 §9) on a secure connection, FEAT, SYST, PWD, TYPE I. */
function afterLoginList(control: ControlConnection): Array<keyof AfterLogin> {
  return control.isSecure ? ['pbsz', 'prot', 'feat', 'syst', 'pwd', 'type'] : ['feat', 'syst', 'pwd', 'type'];
}

const AFTER_LOGIN_COMMANDS: Record<keyof AfterLogin, string> = { pbsz: 'PBSZ 0', prot: 'PROT P', feat: 'FEAT', syst: 'SYST', pwd: 'PWD', type: 'TYPE I' };

/**
 * Sends the commands that follow a login in one write: none depends on another's reply, so one
 * round trip answers them all. Replies are settled even when unused, so a refused login leaves
 * no unhandled rejection behind.
 */
function afterLoginCommands(control: ControlConnection): AfterLogin {
  return control.batch(() => {
    const sent: Partial<AfterLogin> = {};
    for (const key of afterLoginList(control)) {
      const reply = control.request(AFTER_LOGIN_COMMANDS[key]);
      reply.catch(() => undefined);
      sent[key] = reply;
    }
    return sent as AfterLogin;
  });
}

/** The same commands one at a time, each after the previous reply: for servers that drop what they did not wait for. */
async function afterLoginOneByOne(control: ControlConnection): Promise<AfterLogin> {
  const sent: Partial<AfterLogin> = {};
  for (const key of afterLoginList(control)) sent[key] = Promise.resolve(await control.request(AFTER_LOGIN_COMMANDS[key]));
  return sent as AfterLogin;
}

/** The replies of the commands sent after a login that arrived (a closed connection leaves the rest out). */
async function settledReplies(after: AfterLogin): Promise<FtpReply[]> {
  const results = await Promise.allSettled(Object.values(after).filter((r): r is Promise<FtpReply> => r !== undefined));
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

/**
 * USER, then PASS and ACCT as the server asks (RFC 959 §5.4 state diagram); 530 and friends
 * become FtpReplyError. With pipelining, the commands after a login go out behind PASS: a
 * refused login gets them refused too, harmlessly, and a login that needs ACCT sends them again.
 * Resolves with their replies once logged in.
 */
async function login(control: ControlConnection, opts: ConnectOptions, progress: LoginProgress): Promise<AfterLogin> {
  const user = opts.user ?? 'anonymous';
  const password = opts.password ?? (user === 'anonymous' || user === 'ftp' ? 'anonymous@' : '');
  let reply = await control.request(`USER ${user}`);
  let last = `USER ${user}`;
  let after: AfterLogin | undefined;
  if (reply.code === 331) {
    const isPipelined = opts.pipelinedLogin !== false;
    const pass = control.batch(() => {
      const sent = control.request(`PASS ${password}`);
      if (isPipelined) {
        after = afterLoginCommands(control);
        progress.hasSentPipelined = true;
      }
      return sent;
    });
    reply = await pass;
    last = 'PASS ****';
    if (after && reply.code < 400 && !PASS_ACCEPTED.has(reply.code)) {
      // pyftpdlib delays a refused password's 530 and meanwhile answers what it allows before a
      // login (FEAT, SYST): the replies arrive out of turn. All of them in hand, the login's own
      // outcome is among them; the commands behind it are asked again once logged in.
      const replies = [reply, ...(await settledReplies(after))];
      reply = replies.find((r) => r.code === 230 || r.code === 202) ?? replies.find((r) => r.code === 332) ?? replies.filter((r) => r.code >= 400).at(-1) ?? reply;
      after = undefined;
      progress.wasOutOfTurn = true;
      control.log('status', 'The server answered the commands sent behind the password out of turn; they are asked again after the login');
    }
  }
  if (reply.code === 332) {
    after = undefined;
    if (opts.account === undefined) throw new FtpReplyError(reply.code, reply.text, last, 'The server asks for an account (ACCT) and none was given');
    reply = await control.request(`ACCT ${opts.account}`);
    last = 'ACCT ****';
  }
  if (reply.code !== 230 && reply.code !== 202) {
    const hint = reply.code === 530 ? 'Login refused: check the user name and password' : undefined;
    throw new FtpReplyError(reply.code, reply.text, last, hint);
  }
  if (after) return after;
  return opts.pipelinedLogin !== false ? afterLoginCommands(control) : afterLoginOneByOne(control);
}

/**
 * What the server told after the login: data protection, features, system, home folder. OPTS
 * UTF8 and OPTS MLST depend on FEAT's reply; they are sent without waiting for their answers
 * (neither outcome changes what the session does next: a refusal only means the server keeps
 * its defaults), so they cost no round trip of their own: the session's first command is
 * answered behind them.
 */
async function readServer(control: ControlConnection, opts: ConnectOptions, after: AfterLogin): Promise<SessionState> {
  let isDataProtected = false;
  if (after.pbsz && after.prot) {
    const pbsz = await after.pbsz;
    const prot = await after.prot;
    // A PROT P refused (or answered after a refused PBSZ) leaves data in clear, which the UI must show.
    isDataProtected = isCompletion(pbsz) && isCompletion(prot);
    if (!isDataProtected) {
      const refusal = isCompletion(pbsz) ? prot : pbsz;
      control.log('status', `The server refused data protection (${refusal.code} ${refusal.text}); data connections are NOT encrypted`, {
        hint: 'Only the control connection is encrypted',
      });
    }
  }
  const features = parseFeatReply(await after.feat);
  const options: string[] = [];
  // RFC 2640 §3.1 via OPTS; a refusal only means the server does not switch: not an error.
  if (features.has('UTF8') && opts.encoding !== 'latin1') options.push('OPTS UTF8 ON');
  // A refusal leaves the server's default facts: listings still work, with fewer columns.
  const mlstFacts = mlstOptsToRequest(features.get('MLST'));
  if (mlstFacts) options.push(`OPTS MLST ${mlstFacts}`);
  const optional = { expectedRefusal: 'Optional: the server keeps its default' };
  if (opts.pipelinedLogin !== false) {
    control.batch(() => {
      for (const command of options) control.request(command, optional).catch(() => undefined);
    });
  } else {
    for (const command of options) await control.request(command, optional);
  }
  const syst = await after.syst;
  const pwd = await after.pwd;
  const type = await after.type;
  let initialDirectory: string | undefined;
  if (pwd.code === 257) {
    try {
      initialDirectory = parsePathReply(pwd.text);
    } catch {
      initialDirectory = undefined;
    }
  }
  return {
    features,
    system: syst.code === 215 ? syst.text : undefined,
    initialDirectory,
    isDataProtected,
    type: type.code === 200 ? 'I' : undefined,
  };
}
