/**
 * SSH user authentication as OpenSSH orders it: the agent's keys, then the private key, then
 * keyboard-interactive (the password answers a single hidden prompt; other prompts go to the
 * caller), then the password. Reads the private key (asking for its passphrase when it is
 * encrypted) before connecting, and records which methods were tried for SftpAuthError.
 * Imports only ssh2, node:* and this folder.
 */
// The default import: ssh2 is CommonJS (see sshConnect.ts).
import ssh2, { type AnyAuthMethod, type AuthenticationType, type AuthHandlerMiddleware, type ParsedKey } from 'ssh2';
import { SftpAuthError } from './errors';
import type { SftpLog } from './sftpLog';
import type { SftpConnectOptions, SftpHooks } from './sessionTypes';

/** Passphrase questions before giving up on a key, as ssh-add asks. */
const PASSPHRASE_ATTEMPTS = 3;

function parsed(data: Buffer, passphrase?: string): ParsedKey | Error {
  const key = ssh2.utils.parseKey(data, passphrase);
  return Array.isArray(key) ? (key[0] as ParsedKey) : key;
}

function isEncryptionError(err: Error): boolean {
  return /encrypted|passphrase|decrypt/i.test(err.message);
}

/**
 * The private key ready to sign: decrypted with the given passphrase, or the one `onPassphrase`
 * gives (asked again while it is wrong, up to three times). Undefined when no key was given.
 */
export async function readPrivateKey(options: SftpConnectOptions, hooks: SftpHooks): Promise<ParsedKey | undefined> {
  const source = options.privateKey;
  if (!source) return undefined;
  const plain = parsed(source.data);
  if (!(plain instanceof Error)) return plain;
  if (!isEncryptionError(plain)) {
    throw new SftpAuthError(`${source.path} is not a private key Ferry can read (OpenSSH or PEM format): ${plain.message}`, []);
  }
  let passphrase = source.passphrase;
  for (let asked = 0; ; asked++) {
    if (passphrase !== undefined) {
      const key = parsed(source.data, passphrase);
      if (!(key instanceof Error)) return key;
    }
    if (!hooks.onPassphrase || asked >= PASSPHRASE_ATTEMPTS) break;
    passphrase = await hooks.onPassphrase(source.path);
  }
  const why = passphrase === undefined ? 'is encrypted and no passphrase was given' : 'could not be decrypted: the passphrase is wrong';
  throw new SftpAuthError(`The private key ${source.path} ${why}`, ['publickey']);
}

/** The socket of the agent to use, or undefined (with the reason) when there is none. */
function agentPath(useAgent: SftpConnectOptions['useAgent']): { path?: string; missing?: string } {
  if (!useAgent) return {};
  if (typeof useAgent === 'string') return { path: useAgent };
  if (process.platform === 'win32') return { path: 'pageant' };
  const sock = process.env.SSH_AUTH_SOCK;
  return sock ? { path: sock } : { missing: 'no SSH agent is running (SSH_AUTH_SOCK is not set)' };
}

/** The authentication sequence of one connection and what it has tried. */
export interface AuthPlan {
  /** ssh2's authHandler: returns the next method, or false when none is left. */
  handler: AuthHandlerMiddleware;
  /** The error to report when the server refused every method tried. */
  failure(): SftpAuthError;
}

/** Builds the authentication sequence for `options` (key already read by readPrivateKey). */
export function authPlan(options: SftpConnectOptions, hooks: SftpHooks, key: ParsedKey | undefined, log: SftpLog): AuthPlan {
  const username = options.user;
  const agent = agentPath(options.useAgent);
  if (agent.missing) log.status(`Not using an SSH agent: ${agent.missing}`);
  const tried: string[] = [];
  let offered: string[] = [];
  let isPasswordSpentOnPrompt = false;

  const keyboardInteractive: AnyAuthMethod = {
    type: 'keyboard-interactive',
    username,
    prompt: (name, instructions, _lang, prompts, finish) => {
      if (prompts.length === 0) return finish([]);
      // PAM's "Password:" is a single hidden prompt; answer it with the password once.
      if (!isPasswordSpentOnPrompt && options.password !== undefined && prompts.length === 1 && !prompts[0].echo) {
        isPasswordSpentOnPrompt = true;
        log.command(`keyboard-interactive: answering "${prompts[0].prompt.trim()}" with the password`);
        return finish([options.password]);
      }
      if (!hooks.onPrompts) return finish(prompts.map(() => ''));
      log.status(`The server asks ${prompts.length === 1 ? 'a question' : `${prompts.length} questions`}${name ? ` (${name})` : ''}`);
      hooks.onPrompts({ name, instructions, prompts: prompts.map((p) => ({ text: p.prompt, isEcho: Boolean(p.echo) })) }).then(
        (answers) => finish(answers),
        () => finish(prompts.map(() => '')),
      );
    },
  };

  const sequence: Array<{ method: AuthenticationType; auth: AnyAuthMethod }> = [];
  if (agent.path) sequence.push({ method: 'publickey', auth: { type: 'agent', username, agent: agent.path } });
  if (key) sequence.push({ method: 'publickey', auth: { type: 'publickey', username, key } });
  if (options.password !== undefined || hooks.onPrompts) sequence.push({ method: 'keyboard-interactive', auth: keyboardInteractive });
  if (options.password !== undefined) sequence.push({ method: 'password', auth: { type: 'password', username, password: options.password } });

  const handler: AuthHandlerMiddleware = (authsLeft, _partialSuccess, next) => {
    if (authsLeft) offered = authsLeft.slice();
    if (tried.length > 0) log.reply(`refused; the server accepts ${offered.join(', ') || 'nothing more'}`);
    while (sequence.length > 0) {
      const step = sequence.shift()!;
      if (authsLeft && !authsLeft.includes(step.method)) continue;
      const name = step.auth.type === 'agent' ? 'agent' : step.auth.type;
      tried.push(name);
      log.command(`USERAUTH ${username} (${name === 'agent' ? 'keys of the SSH agent' : name})`);
      return next(step.auth);
    }
    next(false as unknown as AnyAuthMethod);
  };

  return {
    handler,
    failure: () => {
      const accepts = offered.length ? `; the server accepts ${offered.join(', ')}` : '';
      if (tried.length === 0) {
        return new SftpAuthError(`Cannot log in as ${username}: no password, key or agent to try${accepts}`, [], offered);
      }
      return new SftpAuthError(`Login refused for ${username}: tried ${tried.join(', ')}${accepts}`, tried, offered);
    },
  };
}
